// SPDX-License-Identifier: Apache-2.0
#include "kube/resourcepath.h"

#include <vector>

namespace otelconsole {

namespace {

std::vector<std::string> splitSegments(std::string_view path) {
    path = path.substr(0, path.find('?'));
    std::vector<std::string> segments;
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        if (slash != 0)
            segments.emplace_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

} // namespace

ResourcePath ResourcePath::parse(std::string_view path) {
    ResourcePath parsed;
    const std::vector<std::string> segments = splitSegments(path);
    std::size_t next = 0;
    if (segments.size() >= 2 && segments[0] == "api") {
        parsed.version = segments[1];
        next = 2;
    } else if (segments.size() >= 3 && segments[0] == "apis") {
        parsed.group = segments[1];
        parsed.version = segments[2];
        next = 3;
    } else {
        return parsed;
    }

    // `namespaces/{ns}/{resource}` scopes a resource; `namespaces` or `namespaces/{name}` is the resource
    // itself.
    if (segments.size() >= next + 3 && segments[next] == "namespaces") {
        parsed.namespaceName = segments[next + 1];
        next += 2;
    }
    if (next < segments.size())
        parsed.resource = segments[next++];
    if (next < segments.size())
        parsed.name = segments[next++];
    if (next < segments.size())
        parsed.subresource = segments[next];
    return parsed;
}

std::string ResourcePath::rbacResource() const {
    return subresource.empty() ? resource : resource + "/" + subresource;
}

std::string ResourcePath::verb(std::string_view method, bool watch) const {
    if (method == "GET" || method == "HEAD")
        return !name.empty() ? "get" : (watch ? "watch" : "list");
    if (method == "POST")
        return "create";
    if (method == "PUT")
        return "update";
    if (method == "PATCH")
        return "patch";
    if (method == "DELETE")
        return name.empty() ? "deletecollection" : "delete";
    return std::string(method);
}

std::string ResourcePath::describe() const {
    std::string text = rbacResource();
    if (!name.empty())
        text += " \"" + name + "\"";
    if (!namespaceName.empty())
        text += " in namespace \"" + namespaceName + "\"";
    return text;
}

} // namespace otelconsole
