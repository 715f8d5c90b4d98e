// SPDX-License-Identifier: Apache-2.0
#include "document/collectorimport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

using otelconsole::ErrorKind;
using otelconsole::loadCollectorConfigFile;

class CollectorImport : public testing::Test {
protected:
    std::filesystem::path write(const std::string &name, const std::string &text) {
        const std::filesystem::path path = m_directory / name;
        std::ofstream(path) << text;
        return path;
    }

    void SetUp() override {
        m_directory =
            std::filesystem::temp_directory_path()
            / ("collectorimport-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-"
               + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_directory);
    }

    void TearDown() override { std::filesystem::remove_all(m_directory); }

    std::filesystem::path m_directory;
};

TEST_F(CollectorImport, ConfigFile_IsReadWithItsPipelines) {
    const auto path = write("config.yaml", "receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n"
                                           "  debug: {}\nservice:\n  pipelines:\n    traces:\n"
                                           "      receivers: [otlp]\n      exporters: [debug]\n");

    const auto config = loadCollectorConfigFile(path.string());

    ASSERT_TRUE(config) << config.error().toString();
    ASSERT_EQ(config->pipelines.size(), 1U);
    EXPECT_EQ(config->pipelines[0].exporters, std::vector<std::string>{"debug"});
}

TEST_F(CollectorImport, MissingFile_IsNotFound) {
    const auto config = loadCollectorConfigFile((m_directory / "absent.yaml").string());

    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().kind, ErrorKind::NotFound);
}

TEST_F(CollectorImport, MalformedYaml_NamesTheFileAndLine) {
    const auto path = write("broken.yaml", "receivers:\n  otlp: [\n");

    const auto config = loadCollectorConfigFile(path.string());

    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().location.file, path.string());
    EXPECT_GT(config.error().location.line, 0);
}

} // namespace
