// SPDX-License-Identifier: Apache-2.0
#include "model/projectfile.h"
#include "modeltestsupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using testing::HasSubstr;
using testing::StartsWith;

namespace {

class ProjectLoader : public testing::Test {
protected:
    static Result<LoadedProject> load(const std::string &text) { return parseProject(text, "gateway.yaml"); }

    /// The full error line ("gateway.yaml:2:1: ...") of loading `text`, or a note that it loaded.
    static std::string errorOf(const std::string &text) {
        const auto loaded = load(text);
        return loaded ? std::string("<loaded without error>") : loaded.error().toString();
    }

    static Project loadedProject(const std::string &text) {
        auto loaded = load(text);
        EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().toString());
        return loaded ? loaded->project : Project();
    }
};

class ExampleProject : public testing::TestWithParam<const char *> {};

TEST_P(ExampleProject, LoadsWithoutError) {
    const std::string path = std::string("resources/examples/") + GetParam();
    const std::string text = otelconsole::modeltest::readSourceFile(path);
    ASSERT_FALSE(text.empty()) << path;

    const auto loaded = parseProject(text, path);

    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().toString());
}

TEST_P(ExampleProject, LoadProjectFile_ReadsItFromDisk) {
    const std::string path = std::string(OTELCONSOLE_SOURCE_DIR) + "/resources/examples/" + GetParam();

    const auto loaded = loadProjectFile(path);

    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    EXPECT_FALSE(loaded->project.collector.pipelines.empty());
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleProject,
                         testing::Values("gateway.yaml", "daemonset-logs.yaml", "sidecar.yaml"));

TEST_F(ProjectLoader, GatewayExample_HasTheSeedSettings) {
    const Project project =
        loadedProject(otelconsole::modeltest::readSourceFile("resources/examples/gateway.yaml"));

    EXPECT_EQ(project.name, "otel-gateway");
    EXPECT_EQ(project.deployment.mode, DeploymentMode::Gateway);
    EXPECT_EQ(project.deployment.namespaceName, "otlp-system");
    EXPECT_EQ(project.deployment.replicas, 3);
    EXPECT_EQ(project.deployment.resources.limits, (ResourceList{"2", "4Gi"}));
    EXPECT_EQ(project.deployment.resources.requests, (ResourceList{"1", "2Gi"}));
    EXPECT_EQ(project.deployment.rbac, RbacConfig::derived());
    EXPECT_EQ(project.hpa, (HpaConfig{3, 10, 70, 80}));
    EXPECT_EQ(project.pdb, (PdbConfig{IntOrPercent{2, false}, std::nullopt}));
    ASSERT_TRUE(project.service.has_value());
    EXPECT_TRUE(project.service->headless);
}

TEST_F(ProjectLoader, GatewayExample_KeepsComponentOrderAndTypes) {
    const Project project =
        loadedProject(otelconsole::modeltest::readSourceFile("resources/examples/gateway.yaml"));
    const CollectorConfig &collector = project.collector;

    ASSERT_EQ(collector.exporters.size(), 2U);
    EXPECT_EQ(collector.exporters[0].id, "otlp_grpc/jaeger");
    EXPECT_EQ(collector.exporters[0].type(), "otlp_grpc");
    EXPECT_EQ(collector.exporters[1].id, "otlp_grpc");
    ASSERT_EQ(collector.processors.size(), 4U);
    EXPECT_EQ(collector.processors[0].config["limit_mib"], 3276);
    EXPECT_EQ(collector.exporters[0].config["tls"]["insecure"], true);
    EXPECT_EQ(collector.pipelines[0].exporters, (std::vector<std::string>{"otlp_grpc/jaeger", "otlp_grpc"}));
    EXPECT_EQ(collector.telemetry["metrics"]["readers"][0]["pull"]["exporter"]["prometheus"]["port"], 8888);
}

TEST_F(ProjectLoader, AbsentKeys_TakeTheDefaults) {
    Project expected;
    expected.name = "minimal";

    EXPECT_EQ(loadedProject("name: minimal\n"), expected);
}

TEST_F(ProjectLoader, MissingFormatVersion_ReadsAsVersionOne) {
    EXPECT_EQ(loadedProject("name: a\n"), loadedProject("format_version: 1\nname: a\n"));
}

TEST_F(ProjectLoader, MalformedYaml_GivesLineAndColumn) {
    EXPECT_EQ(errorOf("name: a\nmode: Gateway: DaemonSet\n"),
              "gateway.yaml:2:14: malformed YAML: illegal map value");
}

