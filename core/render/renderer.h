// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/error.h"
#include "model/project.h"
#include "render/plan.h"

namespace otelconsole {

/// What the renderer needs to know about the target cluster; defaults suit a current cluster.
struct ClusterTraits {
    bool nativeSidecars = true;    ///< server >= 1.29: sidecar as initContainer with restartPolicy Always
    bool serviceMonitorCrd = true; ///< monitoring.coreos.com/v1 is served
};

/// Turns a project into the objects to apply. Output is byte-stable: the same project gives the same YAML.
/// Fails only when the project cannot be rendered at all: it has no name or no namespace. Everything else,
/// an image reference the catalog does not recognise included, is rendered as written and left to the
/// validator to report.
[[nodiscard]] Result<Plan> renderPlan(const Project &project, const Catalog &catalog,
                                      const ClusterTraits &cluster = {});

} // namespace otelconsole
