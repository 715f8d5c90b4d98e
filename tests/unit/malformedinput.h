// SPDX-License-Identifier: Apache-2.0
// Hostile and broken inputs shared by the parsers' test suites: every parser must answer each of them
// with one clear error, never a crash, an exception or a hang.
#pragma once

#include <cstddef>
#include <string>

namespace otelconsole::testing_inputs {

/// `depth` opening brackets: flow sequences nested far deeper than any reader should follow.
inline std::string deepFlowNesting(std::size_t depth = 100'000) {
    return std::string(depth, '[');
}

/// Nine levels of lists, each holding ten aliases of the level below: a few hundred bytes that expand
/// to a billion values when followed naively.
inline std::string aliasBomb(const std::string &key = "bomb") {
    std::string text = key + ":\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level < 9; ++level) {
        const std::string below = "*a" + std::to_string(level - 1);
        text += "  a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i)
            text += (i == 0 ? "" : ", ") + below;
        text += "]\n";
    }
    return text;
}

/// About `bytes` bytes of `line` repeated.
inline std::string repeatedLines(const std::string &line, std::size_t bytes = 10 * 1024 * 1024) {
    std::string text;
    text.reserve(bytes + line.size());
    while (text.size() < bytes)
        text += line;
    return text;
}

/// Bytes that are not UTF-8: a Windows-1252 curly quote, as pasted from a word processor.
inline const std::string invalidUtf8 = "name: \x93quoted\x94\n";

} // namespace otelconsole::testing_inputs
