// SPDX-License-Identifier: Apache-2.0
#include "render/servicebuilder.h"

#include "render/rendercontext.h"

namespace otelconsole {

namespace {

bool wantsHeadless(const RenderContext &context) {
    return hasService(context) && context.project().service && context.project().service->headless;
}

/// The configured ports, or else every port the collector listens on, addressed by name.
Json buildServicePorts(const RenderContext &context) {
    const auto &service = context.project().service;

    Json ports = Json::array();
    if (service && !service->ports.empty()) {
        for (const ServicePort &port : service->ports) {
            ports.push_back({{"name", port.name},
                             {"port", port.port},
                             {"targetPort", port.targetPort != 0 ? port.targetPort : port.port},
                             {"protocol", port.protocol}});
        }
        return ports;
    }

    for (const ContainerPort &port : context.containerPorts()) {
        ports.push_back({{"name", port.name},
                         {"port", port.port},
                         {"targetPort", port.name},
                         {"protocol", port.protocol}});
    }
    return ports;
}

Json buildService(const RenderContext &context, const Json &ports) {
    const ServiceType type =
        context.project().service ? context.project().service->type : ServiceType::ClusterIP;

    Json service = Json::object();
    service["apiVersion"] = "v1";
    service["kind"] = "Service";
    service["metadata"] = context.namespacedMetadata(context.name());
    service["spec"]["type"] = std::string(toString(type));
    service["spec"]["selector"] = context.selectorLabels();
    service["spec"]["ports"] = ports;
    return service;
}

Json buildHeadlessService(const RenderContext &context, const Json &ports) {
    Json service = Json::object();
    service["apiVersion"] = "v1";
    service["kind"] = "Service";
    service["metadata"] = context.namespacedMetadata(context.headlessServiceName());
    service["metadata"]["labels"][std::string(headlessServiceLabel)] = "true";
    service["spec"]["clusterIP"] = "None";
    service["spec"]["selector"] = context.selectorLabels();
    service["spec"]["ports"] = ports;
    return service;
}

} // namespace

bool hasService(const RenderContext &context) {
    switch (context.mode()) {
    case DeploymentMode::Gateway:
        return true;
    case DeploymentMode::DaemonSet:
        return context.project().service.has_value();
    case DeploymentMode::Sidecar:
        return false;
    }
    return false;
}

std::vector<Json> buildServices(const RenderContext &context) {
    if (!hasService(context)) {
        return {};
    }

    const Json ports = buildServicePorts(context);
    std::vector<Json> services{buildService(context, ports)};
    if (wantsHeadless(context)) {
        services.push_back(buildHeadlessService(context, ports));
    }
    return services;
}

std::optional<Json> buildServiceMonitor(const RenderContext &context) {
    const auto &spec = context.project().serviceMonitor;
    if (!spec || !context.cluster().serviceMonitorCrd || !hasService(context)) {
        return std::nullopt;
    }

    Json monitor = Json::object();
    monitor["apiVersion"] = "monitoring.coreos.com/v1";
    monitor["kind"] = "ServiceMonitor";
    monitor["metadata"] = context.namespacedMetadata(context.name());
    for (const auto &[key, value] : spec->labels) {
        monitor["metadata"]["labels"][key] = value;
    }

    monitor["spec"]["selector"]["matchLabels"] = context.selectorLabels();
    if (wantsHeadless(context)) {
        // The headless Service has the same labels and ports; without this every pod is scraped twice.
        monitor["spec"]["selector"]["matchExpressions"] =
            Json::array({{{"key", std::string(headlessServiceLabel)}, {"operator", "DoesNotExist"}}});
    }
    monitor["spec"]["endpoints"] = Json::array({{{"port", spec->port}, {"interval", spec->interval}}});
    return monitor;
}

} // namespace otelconsole
