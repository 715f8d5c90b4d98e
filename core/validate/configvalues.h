// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"
#include "common/settings.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace otelconsole {

// Reading values out of a component's settings, which are kept in the collector's own loose format.

/// An integer setting; floats with no fraction count, strings do not (the collector rejects them too).
[[nodiscard]] std::optional<std::int64_t> integerSetting(const Json &config, std::string_view dottedKey);

/// A Go duration (`1s`, `500ms`, `1m30s`, `0`) in nanoseconds; nullopt when the text is not one.
[[nodiscard]] std::optional<std::int64_t> parseGoDuration(std::string_view text);

/// The host and port of a listen address such as `0.0.0.0:4317`, `${env:MY_POD_IP}:4317`, `[::1]:4317`.
struct ListenAddress {
    std::string host;
    std::optional<int> port;

    /// Bound to the loopback interface only, so unreachable from other pods.
    [[nodiscard]] bool isLoopback() const;
};

[[nodiscard]] ListenAddress parseListenAddress(std::string_view endpoint);

} // namespace otelconsole
