// SPDX-License-Identifier: Apache-2.0
#include "common/error.h"

namespace otelconsole {

std::string SourceLocation::toString() const {
    std::string text = file;
    if (line > 0) {
        text += (text.empty() ? "line " : ":") + std::to_string(line);
        if (column > 0)
            text += ':' + std::to_string(column);
    }
    return text;
}

std::string Error::toString() const {
    const std::string where = location.toString();
    return where.empty() ? message : where + ": " + message;
}

} // namespace otelconsole
