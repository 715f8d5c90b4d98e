// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"
#include "common/settings.h"
#include "model/project.h"
#include "render/usedcomponent.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// A port the collector container listens on; the name is a valid IANA service name, unique in the pod.
struct ContainerPort {
    std::string name;
    int port = 0;
    std::string protocol = "TCP";

    bool operator==(const ContainerPort &) const = default;
};

/// Where the kubelet can ask whether the collector is alive: the health_check extension's listener.
struct HealthCheckEndpoint {
    int port = 13133;
    std::string path = "/";
};

/// The collector's own metrics port when the user does not choose one.
inline constexpr int defaultTelemetryMetricsPort = 8888;
/// The health_check extension's port when its endpoint does not name one.
inline constexpr int defaultHealthCheckPort = 13133;

/// The ports the used components listen on (from the catalog and the endpoints in their settings), then
/// `metrics` for the collector's own telemetry and `health` when health_check runs. A second listener on
/// a port number and protocol already taken is left out: it could not bind anyway.
[[nodiscard]] std::vector<ContainerPort> deriveContainerPorts(const CollectorConfig &config,
                                                              const std::vector<UsedComponent> &used);

/// The health_check extension that service.extensions starts, if any.
[[nodiscard]] std::optional<HealthCheckEndpoint> findHealthCheck(const CollectorConfig &config);

/// The port at the end of a listener endpoint (`0.0.0.0:4317`, `${env:MY_POD_IP}:4317`, `[::]:4317`);
/// nullopt when the text does not end in `:<1-65535>`.
[[nodiscard]] std::optional<int> portFromEndpoint(std::string_view endpoint);

/// The port of the first Prometheus pull reader in service.telemetry, or the default 8888.
[[nodiscard]] int telemetryMetricsPort(const Json &telemetry);

/// `base`, or `base-<name>` for a component id `type/name`, reduced to a valid IANA service name.
[[nodiscard]] std::string portNameFor(std::string_view base, std::string_view componentId);

} // namespace otelconsole