TEST_F(ProjectLoader, UnknownTopLevelKey_NamesKeyPlaceAndAllowedKeys) {
    EXPECT_EQ(
        errorOf("name: a\nreplica: 3\n"),
        "gateway.yaml:2:1: unknown key \"replica\" in the project (did you mean \"replicas\"?); expected one "
        "of: format_version, name, mode, namespace, collector_image, replicas, resources, rbac, service, "
        "hpa, pdb, anti_affinity, service_monitor, sidecar, tolerations, node_selector, collector");
}

TEST_F(ProjectLoader, UnknownNestedKey_NamesTheSection) {
    EXPECT_THAT(errorOf("hpa:\n  min_replica: 3\n"),
                StartsWith("gateway.yaml:2:3: unknown key \"min_replica\" in hpa"));
}

TEST_F(ProjectLoader, UnknownKeyInListItem_NamesTheItem) {
    EXPECT_THAT(errorOf("tolerations:\n  - operator: Exists\n    toleration_seconds: 5\n"),
                StartsWith("gateway.yaml:3:5: unknown key \"toleration_seconds\" in tolerations[0]"));
}

TEST_F(ProjectLoader, UnknownCollectorSection_IsAnError) {
    EXPECT_THAT(
        errorOf("collector:\n  recievers: {}\n"),
        StartsWith("gateway.yaml:2:3: unknown key \"recievers\" in collector (did you mean \"receivers\"?)"));
}

TEST_F(ProjectLoader, UnknownCollectorServiceKey_IsAnError) {
    EXPECT_THAT(errorOf("collector:\n  service:\n    pipeline: {}\n"),
                StartsWith("gateway.yaml:3:5: unknown key \"pipeline\" in collector.service"));
}

TEST_F(ProjectLoader, UnknownPipelineKey_IsAnError) {
    EXPECT_THAT(
        errorOf("collector:\n  service:\n    pipelines:\n      traces:\n        exporter: [otlp]\n"),
        StartsWith("gateway.yaml:5:9: unknown key \"exporter\" in collector.service.pipelines.traces"));
}

TEST_F(ProjectLoader, TextForAnInteger_IsAWrongType) {
    EXPECT_EQ(errorOf("hpa:\n  min_replicas: three\n"),
              "gateway.yaml:2:17: expected an integer for hpa.min_replicas, found \"three\"");
}

TEST_F(ProjectLoader, QuotedNumberForAnInteger_IsAWrongType) {
    EXPECT_THAT(errorOf("replicas: \"3\"\n"),
                HasSubstr("expected an integer for replicas, found the quoted string \"3\""));
}

TEST_F(ProjectLoader, MapForAString_IsAWrongType) {
    EXPECT_EQ(errorOf("name: {first: a}\n"), "gateway.yaml:1:7: expected a string for name, found a map");
}

TEST_F(ProjectLoader, MapForAList_IsAWrongType) {
    EXPECT_THAT(errorOf("tolerations: {operator: Exists}\n"), HasSubstr("expected a list for tolerations"));
}

TEST_F(ProjectLoader, WordForABoolean_IsAWrongType) {
    EXPECT_THAT(errorOf("anti_affinity:\n  required: maybe\n"),
                HasSubstr("gateway.yaml:2:13: expected true or false for anti_affinity.required"));
}

TEST_F(ProjectLoader, UnknownMode_ListsTheModes) {
    EXPECT_EQ(errorOf("mode: Deployment\n"),
              "gateway.yaml:1:7: unknown mode \"Deployment\"; expected one of: DaemonSet, Gateway, Sidecar");
}

TEST_F(ProjectLoader, NewerFormatVersion_IsReportedBeforeUnknownKeys) {
    const std::string error = errorOf("format_version: 2\nname: a\nkey_from_the_future: 1\n");

    EXPECT_THAT(error, StartsWith("gateway.yaml:1:17: format_version 2 comes from a newer otel-console"));
}

TEST_F(ProjectLoader, DuplicateKey_IsAnError) {
    EXPECT_THAT(errorOf("name: a\nname: b\n"),
                StartsWith("gateway.yaml:2:1: duplicate key \"name\" in the project (first at line 1)"));
}

TEST_F(ProjectLoader, SeveralDocuments_AreAnError) {
    EXPECT_THAT(errorOf("name: a\n---\nname: b\n"), HasSubstr("expected a single YAML document"));
}

TEST_F(ProjectLoader, EmptyText_IsAnError) {
    EXPECT_EQ(errorOf(""), "gateway.yaml: the project file is empty");
}

TEST_F(ProjectLoader, ListAtTheTop_IsAnError) {
    EXPECT_THAT(errorOf("- name: a\n"), HasSubstr("expected a map for the project, found a list"));
}

