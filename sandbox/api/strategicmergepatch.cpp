// SPDX-License-Identifier: Apache-2.0
#include "api/strategicmergepatch.h"

#include "api/objectschema.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

bool isDirective(const std::string &key) {
    return key.starts_with("$");
}

// Strategic merge patch knows one merge key per list; the first of the apply keys is that key.
std::string mergeKeyOf(const std::vector<std::string> &schemaPath, const std::string &kind) {
    const ListShape shape = ObjectSchema::listShape(schemaPath, kind);
    return shape.type == ListShape::Type::Map ? shape.keys.front() : std::string();
}

bool sameKey(const json &a, const json &b, const std::string &key) {
    return a.is_object() && b.is_object() && a.contains(key) && b.contains(key) && a[key] == b[key];
}

} // namespace

json StrategicMergePatch::apply(const json &original, const json &patch, const std::string &kind) {
    std::vector<std::string> schemaPath;
    return mergeObject(original, patch, schemaPath, kind);
}

json StrategicMergePatch::withoutDirectives(const json &value) {
    if (value.is_object()) {
        json clean = json::object();
        for (const auto &[key, inner] : value.items()) {
            if (!isDirective(key)) {
                clean[key] = withoutDirectives(inner);
            }
        }
        return clean;
    }
    if (value.is_array()) {
        json clean = json::array();
        for (const auto &item : value) {
            clean.push_back(withoutDirectives(item));
        }
        return clean;
    }
    return value;
}

json StrategicMergePatch::mergeObject(const json &original, const json &patch,
                                      std::vector<std::string> &schemaPath, const std::string &kind) {
    if (!patch.is_object()) {
        return patch;
    }
    if (patch.value("$patch", std::string()) == "replace") {
        return withoutDirectives(patch);
    }
    json result = original.is_object() ? original : json::object();
    for (const auto &[key, value] : patch.items()) {
        if (key.starts_with("$deleteFromPrimitiveList/")) {
            const std::string field = key.substr(std::string("$deleteFromPrimitiveList/").size());
            if (result.contains(field) && result[field].is_array() && value.is_array()) {
                json &list = result[field];
                list.erase(std::remove_if(list.begin(), list.end(),
                                          [&](const json &item) {
                                              return std::find(value.begin(), value.end(), item)
                                                     != value.end();
                                          }),
                           list.end());
            }
            continue;
        }
        if (isDirective(key)) {
            continue;
        }
        if (value.is_null()) {
            result.erase(key);
            continue;
        }
        schemaPath.push_back(key);
        if (value.is_object() && result.contains(key) && result[key].is_object()) {
            result[key] = mergeObject(result[key], value, schemaPath, kind);
        } else if (value.is_array() && result.contains(key) && result[key].is_array()) {
            result[key] = mergeList(result[key], value, schemaPath, kind);
        } else {
            result[key] = withoutDirectives(value);
        }
        schemaPath.pop_back();
    }
    return result;
}

json StrategicMergePatch::mergeList(const json &original, const json &patch,
                                    std::vector<std::string> &schemaPath, const std::string &kind) {
    const std::string key = mergeKeyOf(schemaPath, kind);
    const ListShape shape = ObjectSchema::listShape(schemaPath, kind);
    if (shape.type == ListShape::Type::Set) {
        json result = original;
        for (const auto &item : patch) {
            if (std::find(result.begin(), result.end(), item) == result.end()) {
                result.push_back(item);
            }
        }
        return result;
    }
    if (key.empty()) {
        return withoutDirectives(patch);
    }
    json result = original;
    for (const auto &item : patch) {
        auto match =
            std::find_if(result.begin(), result.end(), [&](const json &e) { return sameKey(e, item, key); });
        const bool remove = item.is_object() && item.value("$patch", std::string()) == "delete";
        if (remove) {
            if (match != result.end()) {
                result.erase(match);
            }
        } else if (match == result.end()) {
            result.push_back(withoutDirectives(item));
        } else {
            *match = mergeObject(*match, item, schemaPath, kind);
        }
    }
    return result;
}

} // namespace otelconsole::sandbox
