// SPDX-License-Identifier: Apache-2.0
#include "validate/diagnostic.h"

#include <algorithm>

namespace otelconsole {

std::string_view toString(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

std::string Diagnostic::toString() const {
    // A location from a file is what editors jump to; without one the field path still says where.
    std::string where = location.toString();
    if (where.empty())
        where = path;

    std::string text = where.empty() ? std::string() : where + ": ";
    text += std::string(otelconsole::toString(severity)) + ": " + message;
    if (!fix.empty())
        text += " (fix: " + fix + ")";
    return text;
}

bool hasErrors(const std::vector<Diagnostic> &diagnostics) {
    return std::ranges::any_of(
        diagnostics, [](const Diagnostic &diagnostic) { return diagnostic.severity == Severity::Error; });
}

} // namespace otelconsole
