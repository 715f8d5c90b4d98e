// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/projectfile.h"
#include "render/plan.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace otelconsole::testing {

/// A collector config from its own YAML; fails the test when the text does not parse.
inline CollectorConfig collectorFrom(std::string_view yaml) {
    auto config = parseCollectorConfig(yaml, "test.yaml");
    EXPECT_TRUE(config.has_value()) << (config ? std::string() : config.error().toString());
    return config ? *config : CollectorConfig{};
}

/// The smallest useful collector: OTLP over gRPC into the debug exporter.
inline constexpr std::string_view minimalCollector = R"(
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
processors:
  batch:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [debug]
)";

inline Project projectWith(DeploymentMode mode, std::string_view collectorYaml = minimalCollector) {
    Project project;
    project.name = "otel-test";
    project.deployment.mode = mode;
    project.deployment.namespaceName = "observability";
    project.deployment.collectorImage = "otel/opentelemetry-collector-contrib:0.159.0";
    project.collector = collectorFrom(collectorYaml);
    return project;
}

/// The first object of `kind` (and `name`, when given) in the plan, or nullptr.
inline const Json *findObject(const Plan &plan, std::string_view kind, std::string_view name = {}) {
    for (const Json &object : plan.objects) {
        const bool nameMatches = name.empty() || object["metadata"]["name"] == std::string(name);
        if (object["kind"] == std::string(kind) && nameMatches) {
            return &object;
        }
    }
    return nullptr;
}

} // namespace otelconsole::testing
