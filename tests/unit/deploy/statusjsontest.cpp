// SPDX-License-Identifier: Apache-2.0
#include "deploy/statusjson.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

class StatusJsonTest : public testing::Test {
protected:
    StatusJsonTest() {
        m_project.name = "otel-gateway";
        m_project.deployment.namespaceName = "otlp-system";
        m_workload = *ObjectReference::fromManifest(
            {{"apiVersion", "apps/v1"},
             {"kind", "Deployment"},
             {"metadata", {{"name", "otel-gateway"}, {"namespace", "otlp-system"}}}});
        m_health.readyReplicas = 1;
        m_health.totalReplicas = 2;
        PodHealth pod;
        pod.name = "otel-gateway-1";
        pod.phase = "Running";
        pod.restarts = 3;
        pod.lastTerminationReason = "OOMKilled";
        pod.lastExitCode = 137;
        m_health.pods.push_back(pod);
    }

    Project m_project;
    ObjectReference m_workload;
    HealthStatus m_health;
};

TEST_F(StatusJsonTest, Document_HasTheSchemaVersionAndIdentity) {
    const Json document = StatusJson::status(m_project, m_workload, m_health, nullptr);

    EXPECT_EQ(document["schemaVersion"], 1);
    EXPECT_EQ(document["project"], "otel-gateway");
    EXPECT_EQ(document["namespace"], "otlp-system");
    EXPECT_EQ(document["mode"], "Gateway");
    EXPECT_EQ(document["workload"], Json::parse(R"({"kind":"Deployment","name":"otel-gateway"})"));
    EXPECT_TRUE(document["metrics"].is_null());
}

TEST_F(StatusJsonTest, Pod_HasEveryFieldWithNullForUnknown) {
    const Json pod = StatusJson::status(m_project, m_workload, m_health, nullptr)["health"]["pods"][0];

    EXPECT_EQ(pod, Json::parse(R"({"name":"otel-gateway-1","node":null,"phase":"Running","ready":false,
        "restarts":3,"waitingReason":null,"waitingMessage":null,"lastTerminationReason":"OOMKilled",
        "lastExitCode":137,"terminating":false})"));
}

TEST_F(StatusJsonTest, Health_SaysUnhealthyWhenReplicasAreMissing) {
    const Json health = StatusJson::health(m_health);

    EXPECT_EQ(health["healthy"], false);
    EXPECT_EQ(health["readyReplicas"], 1);
    EXPECT_EQ(health["totalReplicas"], 2);
}

TEST_F(StatusJsonTest, UnavailableResourceMetrics_AreNullWithAReasonNeverZero) {
    DeploymentMetrics metrics;
    metrics.resourceMetricsUnavailable = "the metrics API (metrics.k8s.io) is not available";

    const Json resources = StatusJson::metrics(metrics)["resources"];

    EXPECT_EQ(resources["available"], false);
    EXPECT_EQ(resources["reason"], "the metrics API (metrics.k8s.io) is not available");
    EXPECT_TRUE(resources["totalCpuMillicores"].is_null());
    EXPECT_TRUE(resources["totalMemoryMiB"].is_null());
}

TEST_F(StatusJsonTest, Throughput_ReportsAcceptedRefusedAndExportFailedPerSignal) {
    DeploymentMetrics metrics;
    metrics.throughputAvailable = true;
    metrics.podsScraped = 2;
    metrics.throughput.intervalSeconds = 5.0;
    metrics.throughput.spans.accepted = 100.0;
    metrics.throughput.spans.refused = 2.0;
    metrics.throughput.spans.sendFailed = 1.0;

    const Json throughput = StatusJson::metrics(metrics)["throughput"];

    EXPECT_EQ(throughput["available"], true);
    EXPECT_TRUE(throughput["reason"].is_null());
    EXPECT_EQ(throughput["podsScraped"], 2);
    EXPECT_EQ(throughput["spans"]["accepted"], 100.0);
    EXPECT_EQ(throughput["spans"]["refused"], 2.0);
    EXPECT_EQ(throughput["spans"]["exportFailed"], 1.0);
    EXPECT_EQ(throughput["logRecords"]["accepted"], 0.0);
}

TEST_F(StatusJsonTest, UnavailableThroughput_HasNullRates) {
    DeploymentMetrics metrics;
    metrics.throughputUnavailable = "no collector pod is running";

    const Json throughput = StatusJson::metrics(metrics)["throughput"];

    EXPECT_TRUE(throughput["spans"].is_null());
    EXPECT_EQ(throughput["reason"], "no collector pod is running");
}

} // namespace
