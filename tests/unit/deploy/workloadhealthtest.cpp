// SPDX-License-Identifier: Apache-2.0
#include "deploy/workloadhealth.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

class WorkloadHealthTest : public testing::Test {
protected:
    static Json pod(const std::string &name, const Json &status) {
        return {{"metadata", {{"name", name}}}, {"spec", {{"nodeName", "node-1"}}}, {"status", status}};
    }

    static Json containerStatus(const Json &fields) {
        Json status = {{"name", "otel-collector"}, {"ready", false}, {"restartCount", 0}};
        status.update(fields);
        return status;
    }

    static Json podList(const std::vector<Json> &pods) {
        Json list = {{"items", Json::array()}};
        for (const Json &pod : pods)
            list["items"].push_back(pod);
        return list;
    }
};

TEST_F(WorkloadHealthTest, Deployment_CountsReadyAgainstDesiredReplicas) {
    const Json deployment = {
        {"kind", "Deployment"}, {"spec", {{"replicas", 3}}}, {"status", {{"readyReplicas", 2}}}};

    const HealthStatus health =
        WorkloadHealth::read(deployment, podList(std::vector<Json>()), "otel-collector");

    EXPECT_EQ(health.readyReplicas, 2);
    EXPECT_EQ(health.totalReplicas, 3);
    EXPECT_FALSE(health.healthy());
}

TEST_F(WorkloadHealthTest, DaemonSet_CountsNodesThatShouldRunAPod) {
    const Json daemonSet = {{"kind", "DaemonSet"},
                            {"status", {{"desiredNumberScheduled", 4}, {"numberReady", 4}}}};

    const HealthStatus health =
        WorkloadHealth::read(daemonSet, podList(std::vector<Json>()), "otel-collector");

    EXPECT_EQ(health.readyReplicas, 4);
    EXPECT_EQ(health.totalReplicas, 4);
    EXPECT_TRUE(health.healthy());
}

TEST_F(WorkloadHealthTest, OomKilledCollector_ReportsTheLastTerminationAndRestarts) {
    const Json status = containerStatus(
        {{"restartCount", 4}, {"lastState", {{"terminated", {{"reason", "OOMKilled"}, {"exitCode", 137}}}}}});

    const PodHealth health = WorkloadHealth::readPod(
        pod("gw-1", {{"phase", "Running"}, {"containerStatuses", {status}}}), "otel-collector");

    EXPECT_EQ(health.restarts, 4);
    EXPECT_EQ(health.lastTerminationReason, "OOMKilled");
    EXPECT_EQ(health.lastExitCode, 137);
}

TEST_F(WorkloadHealthTest, CrashLoop_IsTheWaitingReason) {
    const Json status = containerStatus(
        {{"state", {{"waiting", {{"reason", "CrashLoopBackOff"}, {"message", "back-off 40s restarting"}}}}}});

    const PodHealth health = WorkloadHealth::readPod(
        pod("gw-1", {{"phase", "Running"}, {"containerStatuses", {status}}}), "otel-collector");

    EXPECT_EQ(health.waitingReason, "CrashLoopBackOff");
    EXPECT_EQ(health.waitingMessage, "back-off 40s restarting");
    EXPECT_FALSE(health.ready);
}

TEST_F(WorkloadHealthTest, UnschedulablePod_ReportsTheSchedulersReason) {
    const Json conditions = Json::array({{{"type", "PodScheduled"},
                                          {"status", "False"},
                                          {"reason", "Unschedulable"},
                                          {"message", "0/3 nodes"}}});

    const PodHealth health = WorkloadHealth::readPod(
        pod("gw-1", {{"phase", "Pending"}, {"conditions", conditions}}), "otel-collector");

    EXPECT_EQ(health.phase, "Pending");
    EXPECT_EQ(health.waitingReason, "Unschedulable");
    EXPECT_EQ(health.waitingMessage, "0/3 nodes");
}

TEST_F(WorkloadHealthTest, NativeSidecar_IsReadFromInitContainerStatuses) {
    const Json app = {{"name", "checkout"}, {"ready", true}, {"restartCount", 0}};
    const Json sidecar = containerStatus({{"ready", true}, {"restartCount", 2}});

    const PodHealth health = WorkloadHealth::readPod(
        pod("checkout-1",
            {{"phase", "Running"}, {"containerStatuses", {app}}, {"initContainerStatuses", {sidecar}}}),
        "otel-collector");

    EXPECT_TRUE(health.ready);
    EXPECT_EQ(health.restarts, 2);
}

TEST_F(WorkloadHealthTest, PodWithoutCollectorStatus_UsesTheReadyCondition) {
    const Json conditions = Json::array({{{"type", "Ready"}, {"status", "True"}}});

    const PodHealth health = WorkloadHealth::readPod(
        pod("gw-1", {{"phase", "Running"}, {"conditions", conditions}}), "otel-collector");

    EXPECT_TRUE(health.ready);
}

TEST_F(WorkloadHealthTest, WaitingPod_MakesTheWorkloadUnhealthy) {
    const Json deployment = {
        {"kind", "Deployment"}, {"spec", {{"replicas", 1}}}, {"status", {{"readyReplicas", 1}}}};
    const Json waiting = containerStatus({{"state", {{"waiting", {{"reason", "ImagePullBackOff"}}}}}});

    const HealthStatus health = WorkloadHealth::read(
        deployment, podList({pod("gw-2", {{"phase", "Pending"}, {"containerStatuses", {waiting}}})}),
        "otel-collector");

    ASSERT_EQ(health.pods.size(), 1u);
    EXPECT_EQ(health.pods[0].waitingReason, "ImagePullBackOff");
    EXPECT_FALSE(health.healthy());
}

} // namespace
