// SPDX-License-Identifier: Apache-2.0
#include "api/jsonpath.h"

namespace otelconsole::sandbox {

const nlohmann::json *JsonPath::find(const nlohmann::json &root, std::string_view path) {
    const nlohmann::json *current = &root;
    while (!path.empty()) {
        const auto dot = path.find('.');
        const std::string_view step = path.substr(0, dot);
        if (!current->is_object()) {
            return nullptr;
        }
        const auto found = current->find(std::string(step));
        if (found == current->end()) {
            return nullptr;
        }
        current = &*found;
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return current;
}

std::string JsonPath::string(const nlohmann::json &root, std::string_view path, const std::string &fallback) {
    const nlohmann::json *value = find(root, path);
    return value && value->is_string() ? value->get<std::string>() : fallback;
}

std::string JsonPath::fieldText(const nlohmann::json &root, std::string_view path) {
    const nlohmann::json *value = find(root, path);
    if (!value || value->is_null()) {
        return {};
    }
    return value->is_string() ? value->get<std::string>() : value->dump();
}

nlohmann::json &JsonPath::ensureObject(nlohmann::json &root, std::string_view path) {
    nlohmann::json *current = &root;
    if (!current->is_object()) {
        *current = nlohmann::json::object();
    }
    while (!path.empty()) {
        const auto dot = path.find('.');
        nlohmann::json &next = (*current)[std::string(path.substr(0, dot))];
        if (!next.is_object()) {
            next = nlohmann::json::object();
        }
        current = &next;
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return *current;
}

} // namespace otelconsole::sandbox
