// SPDX-License-Identifier: Apache-2.0
#include "model/projectfile.h"

#include <QDir>
#include <QTemporaryDir>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace otelconsole;
using testing::HasSubstr;

namespace {

class ProjectSave : public testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_directory.isValid()); }

    [[nodiscard]] std::string pathOf(const char *name) const {
        return m_directory.filePath(name).toStdString();
    }

    static std::string contentOf(const std::string &path) {
        std::ifstream file(path);
        std::ostringstream text;
        text << file.rdbuf();
        return text.str();
    }

    static Project sampleProject(const char *name) {
        Project project;
        project.name = name;
        project.hpa = HpaConfig{1, 3, 80, std::nullopt};
        return project;
    }

    QTemporaryDir m_directory;
};

TEST_F(ProjectSave, SavedFile_HoldsExactlyTheWrittenProject) {
    const Project project = sampleProject("saved");
    const std::string path = pathOf("project.yaml");

    ASSERT_TRUE(saveProjectFile(project, path).has_value());

    EXPECT_EQ(contentOf(path), writeProject(project));
}

TEST_F(ProjectSave, SavedFile_LoadsBackToTheSameProject) {
    const Project project = sampleProject("saved");
    const std::string path = pathOf("project.yaml");
    ASSERT_TRUE(saveProjectFile(project, path).has_value());

    const auto loaded = loadProjectFile(path);

    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    EXPECT_EQ(loaded->project, project);
    EXPECT_EQ(loaded->sources.find("hpa.max_replicas").file, path);
}

TEST_F(ProjectSave, SavingAgain_ReplacesTheContentAndLeavesNoTemporaryFiles) {
    const std::string path = pathOf("project.yaml");
    ASSERT_TRUE(saveProjectFile(sampleProject("first"), path).has_value());

    ASSERT_TRUE(saveProjectFile(sampleProject("second"), path).has_value());

    EXPECT_EQ(contentOf(path), writeProject(sampleProject("second")));
    EXPECT_EQ(QDir(m_directory.path()).entryList(QDir::Files), QStringList{"project.yaml"});
}

TEST_F(ProjectSave, MissingDirectory_IsAnIoErrorNamingThePath) {
    const std::string path = pathOf("no-such-directory/project.yaml");

    const auto saved = saveProjectFile(sampleProject("lost"), path);

    ASSERT_FALSE(saved.has_value());
    EXPECT_EQ(saved.error().kind, ErrorKind::Io);
    EXPECT_THAT(saved.error().message, HasSubstr(path));
}

TEST_F(ProjectSave, MissingFile_IsNotFound) {
    const auto loaded = loadProjectFile(pathOf("absent.yaml"));

    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().kind, ErrorKind::NotFound);
    EXPECT_THAT(loaded.error().message, HasSubstr("absent.yaml"));
}

} // namespace
