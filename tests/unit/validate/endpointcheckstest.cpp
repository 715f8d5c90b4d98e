// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class EndpointChecks : public ValidationTest {
protected:
    Json &otlp() { return receiver("otlp").config; }
};

TEST_F(EndpointChecks, ReceiverOnLocalhostInGateway_IsAWarning) {
    otlp()["protocols"]["grpc"]["endpoint"] = "localhost:4317";
    const Diagnostic found = only("endpoint.localhost");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.receivers.otlp.protocols.grpc.endpoint");
    EXPECT_THAT(found.message, HasSubstr("localhost:4317"));
    EXPECT_EQ(found.fix, "set the endpoint to 0.0.0.0:4317 or ${env:MY_POD_IP}:4317");
}

TEST_F(EndpointChecks, ExtensionOnLoopbackAddress_IsAWarning) {
    extension("health_check").config["endpoint"] = "127.0.0.1:13133";
    const Diagnostic found = only("endpoint.localhost");
    EXPECT_EQ(found.path, "collector.extensions.health_check.endpoint");
    EXPECT_THAT(found.fix, HasSubstr("0.0.0.0:13133"));
}

TEST_F(EndpointChecks, LocalhostInSidecar_IsAccepted) {
    m_project.deployment.mode = DeploymentMode::Sidecar;
    m_project.deployment.replicas.reset();
    m_project.sidecar = SidecarConfig{SidecarTarget{"Deployment", "checkout"}, NativeSidecar::Auto};
    otlp()["protocols"]["grpc"]["endpoint"] = "localhost:4317";
    otlp()["protocols"]["http"] = nullptr;
    EXPECT_FALSE(has("endpoint.localhost"));
    EXPECT_FALSE(has("endpoint.default-localhost"));
}

TEST_F(EndpointChecks, HealthCheckOnLocalhostInSidecar_IsAWarning) {
    m_project.deployment.mode = DeploymentMode::Sidecar;
    m_project.deployment.replicas.reset();
    m_project.sidecar = SidecarConfig{SidecarTarget{"Deployment", "checkout"}, NativeSidecar::Auto};
    extension("health_check").config["endpoint"] = "localhost:13133";
    const Diagnostic found = only("endpoint.localhost");
    EXPECT_EQ(found.path, "collector.extensions.health_check.endpoint");
    EXPECT_THAT(found.message, HasSubstr("probes"));
}

TEST_F(EndpointChecks, ProtocolWithoutEndpointOnCurrentImage_DefaultsToLocalhost) {
    otlp()["protocols"]["http"] = nullptr;
    const Diagnostic found = only("endpoint.default-localhost");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.receivers.otlp.protocols.http");
    EXPECT_THAT(found.message, HasSubstr("localhost:4318"));
    EXPECT_THAT(found.fix, HasSubstr("${env:MY_POD_IP}:4318"));
}

TEST_F(EndpointChecks, ProtocolWithoutEndpointBefore0104_IsAccepted) {
    m_project.deployment.collectorImage = "otel/opentelemetry-collector-contrib:0.103.0";
    exporter("otlp_grpc").id = "otlp";
    traces().exporters = {"otlp"};
    otlp()["protocols"]["http"] = nullptr;
    EXPECT_FALSE(has("endpoint.default-localhost"));
}

TEST_F(EndpointChecks, HealthCheckWithoutEndpoint_DefaultsToLocalhost) {
    extension("health_check").config = nullptr;
    EXPECT_EQ(only("endpoint.default-localhost").path, "collector.extensions.health_check");
}

TEST_F(EndpointChecks, NoHealthCheck_IsAWarning) {
    m_project.collector.extensions.clear();
    m_project.collector.serviceExtensions.clear();
    const Diagnostic found = only("health-check.missing");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.extensions");
    EXPECT_THAT(found.message, HasSubstr("probe"));
    EXPECT_THAT(found.fix, HasSubstr("service.extensions"));
}

TEST_F(EndpointChecks, HealthCheckNotInServiceExtensions_IsAWarning) {
    m_project.collector.serviceExtensions.clear();
    const Diagnostic found = only("health-check.not-enabled");
    EXPECT_EQ(found.path, "collector.service.extensions");
    EXPECT_THAT(found.fix, HasSubstr("add \"health_check\""));
}

TEST_F(EndpointChecks, TwoReceiversOnOnePort_IsAnError) {
    m_project.collector.receivers.push_back(
        {"otlp/2", yaml("{protocols: {grpc: {endpoint: 0.0.0.0:4317}}}")});
    traces().receivers.push_back("otlp/2");
    const Diagnostic found = only("endpoint.port-conflict");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.receivers.otlp/2.protocols.grpc.endpoint");
    EXPECT_THAT(found.message, HasSubstr("\"otlp/2\" and \"otlp\" both listen on TCP port 4317"));
    EXPECT_THAT(found.fix, HasSubstr("4319"));
}

TEST_F(EndpointChecks, ExporterOnTheTelemetryPort_IsAnError) {
    m_project.collector.exporters.push_back({"prometheus", yaml("{endpoint: 0.0.0.0:8888}")});
    m_project.collector.pipelines.push_back({"metrics", {"otlp"}, {"memory_limiter"}, {"prometheus"}});
    const Diagnostic found = only("endpoint.port-conflict");
    EXPECT_THAT(found.message, HasSubstr("8888"));
}

TEST_F(EndpointChecks, SamePortOverTcpAndUdp_IsAccepted) {
    m_project.collector.receivers.push_back(
        {"jaeger",
         yaml("{protocols: {grpc: {endpoint: 0.0.0.0:6831}, thrift_compact: {endpoint: 0.0.0.0:6831}}}")});
    traces().receivers.push_back("jaeger");
    EXPECT_FALSE(has("endpoint.port-conflict"));
}

TEST_F(EndpointChecks, UnusedReceiverOnATakenPort_IsIgnored) {
    m_project.collector.receivers.push_back(
        {"otlp/2", yaml("{protocols: {grpc: {endpoint: 0.0.0.0:4317}}}")});
    EXPECT_FALSE(has("endpoint.port-conflict"));
}
