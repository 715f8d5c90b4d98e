// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace otelconsole::modeltest {

/// The text of a file of the source tree, e.g. "resources/examples/gateway.yaml"; empty if unreadable.
[[nodiscard]] std::string readSourceFile(const std::string &relativePath);

/// 1-based line and column of the first occurrence of `needle` at or after line `fromLine`; 0 if absent.
struct TextPosition {
    int line = 0;
    int column = 0;
};
[[nodiscard]] TextPosition positionOf(std::string_view text, std::string_view needle, int fromLine = 1);

} // namespace otelconsole::modeltest
