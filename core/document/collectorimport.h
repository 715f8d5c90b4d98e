// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "model/project.h"

#include <string>

namespace otelconsole {

/// Reads a collector config.yaml from disk, for importing it into a project. A missing or unreadable
/// file, malformed YAML and unknown sections are errors naming the file (and line where there is one).
[[nodiscard]] Result<CollectorConfig> loadCollectorConfigFile(const std::string &path);

} // namespace otelconsole
