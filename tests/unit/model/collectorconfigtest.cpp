// SPDX-License-Identifier: Apache-2.0
#include "common/yaml.h"
#include "model/projectfile.h"
#include "modeltestsupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using testing::HasSubstr;
using testing::StartsWith;

namespace {

std::vector<std::string> idsOf(const std::vector<Component> &components) {
    std::vector<std::string> ids;
    for (const Component &component : components)
        ids.push_back(component.id);
    return ids;
}

std::vector<std::string> keysOf(const Json &object) {
    std::vector<std::string> keys;
    for (const auto &item : object.items())
        keys.push_back(item.key());
    return keys;
}

class CollectorConfigImport : public testing::Test {
protected:
    void SetUp() override {
        m_text = otelconsole::modeltest::readSourceFile(configPath);
        ASSERT_FALSE(m_text.empty());
        auto config = parseCollectorConfig(m_text, "config.yaml");
        ASSERT_TRUE(config.has_value()) << config.error().toString();
        m_config = std::move(*config);
    }

    static std::string errorOf(const std::string &text) {
        const auto config = parseCollectorConfig(text, "config.yaml");
        return config ? std::string("<loaded without error>") : config.error().toString();
    }

    static constexpr const char *configPath = "tests/unit/model/data/contrib-config.yaml";
    std::string m_text;
    CollectorConfig m_config;
};

TEST_F(CollectorConfigImport, ComponentIds_KeepTheirOrder) {
    EXPECT_EQ(idsOf(m_config.processors),
              (std::vector<std::string>{"memory_limiter", "k8sattributes", "batch", "batch/sampled",
                                        "attributes/scrub"}));
    EXPECT_EQ(idsOf(m_config.exporters),
              (std::vector<std::string>{"otlp/jaeger", "otlphttp/backend", "debug"}));
    EXPECT_EQ(idsOf(m_config.connectors), (std::vector<std::string>{"forward/sampled"}));
}

TEST_F(CollectorConfigImport, NamedPipelines_KeepTheirIds) {
    ASSERT_EQ(m_config.pipelines.size(), 4U);
    EXPECT_EQ(m_config.pipelines[1].id, "traces/2");
    EXPECT_EQ(m_config.pipelines[1].signal(), "traces");
    EXPECT_EQ(m_config.pipelines[1].receivers, (std::vector<std::string>{"forward/sampled"}));
}

TEST_F(CollectorConfigImport, Settings_KeepTheirYamlTypes) {
    const Json &otlp = m_config.receivers[0].config;

    EXPECT_EQ(otlp["protocols"]["http"]["endpoint"], "0.0.0.0:4318");
    EXPECT_EQ(otlp["protocols"]["grpc"]["max_recv_msg_size_mib"], 16);
    EXPECT_EQ(m_config.processors[2].config["timeout"], "200ms");
    EXPECT_EQ(m_config.exporters[0].config["tls"]["insecure"], true);
}

TEST_F(CollectorConfigImport, EscapedDollar_IsKeptVerbatim) {
    const Json &relabel =
        m_config.receivers[1].config["config"]["scrape_configs"][0]["metric_relabel_configs"][0];

    EXPECT_EQ(relabel["replacement"], "collector_$$1");
}

TEST_F(CollectorConfigImport, ComponentWithoutSettings_StaysNull) {
    EXPECT_TRUE(m_config.processors[3].config.is_null());
    EXPECT_TRUE(m_config.extensions[2].config.is_null());
}

TEST_F(CollectorConfigImport, Export_MatchesTheImportedDocument) {
    const auto original = parseYaml(m_text);
    ASSERT_TRUE(original.has_value());

    EXPECT_EQ(collectorConfigToJson(m_config), *original);
}

TEST_F(CollectorConfigImport, ReimportOfExport_GivesTheSameConfig) {
    const std::string exported = toYaml(collectorConfigToJson(m_config));

    const auto again = parseCollectorConfig(exported, "exported.yaml");

    ASSERT_TRUE(again.has_value()) << again.error().toString();
    EXPECT_EQ(*again, m_config);
}

TEST_F(CollectorConfigImport, UnknownTopLevelKey_IsAnErrorWithoutPrefix) {
    EXPECT_THAT(
        errorOf("receivers: {}\npipelines: {}\n"),
        StartsWith("config.yaml:2:1: unknown key \"pipelines\" in the collector config; expected one of: "
                   "receivers, processors, exporters, extensions, connectors, service"));
}

TEST_F(CollectorConfigImport, UnknownServiceKey_IsAnError) {
    EXPECT_THAT(
        errorOf("service:\n  pipelines: {}\n  telemetery: {}\n"),
        StartsWith("config.yaml:3:3: unknown key \"telemetery\" in service (did you mean \"telemetry\"?)"));
}

TEST_F(CollectorConfigImport, PipelineListOfMaps_IsAWrongType) {
    EXPECT_THAT(errorOf("service:\n  pipelines:\n    traces:\n      exporters: {otlp: {}}\n"),
                HasSubstr("expected a list for service.pipelines.traces.exporters, found a map"));
}

TEST_F(CollectorConfigImport, MalformedYaml_IsAnErrorWithLine) {
    EXPECT_THAT(errorOf("receivers:\n  otlp:\n    protocols: [grpc\n"), StartsWith("config.yaml:"));
}

class CollectorConfigExport : public testing::Test {};

TEST_F(CollectorConfigExport, EmptyConfig_StillHasServicePipelines) {
    EXPECT_EQ(collectorConfigToJson(CollectorConfig()), Json::parse(R"({"service": {"pipelines": {}}})"));
}

TEST_F(CollectorConfigExport, Sections_ComeInCollectorOrderAndOnlyWhenUsed) {
    CollectorConfig config;
    config.connectors = {{"forward", Json::object()}};
    config.exporters = {{"debug", nullptr}};
    config.receivers = {{"otlp", nullptr}};

    EXPECT_EQ(keysOf(collectorConfigToJson(config)),
              (std::vector<std::string>{"receivers", "exporters", "connectors", "service"}));
}

TEST_F(CollectorConfigExport, Service_WritesExtensionsPipelinesTelemetryInOrder) {
    CollectorConfig config;
    config.telemetry = Json::parse(R"({"logs": {"level": "warn"}})");
    config.serviceExtensions = {"health_check"};

    EXPECT_EQ(keysOf(collectorConfigToJson(config)["service"]),
              (std::vector<std::string>{"extensions", "pipelines", "telemetry"}));
}

TEST_F(CollectorConfigExport, Pipeline_OmitsAnEmptyProcessorList) {
    CollectorConfig config;
    config.pipelines = {{"logs", {"otlp"}, {}, {"debug"}}};

    EXPECT_EQ(collectorConfigToJson(config)["service"]["pipelines"]["logs"],
              Json::parse(R"({"receivers": ["otlp"], "exporters": ["debug"]})"));
}

} // namespace
