// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "render/plan.h"

#include <cstddef>
#include <string>
#include <vector>

namespace otelconsole {

/// The file name of the `index`-th object (0-based) of a plan in a per-object export: its place in
/// apply order, kind and name, e.g. `03-configmap-otel-gateway.yaml`. Two digits keep `ls` in order.
[[nodiscard]] std::string planObjectFileName(std::size_t index, const Json &object);

/// Writes every object of the plan to `path` as one multi-document YAML file, exactly Plan::toYaml().
/// The file is replaced atomically.
[[nodiscard]] Result<void> writePlanFile(const Plan &plan, const std::string &path);

/// Writes each object of the plan to its own file in `directory` (created when missing), named by
/// planObjectFileName(), and returns the paths in apply order. Files an earlier export left there under
/// the same naming scheme are removed first, so that `kubectl apply -f <directory>` never applies an
/// object the project no longer has; other files are left alone.
[[nodiscard]] Result<std::vector<std::string>> writePlanFolder(const Plan &plan,
                                                               const std::string &directory);

} // namespace otelconsole
