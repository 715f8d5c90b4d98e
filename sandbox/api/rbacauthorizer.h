// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/authorizationattributes.h"
#include "api/policyrule.h"

#include <string>
#include <vector>

namespace otelconsole::sandbox {

class ObjectStore;

/// Decides requests the way Kubernetes RBAC does: by reading the ClusterRoles, Roles and their
/// bindings currently in the store. Nothing is cached, so a binding takes effect on the next request.
class RbacAuthorizer {
public:
    explicit RbacAuthorizer(const ObjectStore &store);

    [[nodiscard]] AuthorizationDecision authorize(const AuthorizationAttributes &attributes) const;

    /// Every rule that applies to `user` cluster-wide, plus those bound in `ns` when it is not empty.
    [[nodiscard]] std::vector<PolicyRule> rulesFor(const UserInfo &user, const std::string &ns) const;

    /// The rules of the role a binding's roleRef names; empty when it does not exist.
    [[nodiscard]] std::vector<PolicyRule> roleRefRules(const std::string &kind, const std::string &name,
                                                       const std::string &bindingNamespace) const;

    /// The denial text Kubernetes uses, e.g. `User "viewer" cannot create resource "deployments" in
    /// API group "apps" in the namespace "x"`.
    [[nodiscard]] static std::string forbiddenMessage(const AuthorizationAttributes &attributes);

private:
    struct BoundRole {
        std::string bindingKind;
        std::string bindingName;
        std::string roleKind;
        std::string roleName;
        std::string subjectDescription;
        std::vector<PolicyRule> rules;
    };

    [[nodiscard]] std::vector<BoundRole> boundRoles(const UserInfo &user, const std::string &ns) const;

    const ObjectStore &m_store;
};

} // namespace otelconsole::sandbox
