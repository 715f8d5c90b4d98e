// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/policyrule.h"
#include "api/resourcetype.h"
#include "api/statuserror.h"
#include "api/userinfo.h"

#include <nlohmann/json.hpp>

namespace otelconsole::sandbox {

class RbacAuthorizer;

/// RBAC's privilege-escalation prevention: nobody can grant, through a role or a binding, a
/// permission they do not hold themselves, unless they hold the `escalate` or `bind` verb.
class EscalationCheck {
public:
    explicit EscalationCheck(const RbacAuthorizer &authorizer);

    /// Checks a Role, ClusterRole, RoleBinding or ClusterRoleBinding about to be written; other kinds pass.
    [[nodiscard]] ApiResult<void> check(const UserInfo &user, const ResourceType &type,
                                        const nlohmann::json &object) const;

private:
    [[nodiscard]] ApiResult<void> checkRole(const UserInfo &user, const ResourceType &type,
                                            const nlohmann::json &role) const;
    [[nodiscard]] ApiResult<void> checkBinding(const UserInfo &user, const ResourceType &type,
                                               const nlohmann::json &binding) const;
    [[nodiscard]] bool holdsVerbOn(const UserInfo &user, const std::string &verb, const std::string &resource,
                                   const std::string &ns, const std::string &name) const;
    [[nodiscard]] ApiResult<void> confirmCovered(const UserInfo &user, const ResourceType &type,
                                                 const nlohmann::json &object,
                                                 const std::vector<PolicyRule> &rules,
                                                 const std::string &ns) const;

    const RbacAuthorizer &m_authorizer;
};

} // namespace otelconsole::sandbox
