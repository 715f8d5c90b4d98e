// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

enum class Severity { Error, Warning, Info };

[[nodiscard]] std::string_view toString(Severity severity);

/// One finding about a project: errors block a deploy, warnings and infos do not.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;        ///< stable identifier, e.g. quantity.invalid, pipeline.undefined-reference
    std::string path;        ///< field path as in SourceMap, e.g. resources.limits.memory
    std::string message;     ///< what is wrong, as a sentence
    std::string fix;         ///< what to do about it; may be empty
    SourceLocation location; ///< filled in when the project came from a file

    /// "file:line: error: message (fix: …)"
    [[nodiscard]] std::string toString() const;
};

[[nodiscard]] bool hasErrors(const std::vector<Diagnostic> &diagnostics);

} // namespace otelconsole
