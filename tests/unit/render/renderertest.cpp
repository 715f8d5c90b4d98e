// SPDX-License-Identifier: Apache-2.0
#include "render/renderer.h"

#include "common/yaml.h"
#include "render/collectorconfigbuilder.h"
#include "testprojects.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace otelconsole {
namespace {

using testing::findObject;
using testing::projectWith;

class Renderer : public ::testing::Test {
protected:
    static Plan render(const Project &project, const ClusterTraits &cluster = {}) {
        auto plan = renderPlan(project, Catalog::builtin(), cluster);
        EXPECT_TRUE(plan.has_value()) << (plan ? std::string() : plan.error().toString());
        return plan ? *plan : Plan{};
    }

    static std::vector<std::string> kinds(const Plan &plan) {
        std::vector<std::string> kinds;
        for (const Json &object : plan.objects) {
            kinds.push_back(object["kind"].get<std::string>());
        }
        return kinds;
    }

    static const Json &podSpec(const Plan &plan, std::string_view kind) {
        static const Json none = Json::object();
        const Json *workload = findObject(plan, kind);
        return workload != nullptr ? (*workload)["spec"]["template"]["spec"] : none;
    }
};

TEST_F(Renderer, Gateway_ObjectsComeInApplyOrder) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.rbac = RbacConfig::clusterLevel();
    project.service = ServiceSpec{.type = ServiceType::ClusterIP, .ports = {}, .headless = true};
    project.hpa = HpaConfig{
        .minReplicas = 2, .maxReplicas = 5, .targetCpuUtilization = 70, .targetMemoryUtilization = {}};
    project.pdb = PdbConfig{.minAvailable = IntOrPercent{1, false}, .maxUnavailable = {}};
    project.serviceMonitor = ServiceMonitorSpec{};

    const std::vector<std::string> expected = {
        "Namespace",     "ServiceAccount", "ClusterRole", "ClusterRoleBinding",      "ConfigMap",
        "Service",       "Service",        "Deployment",  "HorizontalPodAutoscaler", "PodDisruptionBudget",
        "ServiceMonitor"};
    EXPECT_EQ(kinds(render(project)), expected);
}

TEST_F(Renderer, SameProjectTwice_GivesTheSameBytes) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.hpa = HpaConfig{
        .minReplicas = 1, .maxReplicas = 3, .targetCpuUtilization = {}, .targetMemoryUtilization = 80};

    EXPECT_EQ(render(project).toYaml(), render(project).toYaml());
}

TEST_F(Renderer, EveryObjectAsYaml_ReadsBackUnchanged) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.resources.limits = {.cpu = "2", .memory = "4Gi"};
    project.pdb = PdbConfig{.minAvailable = IntOrPercent{50, true}, .maxUnavailable = {}};

    for (const Json &object : render(project).objects) {
        const auto parsed = parseYaml(toYaml(object));
        ASSERT_TRUE(parsed.has_value()) << parsed.error().toString();
        EXPECT_EQ(*parsed, object) << object["kind"];
    }
}

TEST_F(Renderer, ProcessorSettingChange_ChangesTheChecksum) {
    Project project = projectWith(DeploymentMode::Gateway);
    const Plan before = render(project);
    project.collector.processors.front().config = Json{{"timeout", "5s"}};
    const Plan after = render(project);

    EXPECT_NE(before.configChecksum, after.configChecksum);
}

TEST_F(Renderer, PodTemplate_CarriesTheConfigChecksum) {
    const Plan plan = render(projectWith(DeploymentMode::Gateway));

    const Json &annotations =
        (*findObject(plan, "Deployment"))["spec"]["template"]["metadata"]["annotations"];
    EXPECT_EQ(annotations["otel-console.io/config-checksum"], plan.configChecksum);
    EXPECT_EQ(plan.configChecksum, sha256Hex(plan.collectorConfigYaml));
}

TEST_F(Renderer, Sha256Hex_OfAbc_IsTheKnownDigest) {
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Renderer, ConfigMap_HoldsTheConfigYaml) {
    const Plan plan = render(projectWith(DeploymentMode::Gateway));

    const Json *configMap = findObject(plan, "ConfigMap", "otel-test-config");
    ASSERT_NE(configMap, nullptr);
    EXPECT_EQ((*configMap)["data"]["config.yaml"], plan.collectorConfigYaml);
}

