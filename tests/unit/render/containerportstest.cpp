// SPDX-License-Identifier: Apache-2.0
#include "render/containerports.h"

#include "testprojects.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace otelconsole {
namespace {

using testing::collectorFrom;

class ContainerPorts : public ::testing::Test {
protected:
    static std::vector<ContainerPort> portsOf(std::string_view collectorYaml) {
        const CollectorConfig config = collectorFrom(collectorYaml);
        return deriveContainerPorts(config, findUsedComponents(config, Catalog::builtin()));
    }

    static std::optional<ContainerPort> portNamed(const std::vector<ContainerPort> &ports,
                                                  std::string_view name) {
        const auto found = std::ranges::find(ports, name, &ContainerPort::name);
        return found != ports.end() ? std::optional(*found) : std::nullopt;
    }
};

TEST_F(ContainerPorts, EndpointWithEnvironmentHost_TakesThePortFromTheEndpoint) {
    const auto ports = portsOf(R"(
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: ${env:MY_POD_IP}:14317
exporters:
  debug:
service:
  pipelines:
    traces: {receivers: [otlp], exporters: [debug]}
)");

    EXPECT_EQ(portNamed(ports, "otlp-grpc"), (ContainerPort{"otlp-grpc", 14317, "TCP"}));
}

TEST_F(ContainerPorts, ProtocolSectionWithoutSettings_OpensTheDefaultPort) {
    const auto ports = portsOf(R"(
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipelines:
    traces: {receivers: [otlp], exporters: [debug]}
)");

    EXPECT_EQ(portNamed(ports, "otlp-grpc"), (ContainerPort{"otlp-grpc", 4317, "TCP"}));
    EXPECT_FALSE(portNamed(ports, "otlp-http").has_value());
}

TEST_F(ContainerPorts, JaegerThriftCompact_IsUdp) {
    const auto ports = portsOf(R"(
receivers:
  jaeger:
    protocols:
      thrift_compact:
exporters:
  debug:
service:
  pipelines:
    traces: {receivers: [jaeger], exporters: [debug]}
)");

    EXPECT_EQ(portNamed(ports, "jaeger-compact"), (ContainerPort{"jaeger-compact", 6831, "UDP"}));
}

TEST_F(ContainerPorts, SecondInstanceOfAReceiver_GetsItsNameAsSuffix) {
    const auto ports = portsOf(R"(
receivers:
  otlp:
    protocols:
      grpc:
  otlp/2:
    protocols:
      grpc:
        endpoint: 0.0.0.0:5317
exporters:
  debug:
service:
  pipelines:
    traces: {receivers: [otlp, otlp/2], exporters: [debug]}
)");

    EXPECT_EQ(portNamed(ports, "otlp-grpc"), (ContainerPort{"otlp-grpc", 4317, "TCP"}));
    EXPECT_EQ(portNamed(ports, "otlp-grpc-2"), (ContainerPort{"otlp-grpc-2", 5317, "TCP"}));
}

TEST_F(ContainerPorts, UnusedReceiver_OpensNoPort) {
    const auto ports = portsOf(R"(
receivers:
  otlp:
    protocols:
      grpc:
  zipkin:
exporters:
  debug:
service:
  pipelines:
    traces: {receivers: [otlp], exporters: [debug]}
)");

    EXPECT_FALSE(std::ranges::any_of(ports, [](const ContainerPort &port) { return port.port == 9411; }));
}

TEST_F(ContainerPorts, MetricsAndHealth_ComeLast) {
    const auto ports = portsOf(R"(
receivers:
  otlp:
    protocols:
      http:
extensions:
  health_check:
    endpoint: 0.0.0.0:13133
exporters:
  debug:
service:
  extensions: [health_check]
  pipelines:
    logs: {receivers: [otlp], exporters: [debug]}
)");

    const std::vector<ContainerPort> expected = {
        {"otlp-http", 4318, "TCP"}, {"metrics", 8888, "TCP"}, {"health", 13133, "TCP"}};
    EXPECT_EQ(ports, expected);
}

TEST_F(ContainerPorts, TelemetryReaderPort_IsTheMetricsPort) {
    const Json telemetry = Json::parse(R"({"metrics": {"readers": [{"pull": {"exporter": {"prometheus":
        {"host": "0.0.0.0", "port": 9999}}}}]}})");

    EXPECT_EQ(telemetryMetricsPort(telemetry), 9999);
    EXPECT_EQ(telemetryMetricsPort(Json()), 8888);
}

TEST_F(ContainerPorts, HealthCheckNotStarted_HasNoEndpoint) {
    const CollectorConfig config = collectorFrom(R"(
extensions:
  health_check:
service:
  extensions: []
)");

    EXPECT_FALSE(findHealthCheck(config).has_value());
}

struct EndpointCase {
    std::string endpoint;
    std::optional<int> port;
};

class PortFromEndpoint : public ::testing::TestWithParam<EndpointCase> {};

TEST_P(PortFromEndpoint, ReadsTheTrailingPort) {
    EXPECT_EQ(portFromEndpoint(GetParam().endpoint), GetParam().port) << GetParam().endpoint;
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, PortFromEndpoint,
    ::testing::Values(EndpointCase{"0.0.0.0:4317", 4317}, EndpointCase{"localhost:4318", 4318},
                      EndpointCase{"${env:MY_POD_IP}:4317", 4317}, EndpointCase{"[::]:9411", 9411},
                      EndpointCase{":8888", 8888}, EndpointCase{"0.0.0.0", std::nullopt},
                      EndpointCase{"${env:MY_POD_IP}", std::nullopt}, EndpointCase{"host:0", std::nullopt},
                      EndpointCase{"host:65536", std::nullopt}, EndpointCase{"host:80a", std::nullopt},
                      EndpointCase{"host:", std::nullopt}, EndpointCase{"", std::nullopt}));

struct PortNameCase {
    std::string base;
    std::string componentId;
    std::string expected;
};

class PortNameFor : public ::testing::TestWithParam<PortNameCase> {};

TEST_P(PortNameFor, IsAValidServiceName) {
    EXPECT_EQ(portNameFor(GetParam().base, GetParam().componentId), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Grammar, PortNameFor,
                         ::testing::Values(PortNameCase{"otlp-grpc", "otlp", "otlp-grpc"},
                                           PortNameCase{"otlp-grpc", "otlp/2", "otlp-grpc-2"},
                                           PortNameCase{"otlp-grpc", "otlp/Jaeger_In", "otlp-grpc-jaege"},
                                           PortNameCase{"zipkin", "zipkin/--edge--", "zipkin-edge"},
                                           PortNameCase{"OTLP_HTTP", "otlp", "otlp-http"},
                                           PortNameCase{"1234", "x", "port-1234"}));

} // namespace
} // namespace otelconsole
