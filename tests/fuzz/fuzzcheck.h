// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace otelconsole::fuzz {

/// The fuzzer's input as text; the parsers take std::string_view and must cope with any bytes.
inline std::string_view inputText(const std::uint8_t *data, std::size_t size) {
    return {reinterpret_cast<const char *>(data), size};
}

/// Stops the run with a message when an invariant does not hold: libFuzzer saves the input that got
/// here as a crash, exactly as it does for a sanitizer report. `detail` is only called on failure, so
/// describing the input costs nothing on the millions of runs that pass.
template<typename Detail>
void require(bool condition, std::string_view invariant, Detail detail) {
    if (condition)
        return;
    const std::string text = detail();
    std::fprintf(stderr, "invariant failed: %.*s\n%s\n", static_cast<int>(invariant.size()), invariant.data(),
                 text.c_str());
    std::abort();
}

inline void require(bool condition, std::string_view invariant) {
    require(condition, invariant, [] { return std::string(); });
}

} // namespace otelconsole::fuzz
