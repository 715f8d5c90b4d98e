// SPDX-License-Identifier: Apache-2.0
#include "api/requestbody.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>

namespace otelconsole::sandbox {

namespace {

constexpr std::size_t kMaxFieldManagerLength = 128;
constexpr int kMaxNesting = 512;

// The parsers recurse once per nesting level; a body of nothing but brackets must not exhaust the
// stack, so nesting is measured before parsing.
bool nestedTooDeep(const std::string &body) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNesting) {
                return true;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

nlohmann::json scalarToJson(const YAML::Node &node) {
    const std::string &text = node.Scalar();
    // Quoted scalars carry the non-specific tag "!" and are always strings.
    if (node.Tag() == "!") {
        return text;
    }
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
        return nullptr;
    }
    if (text == "true" || text == "True" || text == "TRUE") {
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        return false;
    }
    static const std::regex integer("[-+]?[0-9]+");
    static const std::regex decimal("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    if (std::regex_match(text, integer)) {
        long long value = 0;
        const char *begin = text.data() + (text[0] == '+' ? 1 : 0);
        if (std::from_chars(begin, text.data() + text.size(), value).ec == std::errc()) {
            return value;
        }
    }
    if (std::regex_match(text, decimal)) {
        return std::strtod(text.c_str(), nullptr);
    }
    return text;
}

nlohmann::json nodeToJson(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Sequence: {
        nlohmann::json array = nlohmann::json::array();
        for (const auto &item : node) {
            array.push_back(nodeToJson(item));
        }
        return array;
    }
    case YAML::NodeType::Map: {
        nlohmann::json object = nlohmann::json::object();
        for (const auto &entry : node) {
            object[entry.first.Scalar()] = nodeToJson(entry.second);
        }
        return object;
    }
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    default:
        return nullptr;
    }
}

} // namespace

ApiResult<nlohmann::json> RequestBody::json(const std::string &body) {
    if (nestedTooDeep(body)) {
        return std::unexpected(
            StatusError::badRequest("couldn't get version/kind; json parse error: exceeded max "
                                    "depth"));
    }
    try {
        nlohmann::json parsed = nlohmann::json::parse(body);
        if (!parsed.is_object()) {
            return std::unexpected(
                StatusError::badRequest("json: cannot unmarshal " + std::string(parsed.type_name())
                                        + " into Go value of type "
                                          "struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; "
                                          "Kind string \"json:\\\"kind,omitempty\\\"\" }"));
        }
        return parsed;
    } catch (const nlohmann::json::exception &error) {
        return std::unexpected(StatusError::badRequest(
            std::string("couldn't get version/kind; json parse error: ") + error.what()));
    }
}

std::expected<nlohmann::json, std::string> RequestBody::yamlToJson(const std::string &text) {
    if (nestedTooDeep(text)) {
        return std::unexpected("yaml: exceeded max depth");
    }
    try {
        return nodeToJson(YAML::Load(text));
    } catch (const YAML::Exception &error) {
        return std::unexpected(std::string("yaml: ") + error.what());
    } catch (const std::exception &error) {
        return std::unexpected(std::string("yaml: ") + error.what());
    }
}

ApiResult<nlohmann::json> RequestBody::yaml(const std::string &body) {
    const auto first =
        std::find_if(body.begin(), body.end(), [](unsigned char c) { return !std::isspace(c); });
    if (first != body.end() && *first == '{') {
        return json(body);
    }
    auto converted = yamlToJson(body);
    if (!converted) {
        return std::unexpected(
            StatusError::badRequest("error converting YAML to JSON: " + converted.error()));
    }
    if (!converted->is_object()) {
        return std::unexpected(
            StatusError::badRequest("error decoding YAML: the body must be a single object"));
    }
    return *converted;
}

ApiResult<std::string> RequestBody::fieldManager(const ApiRequest &request, bool required) {
    std::string manager = request.queryValue("fieldManager");
    if (manager.empty() && required) {
        return std::unexpected(
            StatusError::badRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
                                    "is required for apply patch"));
    }
    if (manager.empty()) {
        manager = request.userAgent.substr(0, request.userAgent.find('/'));
    }
    if (manager.size() > kMaxFieldManagerLength) {
        return std::unexpected(
            StatusError::badRequest("fieldManager: Too long: may not be more than 128 bytes"));
    }
    const bool printable =
        std::all_of(manager.begin(), manager.end(), [](unsigned char c) { return std::isprint(c); });
    if (!printable) {
        return std::unexpected(
            StatusError::badRequest("fieldManager: Invalid value: must only contain printable "
                                    "characters"));
    }
    return manager;
}

ApiResult<bool> RequestBody::dryRun(const ApiRequest &request) {
    const auto range = request.query.equal_range("dryRun");
    bool dryRun = false;
    for (auto it = range.first; it != range.second; ++it) {
        if (it->second != "All") {
            return std::unexpected(StatusError::badRequest("dryRun: Unsupported value: \"" + it->second
                                                           + "\": supported values: \"All\""));
        }
        dryRun = true;
    }
    return dryRun;
}

std::string RequestBody::mediaType(const std::string &contentType) {
    std::string type = contentType.substr(0, contentType.find(';'));
    type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
               type.end());
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    return type;
}

} // namespace otelconsole::sandbox
