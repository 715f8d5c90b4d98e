// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxoptions.h"

#include <expected>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Reads the executable's flags into SandboxOptions.
class CommandLine {
public:
    /// The options, or a message naming the offending flag. "--help" yields an error holding usage().
    static std::expected<SandboxOptions, std::string> parse(const std::vector<std::string> &arguments);

    static std::string usage();
};

} // namespace otelconsole::sandbox
