// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace otelconsole {

/// The parts of a Kubernetes REST path, e.g. `/apis/apps/v1/namespaces/x/deployments/y/scale`, used to
/// say in words what a request was about.
struct ResourcePath {
    std::string group; ///< empty for the core group (`/api/v1`)
    std::string version;
    std::string namespaceName;
    std::string resource; ///< plural, e.g. `deployments`; empty for discovery paths like `/version`
    std::string name;
    std::string subresource; ///< e.g. `scale`, `log`, `proxy`

    /// Splits a path (a query string is ignored). Paths outside `/api` and `/apis` give an empty resource.
    [[nodiscard]] static ResourcePath parse(std::string_view path);

    /// `deployments` or `deployments/scale`, as RBAC rules name it.
    [[nodiscard]] std::string rbacResource() const;

    /// The RBAC verb a request with this HTTP method asks for (get, list, watch, create, patch, ...).
    [[nodiscard]] std::string verb(std::string_view method, bool watch) const;

    /// `deployments "collector" in namespace "otel"` or `clusterroles "x"` or `pods in namespace "y"`.
    [[nodiscard]] std::string describe() const;
};

} // namespace otelconsole