TEST_F(Renderer, WithHpa_ReplicasAreLeftOut) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.replicas = 3;
    project.hpa = HpaConfig{
        .minReplicas = 3, .maxReplicas = 10, .targetCpuUtilization = {}, .targetMemoryUtilization = {}};

    EXPECT_FALSE((*findObject(render(project), "Deployment"))["spec"].contains("replicas"));
}

TEST_F(Renderer, WithoutHpa_ReplicasComeFromTheProject) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.replicas = 3;

    EXPECT_EQ((*findObject(render(project), "Deployment"))["spec"]["replicas"], 3);
}

TEST_F(Renderer, Hpa_TargetsTheDeploymentWithUtilizationMetrics) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.hpa = HpaConfig{
        .minReplicas = 2, .maxReplicas = 6, .targetCpuUtilization = 70, .targetMemoryUtilization = {}};

    const Plan plan = render(project);
    const Json &spec = (*findObject(plan, "HorizontalPodAutoscaler"))["spec"];
    EXPECT_EQ(spec["scaleTargetRef"]["kind"], "Deployment");
    EXPECT_EQ(spec["scaleTargetRef"]["name"], "otel-test");
    ASSERT_EQ(spec["metrics"].size(), 1U);
    EXPECT_EQ(spec["metrics"][0]["resource"]["name"], "cpu");
    EXPECT_EQ(spec["metrics"][0]["resource"]["target"]["averageUtilization"], 70);
}

TEST_F(Renderer, PdbPercentage_IsWrittenAsString) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.pdb = PdbConfig{.minAvailable = {}, .maxUnavailable = IntOrPercent{25, true}};

    EXPECT_EQ((*findObject(render(project), "PodDisruptionBudget"))["spec"]["maxUnavailable"], "25%");
}

TEST_F(Renderer, Selectors_LeaveOutTheVersionLabel) {
    const Plan plan = render(projectWith(DeploymentMode::Gateway));
    const Json &deployment = *findObject(plan, "Deployment");

    EXPECT_EQ(deployment["metadata"]["labels"]["app.kubernetes.io/version"], "0.159.0");
    EXPECT_FALSE(deployment["spec"]["selector"]["matchLabels"].contains("app.kubernetes.io/version"));
    EXPECT_EQ(deployment["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"], "gateway");
}

TEST_F(Renderer, EveryObject_IsLabelledAsManagedByUs) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.rbac = RbacConfig::clusterLevel();

    const Plan plan = render(project);
    for (const Json &object : plan.objects) {
        EXPECT_EQ(object["metadata"]["labels"]["app.kubernetes.io/managed-by"], "otel-console")
            << object["kind"];
    }
}

TEST_F(Renderer, ClusterRole_IsNamedPerNamespace) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.rbac = RbacConfig::clusterLevel();
    const Plan plan = render(project);

    EXPECT_NE(findObject(plan, "ClusterRole", "otel-console:observability:otel-test"), nullptr);
    const Json &binding = *findObject(plan, "ClusterRoleBinding");
    EXPECT_EQ(binding["roleRef"]["name"], "otel-console:observability:otel-test");
    EXPECT_EQ(binding["subjects"][0]["namespace"], "observability");
}

TEST_F(Renderer, PodLevelRbac_RendersNoClusterRole) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.rbac = RbacConfig::podLevel();
    const Plan plan = render(project);

    EXPECT_EQ(findObject(plan, "ClusterRole"), nullptr);
    EXPECT_EQ(findObject(plan, "ClusterRoleBinding"), nullptr);
    EXPECT_NE(findObject(plan, "ServiceAccount"), nullptr);
}

TEST_F(Renderer, DerivedRbacForKubeletStats_GrantsNodesStats) {
    Project project = projectWith(DeploymentMode::DaemonSet, R"(
receivers:
  kubeletstats:
    auth_type: serviceAccount
    endpoint: https://${env:K8S_NODE_NAME}:10250
exporters:
  debug:
service:
  pipelines:
    metrics:
      receivers: [kubeletstats]
      exporters: [debug]
)");
    project.deployment.rbac = RbacConfig::derived();

    const Plan plan = render(project);
    const Json *role = findObject(plan, "ClusterRole");
    ASSERT_NE(role, nullptr);
    const bool grantsNodesStats = std::ranges::any_of((*role)["rules"], [](const Json &rule) {
        return std::ranges::find(rule["resources"], "nodes/stats") != rule["resources"].end();
    });
    EXPECT_TRUE(grantsNodesStats);
}

TEST_F(Renderer, DerivedRbacWithoutClusterReads_RendersNoClusterRole) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.rbac = RbacConfig::derived();

    EXPECT_EQ(findObject(render(project), "ClusterRole"), nullptr);
}

