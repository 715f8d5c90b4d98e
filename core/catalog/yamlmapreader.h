// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/version.h"
#include "common/error.h"
#include "common/json.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
class Mark;
} // namespace YAML

namespace otelconsole {

/// Typed access to the keys of YAML maps for strict file formats: each accessor checks the node's
/// type before converting, so yaml-cpp never throws, and each error carries the file, line and column.
class YamlMapReader {
public:
    explicit YamlMapReader(std::string file)
        : m_file(std::move(file)) {}

    /// A key that is missing or explicitly null.
    [[nodiscard]] static bool isAbsent(const YAML::Node &node);

    /// `node` must be a map whose keys are all among `keys`; `what` names it in the error.
    [[nodiscard]] Result<void> expectMap(const YAML::Node &node, std::string_view what,
                                         std::initializer_list<std::string_view> keys) const;
    /// A scalar; absent optional keys give an empty string.
    [[nodiscard]] Result<std::string> text(const YAML::Node &map, std::string_view key,
                                           bool required = true) const;
    /// A list of scalars; absent optional keys give an empty list.
    [[nodiscard]] Result<std::vector<std::string>> texts(const YAML::Node &map, std::string_view key,
                                                         bool required = true) const;
    [[nodiscard]] Result<bool> flag(const YAML::Node &map, std::string_view key, bool fallback = false) const;
    [[nodiscard]] Result<int> number(const YAML::Node &map, std::string_view key) const;
    [[nodiscard]] Result<Version> version(const YAML::Node &map, std::string_view key) const;
    /// Any value, typed as YAML's core schema resolves it; null when absent.
    [[nodiscard]] Result<Json> json(const YAML::Node &map, std::string_view key) const;

    [[nodiscard]] std::unexpected<Error> error(const YAML::Node &node, std::string message) const;
    [[nodiscard]] SourceLocation location(const YAML::Mark &mark) const;

private:
    std::string m_file;
};

} // namespace otelconsole
