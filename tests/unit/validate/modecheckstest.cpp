// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class ModeChecks : public ValidationTest {
protected:
    void makeDaemonSet() {
        m_project.deployment.mode = DeploymentMode::DaemonSet;
        m_project.deployment.replicas.reset();
    }
    void makeSidecar() {
        m_project.deployment.mode = DeploymentMode::Sidecar;
        m_project.deployment.replicas.reset();
        m_project.sidecar = SidecarConfig{SidecarTarget{"Deployment", "checkout"}, NativeSidecar::Auto};
    }
};

TEST_F(ModeChecks, ReplicasInDaemonSet_IsAnError) {
    makeDaemonSet();
    m_project.deployment.replicas = 3;
    const Diagnostic found = only("mode.replicas-not-gateway");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "replicas");
    EXPECT_THAT(found.message, HasSubstr("3 in DaemonSet mode"));
    EXPECT_THAT(found.fix, HasSubstr("remove replicas"));
}

TEST_F(ModeChecks, ReplicasInSidecar_IsAnError) {
    makeSidecar();
    m_project.deployment.replicas = 2;
    EXPECT_THAT(only("mode.replicas-not-gateway").message, HasSubstr("Sidecar mode"));
}

TEST_F(ModeChecks, ZeroReplicas_IsAnError) {
    m_project.deployment.replicas = 0;
    const Diagnostic found = only("replicas.invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "replicas");
    EXPECT_THAT(found.message, HasSubstr("replicas is 0"));
}

TEST_F(ModeChecks, HpaInDaemonSet_IsAnError) {
    makeDaemonSet();
    m_project.hpa = HpaConfig{1, 3, 70, std::nullopt};
    const Diagnostic found = only("mode.hpa-not-gateway");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "hpa");
}

TEST_F(ModeChecks, AntiAffinityInSidecar_IsAnError) {
    makeSidecar();
    m_project.antiAffinity = AntiAffinityConfig{};
    const Diagnostic found = only("mode.anti-affinity-not-gateway");
    EXPECT_EQ(found.path, "anti_affinity");
    EXPECT_THAT(found.message, HasSubstr("Sidecar"));
}

TEST_F(ModeChecks, SidecarModeWithoutTarget_IsAnError) {
    makeSidecar();
    m_project.sidecar.reset();
    const Diagnostic found = only("sidecar.missing");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "sidecar");
    EXPECT_THAT(found.fix, HasSubstr("kind: Deployment"));
}

TEST_F(ModeChecks, SidecarTargetOfKindPod_IsAnError) {
    makeSidecar();
    m_project.sidecar->target.kind = "Pod";
    const Diagnostic found = only("sidecar.target-kind-invalid");
    EXPECT_EQ(found.path, "sidecar.target.kind");
    EXPECT_THAT(found.message, HasSubstr("\"Pod\""));
}

TEST_F(ModeChecks, SidecarTargetWithoutName_IsAnError) {
    makeSidecar();
    m_project.sidecar->target.name.clear();
    const Diagnostic found = only("sidecar.target-name-invalid");
    EXPECT_EQ(found.path, "sidecar.target.name");
    EXPECT_THAT(found.message, HasSubstr("empty"));
}

TEST_F(ModeChecks, SidecarTargetWithInvalidName_IsAnError) {
    makeSidecar();
    m_project.sidecar->target.name = "Checkout_API";
    EXPECT_THAT(only("sidecar.target-name-invalid").message, HasSubstr("\"Checkout_API\""));
}

TEST_F(ModeChecks, SidecarSettingsInGateway_IsAnError) {
    m_project.sidecar = SidecarConfig{SidecarTarget{"Deployment", "checkout"}, NativeSidecar::Auto};
    const Diagnostic found = only("mode.sidecar-not-sidecar-mode");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "sidecar");
    EXPECT_THAT(found.message, HasSubstr("Gateway mode"));
}

TEST_F(ModeChecks, ServiceInSidecar_IsAWarning) {
    makeSidecar();
    m_project.service = ServiceSpec{};
    const Diagnostic found = only("mode.service-ignored");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "service");
}

TEST_F(ModeChecks, ServiceMonitorInSidecar_IsAnError) {
    makeSidecar();
    m_project.serviceMonitor = ServiceMonitorSpec{};
    const Diagnostic found = only("service-monitor.no-service");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "service_monitor");
    EXPECT_THAT(found.message, HasSubstr("Sidecar"));
}

TEST_F(ModeChecks, ServiceMonitorInDaemonSetWithoutService_IsAnError) {
    makeDaemonSet();
    m_project.serviceMonitor = ServiceMonitorSpec{};
    EXPECT_THAT(only("service-monitor.no-service").fix, HasSubstr("add service"));

    m_project.service = ServiceSpec{};
    EXPECT_FALSE(has("service-monitor.no-service"));
}

TEST_F(ModeChecks, ServiceMonitorPortNotAmongExplicitPorts_IsAWarning) {
    m_project.service = ServiceSpec{ServiceType::ClusterIP, {{"otlp-grpc", 4317, 0, "TCP"}}, false};
    m_project.serviceMonitor = ServiceMonitorSpec{};
    const Diagnostic found = only("service-monitor.port-missing");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "service_monitor.port");
    EXPECT_THAT(found.message, HasSubstr("\"metrics\""));
}
