// SPDX-License-Identifier: Apache-2.0
#include "render/containerports.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace otelconsole {

namespace {

constexpr std::size_t maxPortNameLength = 15;
constexpr int maxPortNumber = 65535;

/// Lower case letters, digits and single dashes, no dash at either end.
std::string toPortNameCharacters(std::string_view text) {
    std::string name;
    for (const char c : text) {
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const bool allowed = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (allowed) {
            name.push_back(lower);
        } else if (!name.empty() && name.back() != '-') {
            name.push_back('-');
        }
    }
    while (!name.empty() && name.back() == '-') {
        name.pop_back();
    }
    return name;
}

std::string truncatePortName(std::string name, std::size_t length) {
    if (name.size() > length) {
        name.resize(length);
    }
    while (!name.empty() && name.back() == '-') {
        name.pop_back();
    }
    return name;
}

/// Collects ports in order, keeping names unique and each port number/protocol pair once. Reserved
/// names are kept for the ports added with addReserved(), whatever a component's port is called.
class PortList {
public:
    explicit PortList(std::set<std::string, std::less<>> reserved)
        : m_reserved(std::move(reserved)) {}

    void add(const std::string &name, int port, const std::string &protocol) {
        if (!numberTaken(port, protocol)) {
            m_ports.push_back({uniqueName(name), port, protocol});
        }
    }

    void addReserved(const std::string &name, int port) {
        if (!numberTaken(port, "TCP")) {
            m_ports.push_back({name, port, "TCP"});
        }
    }

    [[nodiscard]] std::vector<ContainerPort> take() { return std::move(m_ports); }

private:
    [[nodiscard]] bool numberTaken(int port, std::string_view protocol) const {
        return std::ranges::any_of(m_ports, [&](const ContainerPort &existing) {
            return existing.port == port && existing.protocol == protocol;
        });
    }

    [[nodiscard]] bool nameTaken(const std::string &name) const {
        return m_reserved.contains(name) || std::ranges::any_of(m_ports, [&](const ContainerPort &existing) {
                   return existing.name == name;
               });
    }

    [[nodiscard]] std::string uniqueName(const std::string &name) const {
        std::string candidate = name;
        for (int counter = 2; nameTaken(candidate); ++counter) {
            const std::string suffix = "-" + std::to_string(counter);
            candidate = truncatePortName(name, maxPortNameLength - suffix.size()) + suffix;
        }
        return candidate;
    }

    std::set<std::string, std::less<>> m_reserved;
    std::vector<ContainerPort> m_ports;
};

std::string_view parentPath(std::string_view dottedPath) {
    const auto dot = dottedPath.rfind('.');
    return dot == std::string_view::npos ? std::string_view{} : dottedPath.substr(0, dot);
}

/// The port a catalog port listens on given the component's settings, or nullopt when it stays closed.
std::optional<int> listeningPort(const Json &settings, const CatalogPort &catalogPort) {
    if (catalogPort.endpointKey.empty()) {
        return catalogPort.enabledByDefault ? std::optional(catalogPort.port) : std::nullopt;
    }

    const Json *endpoint = findSetting(settings, catalogPort.endpointKey);
    if (endpoint != nullptr && endpoint->is_string()) {
        return portFromEndpoint(endpoint->get<std::string>()).value_or(catalogPort.port);
    }

    // Without an endpoint a protocol listens on its default port as soon as its section exists, even
    // when empty: `protocols: {grpc: }` starts gRPC on 4317.
    const std::string_view section = parentPath(catalogPort.endpointKey);
    if (catalogPort.enabledByDefault && (section.empty() || findSetting(settings, section) != nullptr)) {
        return catalogPort.port;
    }
    return std::nullopt;
}

bool isHealthCheck(const UsedComponent &used) {
    return used.kind == ComponentKind::Extension && used.component->type() == "health_check";
}

} // namespace

std::optional<int> portFromEndpoint(std::string_view endpoint) {
    const auto colon = endpoint.rfind(':');
    if (colon == std::string_view::npos) {
        return std::nullopt;
    }

    const std::string_view digits = endpoint.substr(colon + 1);
    int port = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    if (port < 1 || port > maxPortNumber) {
        return std::nullopt;
    }
    return port;
}

int telemetryMetricsPort(const Json &telemetry) {
    const Json *readers = findSetting(telemetry, "metrics.readers");
    if (readers == nullptr || !readers->is_array()) {
        return defaultTelemetryMetricsPort;
    }
    for (const Json &reader : *readers) {
        const Json *port = findSetting(reader, "pull.exporter.prometheus.port");
        if (port != nullptr && port->is_number_integer()) {
            return port->get<int>();
        }
    }
    return defaultTelemetryMetricsPort;
}

std::string portNameFor(std::string_view base, std::string_view componentId) {
    const auto slash = componentId.find('/');
    std::string name(base);
    if (slash != std::string_view::npos) {
        name += "-";
        name += componentId.substr(slash + 1);
    }
    name = toPortNameCharacters(name);

    // A service name needs a letter, or it could be mistaken for a port number.
    if (std::ranges::none_of(name, [](char c) { return c >= 'a' && c <= 'z'; })) {
        name = name.empty() ? "port" : "port-" + name;
    }
    return truncatePortName(name, maxPortNameLength);
}

std::optional<HealthCheckEndpoint> findHealthCheck(const CollectorConfig &config) {
    for (const Component &extension : config.extensions) {
        const bool started =
            std::ranges::find(config.serviceExtensions, extension.id) != config.serviceExtensions.end();
        if (extension.type() != "health_check" || !started) {
            continue;
        }

        HealthCheckEndpoint health;
        const Json *endpoint = findSetting(extension.config, "endpoint");
        if (endpoint != nullptr && endpoint->is_string()) {
            health.port = portFromEndpoint(endpoint->get<std::string>()).value_or(defaultHealthCheckPort);
        }
        const Json *path = findSetting(extension.config, "path");
        if (path != nullptr && path->is_string() && !path->get<std::string>().empty()) {
            health.path = path->get<std::string>();
        }
        return health;
    }
    return std::nullopt;
}

std::vector<ContainerPort> deriveContainerPorts(const CollectorConfig &config,
                                                const std::vector<UsedComponent> &used) {
    PortList ports({"metrics", "health"});
    for (const UsedComponent &component : used) {
        if (component.info == nullptr || isHealthCheck(component)) {
            continue;
        }
        for (const CatalogPort &catalogPort : component.info->ports) {
            if (const auto port = listeningPort(component.component->config, catalogPort)) {
                const std::string protocol = catalogPort.protocol == "UDP" ? "UDP" : "TCP";
                ports.add(portNameFor(catalogPort.name, component.component->id), *port, protocol);
            }
        }
    }

    ports.addReserved("metrics", telemetryMetricsPort(config.telemetry));
    if (const auto health = findHealthCheck(config)) {
        ports.addReserved("health", health->port);
    }
    return ports.take();
}

} // namespace otelconsole
