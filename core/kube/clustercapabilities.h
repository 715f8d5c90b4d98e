// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"

#include <string>

namespace otelconsole {

/// What the cluster offers that changes what we generate or can show, learned from discovery.
struct ClusterCapabilities {
    int major = 0;
    int minor = 0;
    std::string gitVersion;
    bool nativeSidecars = false;  ///< Kubernetes 1.29 or later: initContainers with restartPolicy Always
    bool serviceMonitors = false; ///< monitoring.coreos.com/v1 is served (Prometheus Operator installed)
    bool metricsApi = false;      ///< metrics.k8s.io/v1beta1 is served (metrics-server installed)

    /// Builds the capabilities from the answers of `GET /version` and `GET /apis`.
    [[nodiscard]] static Result<ClusterCapabilities> fromDiscovery(const Json &version,
                                                                   const Json &apiGroups);
};

} // namespace otelconsole
