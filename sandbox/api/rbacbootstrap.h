// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// An object the sandbox writes into the store before serving, with the store key of its type.
struct BootstrapObject {
    std::string storageKey;
    nlohmann::json object;
};

/// The RBAC policy a fresh cluster starts with: the default ClusterRoles (cluster-admin, admin, edit,
/// view and the discovery roles), cluster-admin for system:masters, view for the "viewer" user and
/// admin for the "operator" user in each of its namespaces.
class RbacBootstrap {
public:
    static std::vector<BootstrapObject> objects(const std::vector<std::string> &operatorNamespaces);
};

} // namespace otelconsole::sandbox
