// SPDX-License-Identifier: Apache-2.0
#include "model/names.h"
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <algorithm>
#include <array>

namespace otelconsole {

namespace {

/// Why a setting that only a Deployment of replicas has does not apply to the project's mode.
std::string whyNotApplicable(DeploymentMode mode) {
    return mode == DeploymentMode::DaemonSet
               ? "a DaemonSet runs exactly one collector pod on each node"
               : "a sidecar runs as one container in each pod of its target workload";
}

void checkGatewayOnlySettings(ValidationContext &context) {
    const Project &project = context.project();
    const DeploymentMode mode = context.mode();
    const std::string modeName(toString(mode));

    if (mode != DeploymentMode::Gateway) {
        if (project.deployment.replicas) {
            context.report(Severity::Error, "mode.replicas-not-gateway", "replicas",
                           "replicas is set to " + std::to_string(*project.deployment.replicas) + " in "
                               + modeName + " mode, but " + whyNotApplicable(mode),
                           "remove replicas, or switch the mode to Gateway");
        }
        if (project.hpa) {
            context.report(Severity::Error, "mode.hpa-not-gateway", "hpa",
                           "an HPA is configured in " + modeName
                               + " mode, but only a Gateway's Deployment can be scaled: "
                               + whyNotApplicable(mode),
                           "remove hpa, or switch the mode to Gateway");
        }
        if (project.antiAffinity) {
            context.report(Severity::Error, "mode.anti-affinity-not-gateway", "anti_affinity",
                           "anti_affinity is set in " + modeName + " mode, but " + whyNotApplicable(mode),
                           "remove anti_affinity, or switch the mode to Gateway");
        }
        return;
    }

    if (project.deployment.replicas && *project.deployment.replicas < 1) {
        context.report(Severity::Error, "replicas.invalid", "replicas",
                       "replicas is " + std::to_string(*project.deployment.replicas)
                           + "; a gateway needs at least one replica to receive anything",
                       "set replicas to 2 or more so that one pod can restart while another serves");
    }
}

void checkSidecarTarget(ValidationContext &context, const SidecarTarget &target) {
    constexpr std::array<std::string_view, 3> kinds{"Deployment", "StatefulSet", "DaemonSet"};
    if (std::ranges::find(kinds, target.kind) == kinds.end()) {
        context.report(Severity::Error, "sidecar.target-kind-invalid", "sidecar.target.kind",
                       "sidecar.target.kind is \"" + target.kind
                           + "\"; the collector can only be added to a Deployment, StatefulSet or DaemonSet",
                       "set sidecar.target.kind to Deployment, StatefulSet or DaemonSet");
    }

    if (target.name.empty()) {
        context.report(Severity::Error, "sidecar.target-name-invalid", "sidecar.target.name",
                       "sidecar.target.name is empty; the sidecar needs the workload to add itself to",
                       "set sidecar.target.name to the name of the application's " + target.kind);
    } else if (const auto problem = names::checkDns1123Subdomain(target.name)) {
        context.report(Severity::Error, "sidecar.target-name-invalid", "sidecar.target.name",
                       "sidecar.target.name \"" + target.name + "\" is not a valid object name: " + *problem,
                       "set sidecar.target.name to the name of the application's " + target.kind);
    }
}

void checkSidecar(ValidationContext &context) {
    const Project &project = context.project();
    const bool sidecarMode = context.mode() == DeploymentMode::Sidecar;

    if (!sidecarMode && project.sidecar) {
        context.report(Severity::Error, "mode.sidecar-not-sidecar-mode", "sidecar",
                       "sidecar is set in " + std::string(toString(context.mode()))
                           + " mode; it only applies in Sidecar mode",
                       "remove sidecar, or switch the mode to Sidecar");
    }
    if (sidecarMode && !project.sidecar) {
        context.report(Severity::Error, "sidecar.missing", "sidecar",
                       "Sidecar mode needs a target workload, but sidecar is not set",
                       "add sidecar: {target: {kind: Deployment, name: <your application>}}");
    }
    if (sidecarMode && project.sidecar)
        checkSidecarTarget(context, project.sidecar->target);
}

/// Mirrors the renderer: a Gateway always gets a Service, a DaemonSet only when asked, a sidecar never.
bool hasService(const Project &project) {
    switch (project.deployment.mode) {
    case DeploymentMode::Gateway:
        return true;
    case DeploymentMode::DaemonSet:
        return project.service.has_value();
    case DeploymentMode::Sidecar:
        return false;
    }
    return false;
}

void checkService(ValidationContext &context) {
    const Project &project = context.project();
    if (context.mode() == DeploymentMode::Sidecar && project.service) {
        context.report(Severity::Warning, "mode.service-ignored", "service",
                       "service is set in Sidecar mode, where the application's own Service reaches the "
                       "pods; no collector Service is created",
                       "remove service");
    }

    if (!project.serviceMonitor)
        return;
    if (!hasService(project)) {
        const bool daemonSet = context.mode() == DeploymentMode::DaemonSet;
        context.report(Severity::Error, "service-monitor.no-service", "service_monitor",
                       "a ServiceMonitor selects a Service, but " + std::string(toString(context.mode()))
                           + " mode " + (daemonSet ? "without a service section " : "") + "creates none",
                       daemonSet
                           ? "add service: {type: ClusterIP} so the collector's metrics port is exposed"
                           : "remove service_monitor and scrape the collector with a PodMonitor instead");
        return;
    }

    // Without explicit ports the renderer derives them, and always includes `metrics`.
    if (!project.service || project.service->ports.empty())
        return;
    const std::vector<ServicePort> &ports = project.service->ports;
    const std::string &portName = project.serviceMonitor->port;
    if (std::ranges::find(ports, portName, &ServicePort::name) == ports.end()) {
        context.report(Severity::Warning, "service-monitor.port-missing", "service_monitor.port",
                       "the ServiceMonitor scrapes the Service port \"" + portName
                           + "\", but service.ports has no port of that name; Prometheus will find no target",
                       "add a port named \"" + portName
                           + "\" (8888, the collector's own metrics) to service.ports");
    }
}

} // namespace

void checkMode(ValidationContext &context) {
    checkGatewayOnlySettings(context);
    checkSidecar(context);
    checkService(context);
}

} // namespace otelconsole
