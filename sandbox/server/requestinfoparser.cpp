// SPDX-License-Identifier: Apache-2.0
#include "server/requestinfoparser.h"

#include <algorithm>
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

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool isTrue(const std::multimap<std::string, std::string> &query, const std::string &key) {
    const auto found = query.find(key);
    if (found == query.end()) {
        return false;
    }
    const std::string value = lowercase(found->second);
    return value != "0" && value != "false";
}

// The object a list or watch is narrowed to by "metadata.name=x", which RBAC treats as its name.
std::string nameFromFieldSelector(const std::multimap<std::string, std::string> &query) {
    const auto found = query.find("fieldSelector");
    if (found == query.end()) {
        return {};
    }
    std::stringstream stream(found->second);
    std::string term;
    while (std::getline(stream, term, ',')) {
        for (const std::string prefix : {"metadata.name==", "metadata.name="}) {
            if (term.starts_with(prefix)) {
                return term.substr(prefix.size());
            }
        }
    }
    return {};
}

} // namespace

std::string RequestInfoParser::resourceVerb(const std::string &method, bool hasName,
                                            const std::multimap<std::string, std::string> &query) {
    if (method == "GET" || method == "HEAD") {
        if (hasName) {
            return "get";
        }
        return isTrue(query, "watch") ? "watch" : "list";
    }
    if (method == "POST") {
        return "create";
    }
    if (method == "PUT") {
        return "update";
    }
    if (method == "PATCH") {
        return "patch";
    }
    if (method == "DELETE") {
        return hasName ? "delete" : "deletecollection";
    }
    return lowercase(method);
}

RequestInfo RequestInfoParser::parse(const std::string &method, const std::string &path,
                                     const std::multimap<std::string, std::string> &query) {
    RequestInfo info;
    info.path = path;
    info.verb = lowercase(method);

    std::vector<std::string> parts = segmentsOf(path);
    const bool core = !parts.empty() && parts[0] == "api" && parts.size() > 2;
    const bool named = !parts.empty() && parts[0] == "apis" && parts.size() > 3;
    if (!core && !named) {
        return info;
    }
    info.resourceRequest = true;
    info.apiPrefix = parts[0];
    if (core) {
        info.version = parts[1];
        parts.erase(parts.begin(), parts.begin() + 2);
    } else {
        info.group = parts[1];
        info.version = parts[2];
        parts.erase(parts.begin(), parts.begin() + 3);
    }

    bool watchPath = false;
    if (!parts.empty() && parts[0] == "watch") {
        watchPath = true;
        parts.erase(parts.begin());
    }
    if (!parts.empty() && parts[0] == "namespaces" && parts.size() > 1) {
        info.ns = parts[1];
        // "namespaces/x/status" is the namespace's own subresource, "namespaces/x/pods" a collection in it.
        if (parts.size() > 2 && parts[2] != "status" && parts[2] != "finalize") {
            parts.erase(parts.begin(), parts.begin() + 2);
        }
    }

    info.parts = parts;
    if (!parts.empty()) {
        info.resource = parts[0];
    }
    if (parts.size() > 1) {
        info.name = parts[1];
    }
    if (parts.size() > 2) {
        info.subresource = parts[2];
    }
    info.verb = watchPath ? "watch" : resourceVerb(method, !info.name.empty(), query);
    if ((info.verb == "list" || info.verb == "watch") && info.name.empty()) {
        info.name = nameFromFieldSelector(query);
    }
    return info;
}

} // namespace otelconsole::sandbox
