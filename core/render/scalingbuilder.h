// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <optional>

namespace otelconsole {

class RenderContext;

/// The gateway's HorizontalPodAutoscaler (autoscaling/v2); nullopt unless the project is a gateway with
/// an HPA configured.
[[nodiscard]] std::optional<Json> buildHorizontalPodAutoscaler(const RenderContext &context);

/// The PodDisruptionBudget over the collector's pods; nullopt when none is configured or the pods are
/// an application's (sidecar), whose budget is the application's to set.
[[nodiscard]] std::optional<Json> buildPodDisruptionBudget(const RenderContext &context);

} // namespace otelconsole
