// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class NameChecks : public ValidationTest {};

TEST_F(NameChecks, ProjectNameWithCapitals_IsAnError) {
    m_project.name = "Otel-Gateway";
    const Diagnostic found = only("name.invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "name");
    EXPECT_THAT(found.message, HasSubstr("\"Otel-Gateway\""));
    EXPECT_THAT(found.message, HasSubstr("DNS-1035"));
}

TEST_F(NameChecks, ProjectNameStartingWithADigit_IsAnError) {
    m_project.name = "1gateway";
    EXPECT_EQ(only("name.invalid").path, "name");
}

TEST_F(NameChecks, ProjectNameOf54Characters_IsAccepted) {
    m_project.name = "g" + std::string(53, 'a');
    EXPECT_FALSE(has("name.too-long"));
    EXPECT_FALSE(has("name.invalid"));
}

TEST_F(NameChecks, ProjectNameOf55Characters_IsTooLongForTheHeadlessService) {
    m_project.name = "g" + std::string(54, 'a');
    const Diagnostic found = only("name.too-long");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_THAT(found.message, HasSubstr("55 characters"));
    EXPECT_THAT(found.message, HasSubstr("-headless"));
    EXPECT_THAT(found.fix, HasSubstr("54"));
}

TEST_F(NameChecks, NamespaceWithUnderscore_IsAnError) {
    m_project.deployment.namespaceName = "otel_system";
    const Diagnostic found = only("namespace.invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "namespace");
    EXPECT_THAT(found.message, HasSubstr("\"otel_system\""));
}

TEST_F(NameChecks, ServiceAccountWithCapitals_IsAnError) {
    m_project.deployment.rbac.serviceAccount = "Collector";
    const Diagnostic found = only("rbac.service-account-invalid");
    EXPECT_EQ(found.path, "rbac.service_account");
    EXPECT_THAT(found.message, HasSubstr("\"Collector\""));
}

TEST_F(NameChecks, ServiceAccountWithDots_IsAccepted) {
    m_project.deployment.rbac.serviceAccount = "otel.collector";
    EXPECT_FALSE(has("rbac.service-account-invalid"));
}

TEST_F(NameChecks, PortNameLongerThan15_IsAnError) {
    m_project.service = ServiceSpec{ServiceType::ClusterIP, {{"otlp-grpc-traffic", 4317, 0, "TCP"}}, false};
    const Diagnostic found = only("service.port-name-invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "service.ports[0].name");
    EXPECT_THAT(found.message, HasSubstr("\"otlp-grpc-traffic\""));
}

TEST_F(NameChecks, PortNumberOutOfRange_IsAnError) {
    m_project.service = ServiceSpec{ServiceType::ClusterIP, {{"otlp-grpc", 70000, 0, "TCP"}}, false};
    const Diagnostic found = only("service.port-invalid");
    EXPECT_EQ(found.path, "service.ports[0].port");
    EXPECT_THAT(found.message, HasSubstr("70000"));
}

TEST_F(NameChecks, ServiceMonitorPortName_IsChecked) {
    m_project.serviceMonitor = ServiceMonitorSpec{};
    m_project.serviceMonitor->port = "Metrics";
    const Diagnostic found = only("service.port-name-invalid");
    EXPECT_EQ(found.path, "service_monitor.port");
    EXPECT_THAT(found.message, HasSubstr("\"Metrics\""));
}

TEST_F(NameChecks, ServiceMonitorLabelValueWithSpace_IsAnError) {
    m_project.serviceMonitor = ServiceMonitorSpec{};
    m_project.serviceMonitor->labels = {{"release", "kube prometheus"}};
    const Diagnostic found = only("label.value-invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "service_monitor.labels.release");
    EXPECT_THAT(found.message, HasSubstr("\"kube prometheus\""));
}

TEST_F(NameChecks, NodeSelectorKeyWithTwoSlashes_IsAnError) {
    m_project.nodeSelector = {{"kubernetes.io/os/name", "linux"}};
    const Diagnostic found = only("label.key-invalid");
    EXPECT_EQ(found.path, "node_selector.kubernetes.io/os/name");
    EXPECT_THAT(found.message, HasSubstr("\"kubernetes.io/os/name\""));
}

TEST_F(NameChecks, PrefixedNodeSelectorKey_IsAccepted) {
    m_project.nodeSelector = {{"kubernetes.io/os", "linux"}};
    EXPECT_FALSE(has("label.key-invalid"));
    EXPECT_FALSE(has("label.value-invalid"));
}