TEST_F(ProjectLoader, EmptySection_MeansAllDefaults) {
    EXPECT_EQ(loadedProject("anti_affinity:\n").antiAffinity, AntiAffinityConfig{});
}

TEST_F(ProjectLoader, RbacPresetName_SelectsThePreset) {
    EXPECT_EQ(loadedProject("rbac: node_level\n").deployment.rbac, RbacConfig::nodeLevel());
}

TEST_F(ProjectLoader, RbacPresetMap_KeepsTheServiceAccount) {
    const RbacConfig rbac =
        loadedProject("rbac: {preset: derived, service_account: collector}\n").deployment.rbac;

    EXPECT_EQ(rbac.preset, RbacPreset::Derived);
    EXPECT_EQ(rbac.serviceAccount, "collector");
}

TEST_F(ProjectLoader, RbacRulesWithoutPreset_AreCustom) {
    const RbacConfig rbac =
        loadedProject(
            "rbac:\n  service_account: reader\n  rules:\n    - api_groups: [\"\"]\n      resources: [pods]\n"
            "      verbs: [get]\n      resource_names: []\n")
            .deployment.rbac;

    EXPECT_EQ(rbac.preset, RbacPreset::Custom);
    EXPECT_EQ(rbac.rules, (std::vector<PolicyRule>{{{""}, {"pods"}, {"get"}, {}}}));
}

TEST_F(ProjectLoader, RbacRulesWithAPreset_AreAnError) {
    EXPECT_THAT(errorOf("rbac:\n  preset: node_level\n  rules: []\n"),
                StartsWith("gateway.yaml:3:3: rbac.rules apply only to custom RBAC"));
}

TEST_F(ProjectLoader, UnknownRbacPreset_ListsThePresets) {
    EXPECT_THAT(errorOf("rbac: admin\n"),
                HasSubstr("expected one of node_level, cluster_level, pod_level, derived"));
}

TEST_F(ProjectLoader, PdbPercentage_IsRead) {
    const auto pdb = loadedProject("pdb: {max_unavailable: \"25%\"}\n").pdb;

    EXPECT_EQ(pdb, (PdbConfig{std::nullopt, IntOrPercent{25, true}}));
}

TEST_F(ProjectLoader, PdbWord_IsAWrongType) {
    EXPECT_THAT(errorOf("pdb: {min_available: half}\n"),
                HasSubstr("expected an integer or a percentage such as \"50%\" for pdb.min_available"));
}

TEST_F(ProjectLoader, LabelMaps_KeepTheirOrder) {
    const Project project = loadedProject("node_selector: {zone: b, kubernetes.io/os: linux}\n");

    EXPECT_EQ(project.nodeSelector, (std::vector<std::pair<std::string, std::string>>{
                                        {"zone", "b"}, {"kubernetes.io/os", "linux"}}));
}

TEST_F(ProjectLoader, ComponentSettings_KeepQuotedNumbersAsStrings) {
    const Project project =
        loadedProject("collector:\n  receivers:\n    otlp:\n      quoted: \"4317\"\n      plain: 4317\n");

    ASSERT_EQ(project.collector.receivers.size(), 1U);
    EXPECT_EQ(project.collector.receivers[0].config["quoted"], "4317");
    EXPECT_EQ(project.collector.receivers[0].config["plain"], 4317);
}

TEST_F(ProjectLoader, ComponentWithoutSettings_HasNullConfig) {
    const Project project = loadedProject("collector:\n  extensions:\n    zpages:\n");

    ASSERT_EQ(project.collector.extensions.size(), 1U);
    EXPECT_TRUE(project.collector.extensions[0].config.is_null());
}

TEST_F(ProjectLoader, ComponentWithScalarSettings_IsAnError) {
    EXPECT_THAT(errorOf("collector:\n  receivers:\n    otlp: 4317\n"),
                StartsWith("gateway.yaml:3:11: expected a map of settings for collector.receivers.otlp"));
}

TEST_F(ProjectLoader, DuplicateComponent_IsAnError) {
    EXPECT_THAT(errorOf("collector:\n  exporters:\n    debug: {}\n    debug: {}\n"),
                HasSubstr("duplicate key \"debug\" in collector.exporters"));
}

TEST_F(ProjectLoader, PipelineEntryThatIsNotAString_IsAnError) {
    EXPECT_THAT(
        errorOf("collector:\n  service:\n    pipelines:\n      logs:\n        receivers: [{a: b}]\n"),
        HasSubstr("expected a string for collector.service.pipelines.logs.receivers[0], found a map"));
}

} // namespace
