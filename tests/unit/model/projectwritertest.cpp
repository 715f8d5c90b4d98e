// SPDX-License-Identifier: Apache-2.0
#include "common/yaml.h"
#include "model/projectfile.h"
#include "modeltestsupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using testing::HasSubstr;
using testing::Not;

namespace {

class ProjectWriter : public testing::Test {
protected:
    static Project roundTripped(const Project &project) {
        const std::string text = writeProject(project);
        auto loaded = parseProject(text, "written.yaml");
        EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().toString()) << "\n" << text;
        return loaded ? loaded->project : Project();
    }

    /// A project that sets every field to something other than its default.
    static Project everythingSet() {
        Project project;
        project.name = "full";
        project.deployment = {
            DeploymentMode::Sidecar,
            "shop",
            "otel/opentelemetry-collector:0.159.0",
            {{"200m", "256Mi"}, {"", "64Mi"}},
            2,
            RbacConfig{RbacPreset::Custom, "reader", {{{"", "apps"}, {"pods"}, {"get"}, {"x"}}}}};
        project.service =
            ServiceSpec{ServiceType::NodePort, {{"otlp-grpc", 4317, 14317, "TCP"}, {"", 53, 0, "UDP"}}, true};
        project.hpa = HpaConfig{2, 5, std::nullopt, 75};
        project.pdb = PdbConfig{IntOrPercent{50, true}, IntOrPercent{1, false}};
        project.antiAffinity = AntiAffinityConfig{"topology.kubernetes.io/zone", true};
        project.serviceMonitor =
            ServiceMonitorSpec{"15s", "monitoring", {{"release", "prometheus"}, {"team", "obs"}}};
        project.sidecar = SidecarConfig{{"StatefulSet", "db"}, NativeSidecar::Never};
        project.tolerations = {{"dedicated", "Equal", "observability", "NoSchedule"}, {}};
        project.nodeSelector = {{"kubernetes.io/os", "linux"}};
        project.collector.receivers = {{"otlp", Json::parse(R"({"protocols": {"grpc": null}})")}};
        project.collector.exporters = {{"debug", Json::object()},
                                       {"otlp/2", Json::parse(R"({"endpoint": "x:4317"})")}};
        project.collector.pipelines = {{"traces/2", {"otlp"}, {}, {"debug", "otlp/2"}}};
        project.collector.telemetry = Json::parse(R"({"logs": {"level": "debug"}})");
        return project;
    }
};

TEST_F(ProjectWriter, EveryField_SurvivesARoundTrip) {
    const Project project = everythingSet();

    EXPECT_EQ(roundTripped(project), project);
}

TEST_F(ProjectWriter, Defaults_SurviveARoundTrip) {
    EXPECT_EQ(roundTripped(Project()), Project());
}

class ExampleRoundTrip : public testing::TestWithParam<const char *> {};

TEST_P(ExampleRoundTrip, ParseOfWrite_GivesTheSameProject) {
    const std::string text =
        otelconsole::modeltest::readSourceFile(std::string("resources/examples/") + GetParam());
    const auto loaded = parseProject(text, GetParam());
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();

    const auto again = parseProject(writeProject(loaded->project), "written.yaml");

    ASSERT_TRUE(again.has_value()) << again.error().toString();
    EXPECT_EQ(again->project, loaded->project);
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleRoundTrip,
                         testing::Values("gateway.yaml", "daemonset-logs.yaml", "sidecar.yaml"));

TEST_F(ProjectWriter, Keys_AreInTheDocumentedOrder) {
    const auto json = parseYaml(writeProject(everythingSet()));
    ASSERT_TRUE(json.has_value());

    std::vector<std::string> keys;
    for (const auto &item : json->items())
        keys.push_back(item.key());

    EXPECT_EQ(keys, (std::vector<std::string>{"format_version", "name", "mode", "namespace",
                                              "collector_image", "replicas", "resources", "rbac", "service",
                                              "hpa", "pdb", "anti_affinity", "service_monitor", "sidecar",
                                              "tolerations", "node_selector", "collector"}));
}

TEST_F(ProjectWriter, UnsetSections_AreLeftOut) {
    const std::string text = writeProject(Project());

    EXPECT_THAT(text, Not(HasSubstr("hpa:")));
    EXPECT_THAT(text, Not(HasSubstr("replicas:")));
    EXPECT_THAT(text, Not(HasSubstr("tolerations:")));
    EXPECT_THAT(text, Not(HasSubstr("resources:")));
}

TEST_F(ProjectWriter, FormatVersion_IsAlwaysWritten) {
    EXPECT_THAT(writeProject(Project()), testing::StartsWith("format_version: 1\n"));
}

TEST_F(ProjectWriter, PresetWithoutServiceAccount_IsWrittenAsItsName) {
    Project project;
    project.deployment.rbac = RbacConfig::nodeLevel();

    EXPECT_THAT(writeProject(project), HasSubstr("\nrbac: node_level\n"));
}

TEST_F(ProjectWriter, PercentPdb_IsWrittenWithItsPercentSign) {
    Project project;
    project.pdb = PdbConfig{IntOrPercent{50, true}, std::nullopt};

    EXPECT_THAT(writeProject(project), HasSubstr("min_available: 50%\n"));
}

} // namespace
