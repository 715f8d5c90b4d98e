// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <optional>
#include <string_view>
#include <vector>

namespace otelconsole {

class RenderContext;

/// Marks the headless Service, so that a ServiceMonitor can leave it out and scrape each pod once.
inline constexpr std::string_view headlessServiceLabel = "otel-console.io/headless";

/// Whether the project gets a Service: a gateway always, a DaemonSet when one is configured, a sidecar
/// never (its application's Service fronts the pod).
[[nodiscard]] bool hasService(const RenderContext &context);

/// The Service `<name>` and, when asked for, the headless `<name>-headless` with the same ports.
[[nodiscard]] std::vector<Json> buildServices(const RenderContext &context);

/// The Prometheus-Operator ServiceMonitor that scrapes the collector's own metrics through the Service;
/// nullopt when none is configured, the cluster does not serve the CRD, or there is no Service.
[[nodiscard]] std::optional<Json> buildServiceMonitor(const RenderContext &context);

} // namespace otelconsole
