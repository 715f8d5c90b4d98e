// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace otelconsole {

class ValidationContext;

// The families of checks validateProject() runs, one source file each. Every function reports into the
// context and never stops at the first problem, so one run lists everything that needs fixing.

/// Quantities parse, requests within limits, limits present and large enough for the mode.
void checkResources(ValidationContext &context);
/// Project, namespace, service account, port and label names against the Kubernetes grammars.
void checkNames(ValidationContext &context);
/// Which settings each deployment mode allows: replicas, HPA, anti-affinity, sidecar, ServiceMonitor.
void checkMode(ValidationContext &context);
/// HPA bounds and targets, PDB fields and whether the PDB lets any pod be evicted.
void checkAvailability(ValidationContext &context);
/// Whether the image reference can be judged, and whether it is pinned.
void checkImage(ValidationContext &context);
/// Pipelines exist, have receivers and exporters, reference defined components of the right signal.
void checkPipelines(ValidationContext &context);
/// Components against the catalog for the chosen image: present, not removed, named for its version.
void checkComponents(ValidationContext &context);
/// memory_limiter and batch settings, which the collector only rejects at startup.
void checkProcessors(ValidationContext &context);
/// Listen addresses reachable from other pods, health_check for probes, no two listeners on one port.
void checkEndpoints(ValidationContext &context);
/// Bash-style `$VAR` references, which current collectors no longer expand.
void checkEnvExpansion(ValidationContext &context);
/// Receivers in a mode where they duplicate or miss data: cluster-scoped and node-local ones.
void checkPlacement(ValidationContext &context);
/// RBAC rules well formed, and covering what the pipeline's components need without much more.
void checkRbac(ValidationContext &context);

} // namespace otelconsole
