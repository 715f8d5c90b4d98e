// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace otelconsole {

/// CPU and memory one pod's collector uses right now, from metrics.k8s.io.
struct PodUsage {
    std::string pod;
    double cpuMillicores = 0.0;
    double memoryMiB = 0.0;
};

/// What a node offers and what the pods placed on it have asked for.
struct NodeResources {
    std::string node;
    std::int64_t allocatableCpuMillicores = 0;
    std::int64_t allocatableMemoryBytes = 0;
    std::int64_t allocatablePods = 0;
    std::int64_t requestedCpuMillicores = 0;
    std::int64_t requestedMemoryBytes = 0;
    std::int64_t pods = 0;
    bool ready = false;
    bool unschedulable = false; ///< cordoned
};

/// Turns metrics.k8s.io answers and node and pod lists into numbers.
class ResourceUsage {
public:
    /// One entry per PodMetrics item of `podMetricsList` whose name is in `podNames` (all when empty).
    /// `containerName` non-empty counts only that container (the collector in an application's pod).
    [[nodiscard]] static std::vector<PodUsage> fromPodMetrics(const Json &podMetricsList,
                                                              const std::vector<std::string> &podNames,
                                                              const std::string &containerName);

    /// Allocatable against requested per node. A pod's request is the larger of the sum over its
    /// containers (native sidecars included) and its largest init container, as the scheduler counts it;
    /// finished pods request nothing.
    [[nodiscard]] static std::vector<NodeResources> perNode(const Json &nodeList, const Json &podList);

    /// Millicores of a CPU quantity (`250m`, `1`, `123456789n`); 0 when it does not parse.
    [[nodiscard]] static double cpuMillicores(const Json &quantity);
    /// Bytes of a memory quantity (`12345Ki`, `1Gi`); 0 when it does not parse.
    [[nodiscard]] static double memoryBytes(const Json &quantity);
};

} // namespace otelconsole