TEST_F(Renderer, AbsentTelemetry_GetsAReaderOnAllInterfaces) {
    const Plan plan = render(projectWith(DeploymentMode::Gateway));

    const Json &prometheus = plan.collectorConfig["service"]["telemetry"]["metrics"]["readers"][0]["pull"]
                                                 ["exporter"]["prometheus"];
    EXPECT_EQ(prometheus["host"], "0.0.0.0");
    EXPECT_EQ(prometheus["port"], 8888);
}

TEST_F(Renderer, UserTelemetry_IsWrittenVerbatim) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.collector.telemetry = Json{{"logs", {{"level", "debug"}}}};

    EXPECT_EQ(render(project).collectorConfig["service"]["telemetry"], project.collector.telemetry);
}

TEST_F(Renderer, WithoutServiceMonitorCrd_RendersNoServiceMonitor) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.serviceMonitor = ServiceMonitorSpec{};

    EXPECT_EQ(findObject(render(project, {.serviceMonitorCrd = false}), "ServiceMonitor"), nullptr);
}

TEST_F(Renderer, ServiceMonitor_ScrapesTheMetricsPortByName) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.serviceMonitor = ServiceMonitorSpec{.interval = "15s", .labels = {{"release", "prometheus"}}};

    const Plan plan = render(project);
    const Json *monitor = findObject(plan, "ServiceMonitor");
    ASSERT_NE(monitor, nullptr);
    EXPECT_EQ((*monitor)["metadata"]["labels"]["release"], "prometheus");
    EXPECT_EQ((*monitor)["spec"]["endpoints"][0]["port"], "metrics");
    EXPECT_EQ((*monitor)["spec"]["endpoints"][0]["interval"], "15s");
}

TEST_F(Renderer, ServiceMonitorWithHeadlessService_LeavesTheHeadlessServiceOut) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.service = ServiceSpec{.type = ServiceType::ClusterIP, .ports = {}, .headless = true};
    project.serviceMonitor = ServiceMonitorSpec{};
    const Plan plan = render(project);

    const Json &headless = *findObject(plan, "Service", "otel-test-headless");
    EXPECT_EQ(headless["spec"]["clusterIP"], "None");
    EXPECT_EQ(headless["metadata"]["labels"]["otel-console.io/headless"], "true");
    const Json &expression = (*findObject(plan, "ServiceMonitor"))["spec"]["selector"]["matchExpressions"][0];
    EXPECT_EQ(expression["key"], "otel-console.io/headless");
    EXPECT_EQ(expression["operator"], "DoesNotExist");
}

TEST_F(Renderer, ServicePorts_DefaultToTheContainerPortsByName) {
    const Plan plan = render(projectWith(DeploymentMode::Gateway));
    const Json &ports = (*findObject(plan, "Service"))["spec"]["ports"];

    ASSERT_GE(ports.size(), 2U);
    EXPECT_EQ(ports[0]["name"], "otlp-grpc");
    EXPECT_EQ(ports[0]["port"], 4317);
    EXPECT_EQ(ports[0]["targetPort"], "otlp-grpc");
}

TEST_F(Renderer, DaemonSetWithoutService_RendersNoService) {
    const Plan plan = render(projectWith(DeploymentMode::DaemonSet));

    EXPECT_EQ(findObject(plan, "Service"), nullptr);
    EXPECT_EQ((*findObject(plan, "DaemonSet"))["spec"]["updateStrategy"]["rollingUpdate"]["maxUnavailable"],
              1);
}

TEST_F(Renderer, RequiredAntiAffinity_UsesTheSelectorAndTopologyKey) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.antiAffinity = AntiAffinityConfig{.topologyKey = "topology.kubernetes.io/zone", .required = true};

    const Plan plan = render(project);
    const Json &antiAffinity = podSpec(plan, "Deployment")["affinity"]["podAntiAffinity"];
    const Json &terms = antiAffinity["requiredDuringSchedulingIgnoredDuringExecution"];
    ASSERT_EQ(terms.size(), 1U);
    EXPECT_EQ(terms[0]["topologyKey"], "topology.kubernetes.io/zone");
    EXPECT_EQ(terms[0]["labelSelector"]["matchLabels"]["app.kubernetes.io/instance"], "otel-test");
}

