// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <string>
#include <vector>

namespace otelconsole {

/// A gateway's replicas when the project had none: one pod can restart while another serves.
inline constexpr int defaultGatewayReplicas = 2;

/// The RBAC preset that fits each mode: node_level for a DaemonSet, cluster_level for a Gateway,
/// pod_level for a Sidecar.
[[nodiscard]] RbacPreset suggestedRbacPreset(DeploymentMode mode);

/// Switches `project` to `mode` and adjusts what only makes sense in some modes: replicas, HPA and
/// anti-affinity exist only for a Gateway, the sidecar target only for a Sidecar, which has no Service,
/// ServiceMonitor or PDB of its own; a DaemonSet's ServiceMonitor needs an explicit Service. A fixed RBAC
/// preset follows the mode; a derived or custom choice is the user's and stays. Returns what changed
/// besides the mode, as short phrases ("removed the HPA"), in the order they happened.
std::vector<std::string> switchMode(Project &project, DeploymentMode mode);

} // namespace otelconsole
