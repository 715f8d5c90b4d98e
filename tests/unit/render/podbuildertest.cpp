// SPDX-License-Identifier: Apache-2.0
#include "render/podbuilder.h"

#include "render/renderer.h"
#include "testprojects.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace otelconsole {
namespace {

using testing::findObject;
using testing::projectWith;

constexpr std::string_view fileLogCollector = R"(
receivers:
  file_log:
    include: [/var/log/pods/*/*/*.log]
    include_file_path: true
exporters:
  debug:
service:
  pipelines:
    logs: {receivers: [file_log], exporters: [debug]}
)";

class PodBuilder : public ::testing::Test {
protected:
    static Json containerOf(const Project &project) {
        auto plan = renderPlan(project, Catalog::builtin());
        EXPECT_TRUE(plan.has_value());
        if (!plan) {
            return Json::object();
        }
        const Json *workload = findObject(
            *plan, project.deployment.mode == DeploymentMode::DaemonSet ? "DaemonSet" : "Deployment");
        return workload != nullptr ? (*workload)["spec"]["template"]["spec"]["containers"][0]
                                   : Json::object();
    }

    static std::optional<Json> envNamed(const Json &container, std::string_view name) {
        for (const Json &variable : container["env"]) {
            if (variable["name"] == std::string(name)) {
                return variable;
            }
        }
        return std::nullopt;
    }
};

TEST_F(PodBuilder, MemoryLimit_SetsGoMemLimit) {
    Project project = projectWith(DeploymentMode::Gateway);
    project.deployment.resources.limits.memory = "4Gi";

    const auto variable = envNamed(containerOf(project), "GOMEMLIMIT");
    ASSERT_TRUE(variable.has_value());
    EXPECT_EQ((*variable)["value"], "3276MiB");
}

TEST_F(PodBuilder, NoMemoryLimit_LeavesGoMemLimitOut) {
    EXPECT_FALSE(envNamed(containerOf(projectWith(DeploymentMode::Gateway)), "GOMEMLIMIT").has_value());
}

TEST_F(PodBuilder, DownwardApiVariables_AreAlwaysThere) {
    const Json container = containerOf(projectWith(DeploymentMode::Gateway));

    EXPECT_EQ((*envNamed(container, "MY_POD_IP"))["valueFrom"]["fieldRef"]["fieldPath"], "status.podIP");
    EXPECT_EQ((*envNamed(container, "K8S_NODE_NAME"))["valueFrom"]["fieldRef"]["fieldPath"], "spec.nodeName");
    EXPECT_EQ((*envNamed(container, "K8S_NAMESPACE"))["valueFrom"]["fieldRef"]["fieldPath"],
              "metadata.namespace");
}

TEST_F(PodBuilder, UnsetResources_AreLeftOut) {
    Project project = projectWith(DeploymentMode::Gateway);
    EXPECT_FALSE(containerOf(project).contains("resources"));

    project.deployment.resources.requests.cpu = "250m";
    const Json resources = containerOf(project)["resources"];
    EXPECT_EQ(resources, Json::parse(R"({"requests": {"cpu": "250m"}})"));
}

TEST_F(PodBuilder, DefaultSecurityContext_RunsAsTheImageUser) {
    const Json security = containerOf(projectWith(DeploymentMode::Gateway))["securityContext"];

    EXPECT_EQ(security["runAsNonRoot"], true);
    EXPECT_EQ(security["runAsUser"], 10001);
    EXPECT_EQ(security["runAsGroup"], 10001);
    EXPECT_EQ(security["readOnlyRootFilesystem"], true);
    EXPECT_EQ(security["capabilities"]["drop"], Json::array({"ALL"}));
}

TEST_F(PodBuilder, FileLog_RunsAsRootWithTheRestLockedDown) {
    const Json security =
        containerOf(projectWith(DeploymentMode::DaemonSet, fileLogCollector))["securityContext"];

    EXPECT_EQ(security["runAsNonRoot"], false);
    EXPECT_EQ(security["runAsUser"], 0);
    EXPECT_EQ(security["runAsGroup"], 0);
    EXPECT_EQ(security["allowPrivilegeEscalation"], false);
    EXPECT_EQ(security["seccompProfile"]["type"], "RuntimeDefault");
}

TEST_F(PodBuilder, FileLog_MountsPodLogsReadOnly) {
    const auto plan =
        renderPlan(projectWith(DeploymentMode::DaemonSet, fileLogCollector), Catalog::builtin());
    ASSERT_TRUE(plan.has_value());
    const Json &podSpec = (*findObject(*plan, "DaemonSet"))["spec"]["template"]["spec"];

    const Json &mounts = podSpec["containers"][0]["volumeMounts"];
    const auto logs =
        std::ranges::find_if(mounts, [](const Json &mount) { return mount["mountPath"] == "/var/log/pods"; });
    ASSERT_NE(logs, mounts.end());
    EXPECT_EQ((*logs)["readOnly"], true);
    const auto volume = std::ranges::find_if(
        podSpec["volumes"], [&](const Json &entry) { return entry["name"] == (*logs)["name"]; });
    ASSERT_NE(volume, podSpec["volumes"].end());
    EXPECT_EQ((*volume)["hostPath"]["path"], "/var/log/pods");
}

TEST_F(PodBuilder, StartedHealthCheck_AddsProbesOnItsPortAndPath) {
    const Json container = containerOf(projectWith(DeploymentMode::Gateway, R"(
receivers:
  otlp:
    protocols:
      grpc:
extensions:
  health_check:
    endpoint: ${env:MY_POD_IP}:13134
    path: /healthz
exporters:
  debug:
service:
  extensions: [health_check]
  pipelines:
    traces: {receivers: [otlp], exporters: [debug]}
)"));

    EXPECT_EQ(container["livenessProbe"]["httpGet"], Json::parse(R"({"path": "/healthz", "port": 13134})"));
    EXPECT_EQ(container["readinessProbe"]["httpGet"], Json::parse(R"({"path": "/healthz", "port": 13134})"));
}

TEST_F(PodBuilder, HealthCheckNotStarted_AddsNoProbes) {
    const Json container = containerOf(projectWith(DeploymentMode::Gateway, R"(
receivers:
  otlp:
    protocols:
      grpc:
extensions:
  health_check:
exporters:
  debug:
service:
  pipelines:
    traces: {receivers: [otlp], exporters: [debug]}
)"));

    EXPECT_FALSE(container.contains("livenessProbe"));
    EXPECT_FALSE(container.contains("readinessProbe"));
}

struct MemoryLimitCase {
    std::string limit;
    std::optional<std::string> goMemLimit;
};

class GoMemoryLimit : public ::testing::TestWithParam<MemoryLimitCase> {};

TEST_P(GoMemoryLimit, IsEightyPercentInMiB) {
    EXPECT_EQ(goMemoryLimitFor(GetParam().limit), GetParam().goMemLimit) << GetParam().limit;
}

INSTANTIATE_TEST_SUITE_P(Quantities, GoMemoryLimit,
                         ::testing::Values(MemoryLimitCase{"4Gi", "3276MiB"},
                                           MemoryLimitCase{"512Mi", "409MiB"},
                                           MemoryLimitCase{"1G", "762MiB"}, MemoryLimitCase{"", std::nullopt},
                                           MemoryLimitCase{"1Ki", std::nullopt},
                                           MemoryLimitCase{"lots", std::nullopt}));

} // namespace
} // namespace otelconsole
