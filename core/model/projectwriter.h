// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"
#include "model/project.h"

namespace otelconsole {

/// The project in the project-file layout, keys in documented order, unset optional sections left out.
/// writeProject() turns it into YAML text.
[[nodiscard]] Json projectToJson(const Project &project);

} // namespace otelconsole
