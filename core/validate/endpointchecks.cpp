// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/configvalues.h"
#include "validate/validationcontext.h"

#include <algorithm>
#include <array>
#include <set>

namespace otelconsole {

namespace {

/// Since v0.104.0 servers without an endpoint listen on localhost instead of 0.0.0.0.
constexpr Version localhostDefaultSince{0, 104, 0};
constexpr int defaultTelemetryPort = 8888;

/// A port the collector opens, and the field that decides it.
struct Binding {
    int port = 0;
    std::string protocol;
    std::string path;
    std::string owner;
};

std::string parentKey(std::string_view dottedKey) {
    const std::size_t dot = dottedKey.rfind('.');
    return dot == std::string_view::npos ? std::string() : std::string(dottedKey.substr(0, dot));
}

/// A port is open when its endpoint is set, or, for ports on by default, when the section holding the
/// endpoint is present (otlp's `protocols: {grpc: }`; the component itself for a top-level `endpoint`).
bool isOpen(const Json &config, const CatalogPort &port, const Json *endpoint) {
    if (endpoint)
        return true;
    if (!port.enabledByDefault)
        return false;
    const std::string parent = parentKey(port.endpointKey);
    return parent.empty() || findSetting(config, parent) != nullptr;
}

void reportLoopback(ValidationContext &context, const std::string &path, const std::string &endpoint,
                    const ListenAddress &address, const std::string &owner) {
    const std::string port = address.port ? std::to_string(*address.port) : "<port>";
    context.report(Severity::Warning, "endpoint.localhost", path,
                   "\"" + owner + "\" listens on " + endpoint
                       + ", the pod's loopback interface: other pods, the Service and the kubelet's probes "
                         "cannot reach it",
                   "set the endpoint to 0.0.0.0:" + port + " or ${env:MY_POD_IP}:" + port);
}

void reportDefaultLoopback(ValidationContext &context, const std::string &path, const CatalogPort &port,
                           const std::string &owner) {
    const std::string number = std::to_string(port.port);
    context.report(
        Severity::Warning, "endpoint.default-localhost", path,
        "\"" + owner + "\" sets no " + port.endpointKey + ", so from v0.104.0 on it listens on localhost:"
            + number + ", where other pods, the Service and the kubelet's probes cannot reach it",
        "set " + port.endpointKey + ": ${env:MY_POD_IP}:" + number + " (or 0.0.0.0:" + number + ")");
}

/// Whether a missing endpoint should be reported: receivers exist to be reached, and the kubelet probes
/// health_check; debugging extensions such as pprof and zpages stay on loopback by design.
bool needsReachableDefault(ComponentKind kind, std::string_view id) {
    return kind == ComponentKind::Receiver || ValidationContext::typeOf(id) == "health_check";
}

void collectComponentBindings(ValidationContext &context, ComponentKind kind, const Component &component,
                              std::vector<Binding> &bindings) {
    const ComponentInfo *info = context.info(kind, component.id);
    if (!info)
        return;
    // A sidecar's application reaches it over the shared loopback interface, but the kubelet probes
    // health_check on the pod IP in every mode.
    const bool isHealthCheck = ValidationContext::typeOf(component.id) == "health_check";
    const bool podLocal = context.mode() == DeploymentMode::Sidecar && !isHealthCheck;
    const bool checkReach = !podLocal && kind != ComponentKind::Exporter;
    const std::string componentPath = ValidationContext::componentPath(kind, component.id);

    for (const CatalogPort &port : info->ports) {
        if (port.endpointKey.empty())
            continue;
        const Json *endpoint = findSetting(component.config, port.endpointKey);
        if (endpoint && endpoint->is_null())
            endpoint = nullptr;
        if (!isOpen(component.config, port, endpoint))
            continue;

        const std::string path = componentPath + "." + port.endpointKey;
        int number = port.port;
        if (endpoint && endpoint->is_string()) {
            const ListenAddress address = parseListenAddress(endpoint->get<std::string>());
            number = address.port.value_or(port.port);
            if (checkReach && address.isLoopback())
                reportLoopback(context, path, endpoint->get<std::string>(), address, component.id);
        } else if (!endpoint && checkReach && needsReachableDefault(kind, component.id)
                   && context.imageVersion() >= localhostDefaultSince) {
            const std::string parent = parentKey(port.endpointKey);
            reportDefaultLoopback(context, parent.empty() ? componentPath : componentPath + "." + parent,
                                  port, component.id);
        }
        bindings.push_back(Binding{number, port.protocol.empty() ? "TCP" : port.protocol,
                                   endpoint ? path : componentPath, component.id});
    }
}

/// The collector's own metrics endpoint: a reader's port, or 8888 (the renderer adds a reader there when
/// telemetry is absent, and the collector's default reader uses it too).
void collectTelemetryBinding(const ValidationContext &context, std::vector<Binding> &bindings) {
    const Json &telemetry = context.project().collector.telemetry;
    if (const Json *level = findSetting(telemetry, "metrics.level"); level && *level == "none")
        return;

    const Json *readers = findSetting(telemetry, "metrics.readers");
    if (!readers || !readers->is_array() || readers->empty()) {
        bindings.push_back(
            Binding{defaultTelemetryPort, "TCP", "collector.service.telemetry", "service.telemetry"});
        return;
    }
    for (std::size_t index = 0; index < readers->size(); ++index) {
        const std::optional<std::int64_t> port =
            integerSetting((*readers)[index], "pull.exporter.prometheus.port");
        if (!port)
            continue;
        const std::string path = "collector.service.telemetry.metrics.readers[" + std::to_string(index)
                                 + "].pull.exporter.prometheus.port";
        bindings.push_back(Binding{static_cast<int>(*port), "TCP", path, "service.telemetry"});
    }
}

void reportPortConflicts(ValidationContext &context, const std::vector<Binding> &bindings) {
    std::set<int> taken;
    for (const Binding &binding : bindings)
        taken.insert(binding.port);

    for (std::size_t second = 0; second < bindings.size(); ++second) {
        const auto first = std::find_if(
            bindings.begin(), bindings.begin() + static_cast<std::ptrdiff_t>(second),
            [&](const Binding &other) {
                return other.port == bindings[second].port && other.protocol == bindings[second].protocol;
            });
        if (first == bindings.begin() + static_cast<std::ptrdiff_t>(second))
            continue;
        int free = bindings[second].port + 1;
        while (taken.contains(free))
            ++free;
        context.report(Severity::Error, "endpoint.port-conflict", bindings[second].path,
                       "\"" + bindings[second].owner + "\" and \"" + first->owner + "\" both listen on "
                           + first->protocol + " port " + std::to_string(first->port)
                           + "; the second one fails to start and takes the collector down with it",
                       "move \"" + bindings[second].owner + "\" to another port, e.g. "
                           + std::to_string(free));
    }
}

void checkHealthCheck(ValidationContext &context) {
    const auto isHealthCheck = [](const Component &component) {
        return ValidationContext::typeOf(component.id) == "health_check";
    };
    const std::vector<Component> &extensions = context.components(ComponentKind::Extension);
    const auto defined = std::ranges::find_if(extensions, isHealthCheck);
    if (defined == extensions.end()) {
        context.report(Severity::Warning, "health-check.missing", "collector.extensions",
                       "no health_check extension is defined, so the collector gets no liveness or readiness "
                       "probe: Kubernetes cannot tell a hung collector from a working one",
                       "define extensions: {health_check: {endpoint: \"${env:MY_POD_IP}:13133\"}} and list "
                       "health_check in service.extensions");
        return;
    }
    const bool enabled = std::ranges::any_of(extensions, [&](const Component &component) {
        return isHealthCheck(component) && context.isUsed(ComponentKind::Extension, component.id);
    });
    if (!enabled) {
        context.report(Severity::Warning, "health-check.not-enabled", "collector.service.extensions",
                       "\"" + defined->id
                           + "\" is defined but not listed in service.extensions, so it does not start and "
                             "the collector gets no liveness or readiness probe",
                       "add \"" + defined->id + "\" to service.extensions");
    }
}

} // namespace

void checkEndpoints(ValidationContext &context) {
    // Only started components open ports; unused ones are ignored by the collector.
    std::vector<Binding> bindings;
    constexpr std::array<ComponentKind, 3> listeningKinds{ComponentKind::Receiver, ComponentKind::Extension,
                                                          ComponentKind::Exporter};
    for (const ComponentKind kind : listeningKinds) {
        for (const Component &component : context.components(kind)) {
            if (context.isUsed(kind, component.id))
                collectComponentBindings(context, kind, component, bindings);
        }
    }
    collectTelemetryBinding(context, bindings);

    reportPortConflicts(context, bindings);
    checkHealthCheck(context);
}

} // namespace otelconsole
