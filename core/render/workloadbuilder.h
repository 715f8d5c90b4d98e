// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

namespace otelconsole {

class RenderContext;

/// One collector pod per node, replaced one node at a time.
[[nodiscard]] Json buildDaemonSet(const RenderContext &context);

/// The gateway. `spec.replicas` is left out when an HPA is configured: with server-side apply, the
/// field must belong to the HPA alone, or every apply would reset the replica count.
[[nodiscard]] Json buildDeployment(const RenderContext &context);

/// Whether the sidecar goes in as a native sidecar (init container with restartPolicy Always).
[[nodiscard]] bool usesNativeSidecar(const RenderContext &context);

/// A partial apply intent of the sidecar's target workload: only the collector container, its config
/// volume and the checksum annotation. Server-side apply merges them into the application's pod template
/// by container and volume name, leaving the application's own fields to their owners.
[[nodiscard]] Json buildSidecarIntent(const RenderContext &context);

} // namespace otelconsole
