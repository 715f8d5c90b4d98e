// SPDX-License-Identifier: Apache-2.0
#include "deploy/statusjson.h"

namespace otelconsole {

namespace {

Json textOrNull(const std::string &text) {
    return text.empty() ? Json() : Json(text);
}

Json rates(const SignalRates &signal) {
    Json value = Json::object();
    value["accepted"] = signal.accepted;
    value["refused"] = signal.refused;
    value["exportFailed"] = signal.sendFailed;
    value["sent"] = signal.sent;
    return value;
}

Json resources(const DeploymentMetrics &metrics) {
    Json value = Json::object();
    value["available"] = metrics.resourceMetricsAvailable;
    value["reason"] = textOrNull(metrics.resourceMetricsUnavailable);
    // Unknown is null, never zero: a script must not read a missing metrics API as an idle collector.
    value["totalCpuMillicores"] =
        metrics.resourceMetricsAvailable ? Json(metrics.totalCpuMillicores) : Json();
    value["totalMemoryMiB"] = metrics.resourceMetricsAvailable ? Json(metrics.totalMemoryMiB) : Json();
    value["pods"] = Json::array();
    for (const PodUsage &usage : metrics.pods) {
        Json pod = Json::object();
        pod["name"] = usage.pod;
        pod["cpuMillicores"] = usage.cpuMillicores;
        pod["memoryMiB"] = usage.memoryMiB;
        value["pods"].push_back(std::move(pod));
    }
    return value;
}

Json throughput(const DeploymentMetrics &metrics) {
    Json value = Json::object();
    value["available"] = metrics.throughputAvailable;
    value["reason"] = textOrNull(metrics.throughputUnavailable);
    value["intervalSeconds"] =
        metrics.throughputAvailable ? Json(metrics.throughput.intervalSeconds) : Json();
    value["podsScraped"] = metrics.podsScraped;
    const bool known = metrics.throughputAvailable;
    value["spans"] = known ? rates(metrics.throughput.spans) : Json();
    value["metricPoints"] = known ? rates(metrics.throughput.metricPoints) : Json();
    value["logRecords"] = known ? rates(metrics.throughput.logRecords) : Json();
    return value;
}

} // namespace

Json StatusJson::status(const Project &project, const ObjectReference &workload, const HealthStatus &health,
                        const DeploymentMetrics *metrics) {
    Json document = Json::object();
    document["schemaVersion"] = schemaVersion;
    document["project"] = project.name;
    document["namespace"] = project.deployment.namespaceName;
    document["mode"] = std::string(toString(project.deployment.mode));
    document["workload"] = {{"kind", workload.kind}, {"name", workload.name}};
    document["health"] = StatusJson::health(health);
    document["metrics"] = metrics ? StatusJson::metrics(*metrics) : Json();
    return document;
}

Json StatusJson::health(const HealthStatus &health) {
    Json value = Json::object();
    value["healthy"] = health.healthy();
    value["readyReplicas"] = health.readyReplicas;
    value["totalReplicas"] = health.totalReplicas;
    value["pods"] = Json::array();
    for (const PodHealth &entry : health.pods)
        value["pods"].push_back(pod(entry));
    return value;
}

Json StatusJson::pod(const PodHealth &pod) {
    Json value = Json::object();
    value["name"] = pod.name;
    value["node"] = textOrNull(pod.node);
    value["phase"] = pod.phase;
    value["ready"] = pod.ready;
    value["restarts"] = pod.restarts;
    value["waitingReason"] = textOrNull(pod.waitingReason);
    value["waitingMessage"] = textOrNull(pod.waitingMessage);
    value["lastTerminationReason"] = textOrNull(pod.lastTerminationReason);
    value["lastExitCode"] = pod.lastTerminationReason.empty() ? Json() : Json(pod.lastExitCode);
    value["terminating"] = pod.terminating;
    return value;
}

Json StatusJson::metrics(const DeploymentMetrics &metrics) {
    Json value = Json::object();
    value["resources"] = resources(metrics);
    value["throughput"] = throughput(metrics);
    return value;
}

} // namespace otelconsole
