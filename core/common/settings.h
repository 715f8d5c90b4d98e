// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <string_view>

namespace otelconsole {

/// The value at a dotted path (`protocols.grpc.endpoint`) in a component's settings, or nullptr when a
/// step of the path is missing. A key that is present with a null value (`grpc:` with nothing after it)
/// is found.
[[nodiscard]] const Json *findSetting(const Json &settings, std::string_view dottedPath);

} // namespace otelconsole
