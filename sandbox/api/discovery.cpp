// SPDX-License-Identifier: Apache-2.0
#include "api/discovery.h"

#include <sstream>
#include <vector>

namespace otelconsole::sandbox {

namespace {

std::vector<std::string> segmentsOf(const std::string &path) {
    std::vector<std::string> segments;
    std::stringstream stream(path);
    std::string segment;
    while (std::getline(stream, segment, '/')) {
        if (!segment.empty()) {
            segments.push_back(segment);
        }
    }
    return segments;
}

} // namespace

Discovery::Discovery(const ResourceRegistry &registry, std::string serverVersion)
    : m_registry(registry)
    , m_serverVersion(std::move(serverVersion)) {}

std::optional<ApiResponse> Discovery::handle(const std::string &path) const {
    const auto segments = segmentsOf(path);
    if (segments.size() == 1
        && (segments[0] == "healthz" || segments[0] == "livez" || segments[0] == "readyz")) {
        return ApiResponse{200, "text/plain; charset=utf-8", "ok", nullptr};
    }
    if (segments.size() == 1 && segments[0] == "version") {
        return ApiResponse::json(200, version());
    }
    if (segments.empty() || (segments[0] != "api" && segments[0] != "apis")) {
        return std::nullopt;
    }

    std::optional<nlohmann::json> document;
    if (segments.size() == 1) {
        document = segments[0] == "api" ? apiVersions() : groupList();
    } else if (segments[0] == "api" && segments.size() == 2) {
        document = resourceList("", segments[1]);
    } else if (segments[0] == "apis" && segments.size() == 2) {
        document = group(segments[1]);
    } else if (segments[0] == "apis" && segments.size() == 3) {
        document = resourceList(segments[1], segments[2]);
    } else {
        return std::nullopt;
    }
    if (!document) {
        return ApiResponse::error(StatusError::pathNotFound());
    }
    return ApiResponse::json(200, *document);
}

nlohmann::json Discovery::version() const {
    std::stringstream stream(m_serverVersion);
    std::string major;
    std::string minor;
    std::getline(stream, major, '.');
    std::getline(stream, minor, '.');
    return {{"major", major},
            {"minor", minor},
            {"gitVersion", "v" + m_serverVersion},
            {"gitCommit", "0000000000000000000000000000000000000000"},
            {"gitTreeState", "clean"},
            {"buildDate", "2024-12-10T11:36:36Z"},
            {"goVersion", "go1.22.9"},
            {"compiler", "gc"},
            {"platform", "linux/amd64"}};
}

nlohmann::json Discovery::apiVersions() const {
    return {
        {"kind", "APIVersions"},
        {"versions", {"v1"}},
        {"serverAddressByClientCIDRs", {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", m_serverAddress}}}}};
}

nlohmann::json Discovery::groupEntry(const ApiGroupVersions &group) {
    nlohmann::json versions = nlohmann::json::array();
    for (const auto &version : group.versions) {
        versions.push_back({{"groupVersion", group.group + "/" + version}, {"version", version}});
    }
    return {{"name", group.group}, {"versions", versions}, {"preferredVersion", versions.front()}};
}

nlohmann::json Discovery::groupList() const {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto &group : m_registry.groups()) {
        if (!group.group.empty()) {
            groups.push_back(groupEntry(group));
        }
    }
    return {{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}};
}

std::optional<nlohmann::json> Discovery::group(const std::string &name) const {
    for (const auto &group : m_registry.groups()) {
        if (!name.empty() && group.group == name) {
            nlohmann::json entry = groupEntry(group);
            entry["kind"] = "APIGroup";
            entry["apiVersion"] = "v1";
            return entry;
        }
    }
    return std::nullopt;
}

nlohmann::json Discovery::resourceEntry(const ResourceType &type) {
    nlohmann::json entry{{"name", type.resource},
                         {"singularName", type.singular},
                         {"namespaced", type.namespaced},
                         {"kind", type.kind},
                         {"verbs", type.verbs}};
    if (!type.shortNames.empty()) {
        entry["shortNames"] = type.shortNames;
    }
    if (!type.categories.empty()) {
        entry["categories"] = type.categories;
    }
    return entry;
}

std::optional<nlohmann::json> Discovery::resourceList(const std::string &group,
                                                      const std::string &version) const {
    const auto types = m_registry.resourcesIn(group, version);
    if (types.empty()) {
        return std::nullopt;
    }
    nlohmann::json resources = nlohmann::json::array();
    for (const ResourceType *type : types) {
        resources.push_back(resourceEntry(*type));
        for (const auto &sub : type->subresources) {
            nlohmann::json entry{{"name", type->resource + "/" + sub.name},
                                 {"singularName", ""},
                                 {"namespaced", type->namespaced},
                                 {"kind", sub.kind},
                                 {"verbs", sub.verbs}};
            if (sub.group != type->group || sub.version != type->version) {
                entry["group"] = sub.group;
                entry["version"] = sub.version;
            }
            resources.push_back(entry);
        }
    }
    return nlohmann::json{{"kind", "APIResourceList"},
                          {"apiVersion", "v1"},
                          {"groupVersion", group.empty() ? version : group + "/" + version},
                          {"resources", resources}};
}

} // namespace otelconsole::sandbox