TEST_F(Renderer, SidecarOnNativeCluster_IsAnInitContainerThatAlwaysRestarts) {
    Project project = projectWith(DeploymentMode::Sidecar);
    project.sidecar = SidecarConfig{.target = {.kind = "Deployment", .name = "checkout"}};

    const Plan plan = render(project, {.nativeSidecars = true});
    const Json &spec = podSpec(plan, "Deployment");
    ASSERT_EQ(spec["initContainers"].size(), 1U);
    EXPECT_EQ(spec["initContainers"][0]["name"], "otel-collector");
    EXPECT_EQ(spec["initContainers"][0]["restartPolicy"], "Always");
    EXPECT_FALSE(spec.contains("containers"));
}

TEST_F(Renderer, SidecarOnOlderCluster_IsAPlainContainer) {
    Project project = projectWith(DeploymentMode::Sidecar);
    project.sidecar = SidecarConfig{.target = {.kind = "Deployment", .name = "checkout"}};

    const Plan plan = render(project, {.nativeSidecars = false});
    const Json &spec = podSpec(plan, "Deployment");
    ASSERT_EQ(spec["containers"].size(), 1U);
    EXPECT_FALSE(spec["containers"][0].contains("restartPolicy"));
    EXPECT_FALSE(spec.contains("initContainers"));
}

TEST_F(Renderer, SidecarNativeNever_OverridesTheCluster) {
    Project project = projectWith(DeploymentMode::Sidecar);
    project.sidecar =
        SidecarConfig{.target = {.kind = "StatefulSet", .name = "ledger"}, .native = NativeSidecar::Never};

    const Plan plan = render(project, {.nativeSidecars = true});
    const Json &spec = podSpec(plan, "StatefulSet");
    EXPECT_TRUE(spec.contains("containers"));
}

TEST_F(Renderer, SidecarIntent_NamesTheTargetAndOwnsNothingElse) {
    Project project = projectWith(DeploymentMode::Sidecar);
    project.sidecar = SidecarConfig{.target = {.kind = "Deployment", .name = "checkout"}};
    const Plan plan = render(project);

    const Json &intent = *findObject(plan, "Deployment", "checkout");
    EXPECT_EQ(intent["metadata"]["namespace"], "observability");
    EXPECT_FALSE(intent["metadata"].contains("labels"));
    EXPECT_EQ(intent["spec"].size(), 1U);
    EXPECT_FALSE(intent["spec"]["template"]["metadata"].contains("labels"));
    EXPECT_EQ(findObject(plan, "ServiceAccount"), nullptr);
    EXPECT_EQ(findObject(plan, "Service"), nullptr);
}

TEST_F(Renderer, SidecarWithRules_BindsTheApplicationServiceAccount) {
    Project project = projectWith(DeploymentMode::Sidecar);
    project.sidecar = SidecarConfig{.target = {.kind = "Deployment", .name = "checkout"}};
    project.deployment.rbac.preset = RbacPreset::Custom;
    project.deployment.rbac.serviceAccount = "checkout";
    project.deployment.rbac.rules = {
        PolicyRule{.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}, .resourceNames = {}}};
    const Plan plan = render(project);

    EXPECT_EQ(findObject(plan, "ServiceAccount"), nullptr);
    const Json *binding = findObject(plan, "ClusterRoleBinding");
    ASSERT_NE(binding, nullptr);
    EXPECT_EQ((*binding)["subjects"][0]["name"], "checkout");
    EXPECT_EQ((*binding)["subjects"][0]["namespace"], "observability");
}

TEST_F(Renderer, Sidecar_LeavesTheApplicationNamespaceAlone) {
    Project project = projectWith(DeploymentMode::Sidecar);
    project.sidecar = SidecarConfig{.target = {.kind = "Deployment", .name = "checkout"}};

    EXPECT_EQ(findObject(render(project), "Namespace"), nullptr);
}

TEST_F(Renderer, UnknownImageRepository_IsRenderedAsWritten) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.collectorImage = "registry.example.com/custom/otelcol:1.2.3";
    const Plan plan = render(project);

    const Json &deployment = *findObject(plan, "Deployment");
    EXPECT_EQ(deployment["spec"]["template"]["spec"]["containers"][0]["image"],
              "registry.example.com/custom/otelcol:1.2.3");
    EXPECT_EQ(deployment["metadata"]["labels"]["app.kubernetes.io/version"], "1.2.3");
}

TEST_F(Renderer, ProjectWithoutName_IsAnError) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.name.clear();

    const auto plan = renderPlan(project, Catalog::builtin());
    ASSERT_FALSE(plan.has_value());
    EXPECT_EQ(plan.error().kind, ErrorKind::InvalidInput);
}

} // namespace
} // namespace otelconsole
