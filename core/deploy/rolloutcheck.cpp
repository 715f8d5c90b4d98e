// SPDX-License-Identifier: Apache-2.0
#include "deploy/rolloutcheck.h"

namespace otelconsole {

namespace {

/// A numeric status field; Kubernetes leaves zero values out of the JSON.
long long number(const Json &object, std::initializer_list<const char *> path, long long fallback = 0) {
    const Json *node = &object;
    for (const char *key : path) {
        if (!node->is_object() || !node->contains(key))
            return fallback;
        node = &(*node)[key];
    }
    return node->is_number() ? node->get<long long>() : fallback;
}

std::string text(const Json &object, std::initializer_list<const char *> path) {
    const Json *node = &object;
    for (const char *key : path) {
        if (!node->is_object() || !node->contains(key))
            return {};
        node = &(*node)[key];
    }
    return node->is_string() ? node->get<std::string>() : std::string();
}

std::string quoted(const std::string &value) {
    return "\"" + value + "\"";
}

RolloutStatus waiting(std::string message) {
    return {RolloutState::Waiting, std::move(message)};
}

bool generationObserved(const Json &workload) {
    return number(workload, {"metadata", "generation"}) <= number(workload, {"status", "observedGeneration"});
}

bool progressDeadlineExceeded(const Json &deployment) {
    const Json conditions = deployment.value("status", Json::object()).value("conditions", Json::array());
    for (const Json &condition : conditions) {
        if (condition.value("type", "") == "Progressing"
            && condition.value("reason", "") == "ProgressDeadlineExceeded")
            return true;
    }
    return false;
}

RolloutStatus deploymentStatus(const Json &deployment, const std::string &name) {
    if (!generationObserved(deployment))
        return waiting("Waiting for deployment spec update to be observed...");
    if (progressDeadlineExceeded(deployment))
        return {RolloutState::Failed, "deployment " + quoted(name) + " exceeded its progress deadline"};

    const long long desired = number(deployment, {"spec", "replicas"}, 1);
    const long long updated = number(deployment, {"status", "updatedReplicas"});
    const long long replicas = number(deployment, {"status", "replicas"});
    const long long available = number(deployment, {"status", "availableReplicas"});
    const std::string prefix = "Waiting for deployment " + quoted(name) + " rollout to finish: ";
    if (updated < desired)
        return waiting(prefix + std::to_string(updated) + " out of " + std::to_string(desired)
                       + " new replicas have been updated...");
    if (replicas > updated)
        return waiting(prefix + std::to_string(replicas - updated)
                       + " old replicas are pending termination...");
    if (available < updated)
        return waiting(prefix + std::to_string(available) + " of " + std::to_string(updated)
                       + " updated replicas are available...");
    return {RolloutState::Done, "deployment " + quoted(name) + " successfully rolled out"};
}

RolloutStatus daemonSetStatus(const Json &daemonSet, const std::string &name) {
    if (text(daemonSet, {"spec", "updateStrategy", "type"}) == "OnDelete")
        return {RolloutState::Failed, "rollout status is only available for RollingUpdate strategy type"};
    if (!generationObserved(daemonSet))
        return waiting("Waiting for daemon set spec update to be observed...");

    const long long desired = number(daemonSet, {"status", "desiredNumberScheduled"});
    const long long updated = number(daemonSet, {"status", "updatedNumberScheduled"});
    const long long available = number(daemonSet, {"status", "numberAvailable"});
    const std::string prefix = "Waiting for daemon set " + quoted(name) + " rollout to finish: ";
    if (updated < desired)
        return waiting(prefix + std::to_string(updated) + " out of " + std::to_string(desired)
                       + " new pods have been updated...");
    if (available < desired)
        return waiting(prefix + std::to_string(available) + " of " + std::to_string(desired)
                       + " updated pods are available...");
    return {RolloutState::Done, "daemon set " + quoted(name) + " successfully rolled out"};
}

RolloutStatus statefulSetStatus(const Json &statefulSet) {
    if (text(statefulSet, {"spec", "updateStrategy", "type"}) == "OnDelete")
        return {RolloutState::Failed, "rollout status is only available for RollingUpdate strategy type"};
    const long long observed = number(statefulSet, {"status", "observedGeneration"});
    if (observed == 0 || !generationObserved(statefulSet))
        return waiting("Waiting for statefulset spec update to be observed...");

    const long long desired = number(statefulSet, {"spec", "replicas"}, 1);
    const long long ready = number(statefulSet, {"status", "readyReplicas"});
    if (ready < desired)
        return waiting("Waiting for " + std::to_string(desired - ready) + " pods to be ready...");

    const long long partition = number(statefulSet, {"spec", "updateStrategy", "rollingUpdate", "partition"});
    const long long updated = number(statefulSet, {"status", "updatedReplicas"});
    if (partition > 0) {
        if (updated < desired - partition)
            return waiting("Waiting for partitioned roll out to finish: " + std::to_string(updated)
                           + " out of " + std::to_string(desired - partition)
                           + " new pods have been updated...");
        return {RolloutState::Done, "partitioned roll out complete: " + std::to_string(updated)
                                        + " new pods have been updated..."};
    }

    const std::string updateRevision = text(statefulSet, {"status", "updateRevision"});
    if (updateRevision != text(statefulSet, {"status", "currentRevision"}))
        return waiting("waiting for statefulset rolling update to complete " + std::to_string(updated)
                       + " pods at revision " + updateRevision + "...");
    return {RolloutState::Done, "statefulset rolling update complete " + std::to_string(ready)
                                    + " pods at revision " + updateRevision + "..."};
}

} // namespace

std::string_view toString(RolloutState state) {
    switch (state) {
    case RolloutState::Done:
        return "done";
    case RolloutState::Failed:
        return "failed";
    case RolloutState::Waiting:
        break;
    }
    return "waiting";
}

RolloutStatus RolloutCheck::evaluate(const Json &workload) {
    if (!workload.is_object())
        return waiting("Waiting for the workload to exist...");
    const std::string kind = workload.value("kind", "");
    const std::string name = text(workload, {"metadata", "name"});
    if (kind == "Deployment")
        return deploymentStatus(workload, name);
    if (kind == "DaemonSet")
        return daemonSetStatus(workload, name);
    if (kind == "StatefulSet")
        return statefulSetStatus(workload);
    return {RolloutState::Failed, "no rollout status for kind " + quoted(kind)};
}

} // namespace otelconsole
