// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

namespace otelconsole {

/// JSON that keeps the insertion order of keys: rendered output is byte-stable and reads in the order
/// people expect (apiVersion, kind, metadata, spec).
using Json = nlohmann::ordered_json;

} // namespace otelconsole
