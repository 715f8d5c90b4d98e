// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace otelconsole::sandbox {

/// Small, exception-free accessors for dotted paths into JSON objects ("metadata.name").
class JsonPath {
public:
    /// The value at `path`, or null when any step is missing or not an object.
    static const nlohmann::json *find(const nlohmann::json &root, std::string_view path);

    /// The string at `path`, or `fallback` when it is missing or not a string.
    static std::string string(const nlohmann::json &root, std::string_view path,
                              const std::string &fallback = {});

    /// The value at `path` rendered as a field selector compares it: strings as is, numbers and
    /// booleans in their JSON spelling, anything missing as "".
    static std::string fieldText(const nlohmann::json &root, std::string_view path);

    /// The object at `path`, created (replacing non-objects) along the way.
    static nlohmann::json &ensureObject(nlohmann::json &root, std::string_view path);
};

} // namespace otelconsole::sandbox
