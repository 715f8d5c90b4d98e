// SPDX-License-Identifier: Apache-2.0
#include "modeltestsupport.h"

#include <fstream>
#include <sstream>

namespace otelconsole::modeltest {

std::string readSourceFile(const std::string &relativePath) {
    std::ifstream file(std::string(OTELCONSOLE_SOURCE_DIR) + "/" + relativePath);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

TextPosition positionOf(std::string_view text, std::string_view needle, int fromLine) {
    int line = 1;
    std::size_t lineStart = 0;
    while (lineStart <= text.size()) {
        const std::size_t lineEnd = std::min(text.find('\n', lineStart), text.size());
        const std::string_view content = text.substr(lineStart, lineEnd - lineStart);
        if (const std::size_t at = content.find(needle); line >= fromLine && at != std::string_view::npos)
            return {line, static_cast<int>(at) + 1};
        lineStart = lineEnd + 1;
        ++line;
    }
    return {};
}

} // namespace otelconsole::modeltest
