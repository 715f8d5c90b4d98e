// SPDX-License-Identifier: Apache-2.0
// ProjectDocument uses timers and Qt resources, which need an application object for the whole run.
#include <QCoreApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <memory>

namespace {

class QtEnvironment : public ::testing::Environment {
public:
    void SetUp() override {
        // Keeps QStandardPaths (the default autosave folder) away from the user's real data.
        QStandardPaths::setTestModeEnabled(true);
        m_application = std::make_unique<QCoreApplication>(m_argc, m_argv);
    }

    void TearDown() override { m_application.reset(); }

private:
    int m_argc = 1;
    char m_name[16] = "test_document";
    char *m_argv[2] = {m_name, nullptr};
    std::unique_ptr<QCoreApplication> m_application;
};

[[maybe_unused]] const ::testing::Environment *const environment =
    ::testing::AddGlobalTestEnvironment(new QtEnvironment);

} // namespace
