// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"

#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace otelconsole {

/// Converts a YAML node to JSON, resolving plain scalars the way YAML 1.2's core schema does:
/// `true`/`false`, `null`/`~`/empty, integers and floats become typed values; quoted scalars stay strings.
/// Fails (with the node's line) on aliases of unsupported kinds or non-scalar map keys.
[[nodiscard]] Result<Json> yamlToJson(const YAML::Node &node, const std::string &file = {});

/// Every document of `text`, loaded with yaml-cpp after checkYamlText(). The error's message is the
/// reason alone (with the file, line and column in its location), for the caller to put in context;
/// a document nesting too deeply for yaml-cpp is reported as such, not as yaml-cpp's "bad file".
[[nodiscard]] Result<std::vector<YAML::Node>> loadYamlDocuments(std::string_view text,
                                                                const std::string &file = {});

/// Parses one YAML document. Errors carry the file, line and column of the syntax error.
[[nodiscard]] Result<Json> parseYaml(std::string_view text, const std::string &file = {});

/// Writes JSON as block-style YAML: keys in their stored order, two-space indentation, strings quoted
/// only where a YAML reader would otherwise take them for another type, multi-line strings as literal
/// blocks. The same input always gives the same bytes.
[[nodiscard]] std::string toYaml(const Json &value);

/// Several documents separated by `---` lines, each as toYaml() writes it.
[[nodiscard]] std::string toYamlDocuments(const std::vector<Json> &documents);

} // namespace otelconsole
