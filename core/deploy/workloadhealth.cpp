// SPDX-License-Identifier: Apache-2.0
#include "deploy/workloadhealth.h"

namespace otelconsole {

namespace {

int integer(const Json &object, const char *key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<int>() : 0;
}

const Json &member(const Json &object, const char *key) {
    static const Json empty = Json::object();
    if (!object.is_object())
        return empty;
    const auto found = object.find(key);
    return found == object.end() ? empty : *found;
}

/// The collector's status among the pod's container and init container statuses (a native sidecar is
/// an init container); nullptr when the pod has no status for it yet.
const Json *collectorStatus(const Json &status, const std::string &containerName) {
    for (const char *list : {"containerStatuses", "initContainerStatuses"}) {
        for (const Json &entry : member(status, list)) {
            if (entry.value("name", "") == containerName)
                return &entry;
        }
    }
    return nullptr;
}

bool podReady(const Json &status) {
    for (const Json &condition : member(status, "conditions")) {
        if (condition.value("type", "") == "Ready")
            return condition.value("status", "") == "True";
    }
    return false;
}

/// A pod the scheduler could not place says so in its PodScheduled condition, not in a container.
void readScheduling(const Json &status, PodHealth &health) {
    for (const Json &condition : member(status, "conditions")) {
        if (condition.value("type", "") == "PodScheduled" && condition.value("status", "") == "False") {
            health.waitingReason = condition.value("reason", "Unschedulable");
            health.waitingMessage = condition.value("message", "");
        }
    }
}

void readContainer(const Json &container, PodHealth &health) {
    health.ready = container.value("ready", false);
    health.restarts = integer(container, "restartCount");
    const Json &waitingState = member(member(container, "state"), "waiting");
    if (!waitingState.empty()) {
        health.waitingReason = waitingState.value("reason", "");
        health.waitingMessage = waitingState.value("message", "");
    }
    const Json &terminated = member(member(container, "lastState"), "terminated");
    if (!terminated.empty()) {
        health.lastTerminationReason = terminated.value("reason", "");
        health.lastExitCode = integer(terminated, "exitCode");
    }
}

} // namespace

bool HealthStatus::healthy() const {
    if (totalReplicas == 0 || readyReplicas < totalReplicas)
        return false;
    for (const PodHealth &pod : pods) {
        if (!pod.terminating && (!pod.ready || !pod.waitingReason.empty()))
            return false;
    }
    return true;
}

HealthStatus WorkloadHealth::read(const Json &workload, const Json &pods, const std::string &containerName) {
    HealthStatus health;
    const Json &spec = member(workload, "spec");
    const Json &status = member(workload, "status");
    if (workload.value("kind", "") == "DaemonSet") {
        health.readyReplicas = integer(status, "numberReady");
        health.totalReplicas = integer(status, "desiredNumberScheduled");
    } else {
        health.readyReplicas = integer(status, "readyReplicas");
        health.totalReplicas = spec.contains("replicas") ? integer(spec, "replicas") : 1;
    }

    for (const Json &pod : member(pods, "items"))
        health.pods.push_back(readPod(pod, containerName));
    return health;
}

PodHealth WorkloadHealth::readPod(const Json &pod, const std::string &containerName) {
    PodHealth health;
    const Json &metadata = member(pod, "metadata");
    const Json &status = member(pod, "status");
    health.name = metadata.value("name", "");
    health.node = member(pod, "spec").value("nodeName", "");
    health.phase = status.value("phase", "Unknown");
    health.terminating = metadata.contains("deletionTimestamp");
    readScheduling(status, health);

    if (const Json *container = collectorStatus(status, containerName))
        readContainer(*container, health);
    else
        health.ready = podReady(status);
    return health;
}

} // namespace otelconsole
