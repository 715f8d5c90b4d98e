// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// A request path read the way the API server reads it: a resource request names a group, version,
/// resource and perhaps namespace, name and subresource; anything else is a non-resource path.
struct RequestInfo {
    bool resourceRequest = false;
    std::string path;
    /// The Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection; for
    /// non-resource requests the lowercase HTTP method.
    std::string verb;
    std::string apiPrefix; ///< "api" or "apis"
    std::string group;
    std::string version;
    std::string ns;
    std::string resource;
    std::string name;
    std::string subresource;
    std::vector<std::string> parts; ///< path segments after the version
};

} // namespace otelconsole::sandbox
