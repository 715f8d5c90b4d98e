// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class PlacementChecks : public ValidationTest {
protected:
    void addMetricsReceiver(const std::string &id, const Json &config = Json()) {
        m_project.collector.receivers.push_back({id, config});
        m_project.collector.pipelines.push_back({"metrics", {id}, {"memory_limiter"}, {"otlp_grpc"}});
    }
    void makeDaemonSet() {
        m_project.deployment.mode = DeploymentMode::DaemonSet;
        m_project.deployment.replicas.reset();
    }
};

TEST_F(PlacementChecks, ClusterReceiverInDaemonSet_IsAWarning) {
    makeDaemonSet();
    addMetricsReceiver("k8s_cluster");
    const Diagnostic found = only("receiver.cluster-scoped-duplicated");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.receivers.k8s_cluster");
    EXPECT_THAT(found.message, HasSubstr("every node"));
    EXPECT_THAT(found.fix, HasSubstr("single-replica"));
}

TEST_F(PlacementChecks, ClusterReceiverInGatewayWithReplicas_IsAWarning) {
    m_project.deployment.replicas = 3;
    addMetricsReceiver("k8s_cluster");
    EXPECT_THAT(only("receiver.cluster-scoped-duplicated").message, HasSubstr("3 replicas"));
}

TEST_F(PlacementChecks, ClusterReceiverInGatewayWithHpa_IsAWarning) {
    m_project.deployment.replicas.reset();
    m_project.hpa = HpaConfig{1, 4, 70, std::nullopt};
    addMetricsReceiver("k8s_cluster");
    EXPECT_THAT(only("receiver.cluster-scoped-duplicated").message, HasSubstr("HPA"));
}

TEST_F(PlacementChecks, ClusterReceiverInSingleReplicaGateway_IsAccepted) {
    m_project.deployment.replicas = 1;
    addMetricsReceiver("k8s_cluster");
    EXPECT_FALSE(has("receiver.cluster-scoped-duplicated"));
}

TEST_F(PlacementChecks, ClusterReceiverWithLeaderElection_IsAccepted) {
    m_project.deployment.replicas = 3;
    addMetricsReceiver("k8s_cluster", yaml("{k8s_leader_elector: k8s_leader_elector}"));
    EXPECT_FALSE(has("receiver.cluster-scoped-duplicated"));
}

TEST_F(PlacementChecks, HostMetricsInGateway_IsAWarning) {
    addMetricsReceiver("hostmetrics", yaml("{scrapers: {cpu: null}}"));
    const Diagnostic found = only("receiver.node-local-outside-daemonset");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.receivers.hostmetrics");
    EXPECT_THAT(found.message, HasSubstr("arbitrary nodes"));
    EXPECT_THAT(found.fix, HasSubstr("DaemonSet"));
}

TEST_F(PlacementChecks, KubeletStatsUnderItsOldNameInSidecar_IsAWarning) {
    m_project.deployment.mode = DeploymentMode::Sidecar;
    m_project.deployment.replicas.reset();
    m_project.sidecar = SidecarConfig{SidecarTarget{"Deployment", "checkout"}, NativeSidecar::Auto};
    addMetricsReceiver("kubeletstats");
    EXPECT_THAT(only("receiver.node-local-outside-daemonset").message, HasSubstr("sidecar"));
}

TEST_F(PlacementChecks, HostMetricsInDaemonSet_IsAccepted) {
    makeDaemonSet();
    addMetricsReceiver("hostmetrics", yaml("{scrapers: {cpu: null}}"));
    EXPECT_FALSE(has("receiver.node-local-outside-daemonset"));
}

TEST_F(PlacementChecks, AttributesProcessorInDaemonSetWithoutNodeFilter_IsAnInfo) {
    makeDaemonSet();
    m_project.collector.processors.push_back({"k8s_attributes", yaml("{passthrough: false}")});
    traces().processors.push_back("k8s_attributes");
    const Diagnostic found = only("k8sattributes.no-node-filter");
    EXPECT_EQ(found.severity, Severity::Info);
    EXPECT_EQ(found.path, "collector.processors.k8s_attributes");
    EXPECT_THAT(found.fix, HasSubstr("node_from_env_var: K8S_NODE_NAME"));
}

TEST_F(PlacementChecks, AttributesProcessorWithNodeFilter_IsAccepted) {
    makeDaemonSet();
    m_project.collector.processors.push_back(
        {"k8sattributes", yaml("{filter: {node_from_env_var: K8S_NODE_NAME}}")});
    traces().processors.push_back("k8sattributes");
    EXPECT_FALSE(has("k8sattributes.no-node-filter"));
}
