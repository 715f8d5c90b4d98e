// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <string>
#include <vector>

namespace otelconsole {

/// The state of one collector pod, as an operator needs it to find out why it is not serving.
struct PodHealth {
    std::string name;
    std::string node;           ///< empty while unscheduled
    std::string phase;          ///< Pending, Running, Succeeded, Failed, Unknown
    bool ready = false;         ///< the collector container (or, without one, the pod) is ready
    int restarts = 0;           ///< of the collector container
    std::string waitingReason;  ///< CrashLoopBackOff, ImagePullBackOff, ContainerCreating, Unschedulable...
    std::string waitingMessage; ///< the kubelet's or scheduler's explanation
    std::string lastTerminationReason; ///< why the collector last stopped: OOMKilled, Error, Completed...
    int lastExitCode = 0;
    bool terminating = false; ///< deletion requested, still shutting down
};

/// Replica counts of the workload and the state of its pods.
struct HealthStatus {
    int readyReplicas = 0;
    int totalReplicas = 0; ///< desired replicas; for a DaemonSet, the nodes that should run a pod
    std::vector<PodHealth> pods;

    /// Every desired replica is ready and no pod is waiting on a problem.
    [[nodiscard]] bool healthy() const;
};

/// Reads replica counts from a Deployment, DaemonSet or StatefulSet and pod states from its pods.
class WorkloadHealth {
public:
    /// `containerName` is the collector's container; in Sidecar mode the pods are the application's and
    /// only that container's readiness and restarts count.
    [[nodiscard]] static HealthStatus read(const Json &workload, const Json &pods,
                                           const std::string &containerName);

    [[nodiscard]] static PodHealth readPod(const Json &pod, const std::string &containerName);
};

} // namespace otelconsole
