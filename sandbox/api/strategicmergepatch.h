// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Strategic merge patch as kubectl uses it (label, annotate, rollout restart, edit): maps merge,
/// null deletes, lists with a merge key merge item by item, `$patch: delete|replace` and
/// `$deleteFromPrimitiveList` directives are honoured, order directives are accepted and ignored.
class StrategicMergePatch {
public:
    static nlohmann::json apply(const nlohmann::json &original, const nlohmann::json &patch,
                                const std::string &kind);

private:
    static nlohmann::json mergeObject(const nlohmann::json &original, const nlohmann::json &patch,
                                      std::vector<std::string> &schemaPath, const std::string &kind);
    static nlohmann::json mergeList(const nlohmann::json &original, const nlohmann::json &patch,
                                    std::vector<std::string> &schemaPath, const std::string &kind);
    static nlohmann::json withoutDirectives(const nlohmann::json &value);
};

} // namespace otelconsole::sandbox
