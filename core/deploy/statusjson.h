// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"
#include "deploy/deployreport.h"
#include "deploy/objectreference.h"
#include "deploy/workloadhealth.h"
#include "model/project.h"

namespace otelconsole {

/// The JSON documents scripts read (`otel-console status --json`). The schema is versioned by
/// `schemaVersion` and documented in the README; fields are only ever added, never renamed. Every field
/// is always present, null when there is no value, so a script can tell "not available" from zero.
class StatusJson {
public:
    static constexpr int schemaVersion = 1;

    /// The whole status document: project, workload, health and (when given) metrics.
    [[nodiscard]] static Json status(const Project &project, const ObjectReference &workload,
                                     const HealthStatus &health, const DeploymentMetrics *metrics);

    [[nodiscard]] static Json health(const HealthStatus &health);
    [[nodiscard]] static Json pod(const PodHealth &pod);
    [[nodiscard]] static Json metrics(const DeploymentMetrics &metrics);
};

} // namespace otelconsole
