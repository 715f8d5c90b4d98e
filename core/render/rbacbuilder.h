// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"
#include "model/project.h"

#include <vector>

namespace otelconsole {

class RenderContext;

/// The ClusterRole rules of the project: the preset's or the custom ones, or for `derived` what the
/// catalog says the used components need.
[[nodiscard]] std::vector<PolicyRule> collectorRbacRules(const RenderContext &context);

/// ServiceAccount, ClusterRole and ClusterRoleBinding, in apply order. No rules means no ClusterRole and
/// no binding; a sidecar runs under its application's ServiceAccount, so it gets no ServiceAccount of its
/// own, only a binding to that account when it needs rules.
[[nodiscard]] std::vector<Json> buildRbacObjects(const RenderContext &context);

} // namespace otelconsole
