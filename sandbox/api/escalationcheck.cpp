// SPDX-License-Identifier: Apache-2.0
#include "api/escalationcheck.h"

#include "api/policyrule.h"
#include "api/rbacauthorizer.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

const std::string kRbacGroup = "rbac.authorization.k8s.io";

std::string quotedGroups(const std::vector<std::string> &groups) {
    std::string text = "[";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        text += (i ? " \"" : "\"") + groups[i] + "\"";
    }
    return text + "]";
}

std::string metadataString(const nlohmann::json &object, const char *key) {
    const auto metadata = object.find("metadata");
    if (metadata == object.end() || !metadata->is_object()) {
        return {};
    }
    const auto value = metadata->find(key);
    return value != metadata->end() && value->is_string() ? value->get<std::string>() : std::string();
}

} // namespace

EscalationCheck::EscalationCheck(const RbacAuthorizer &authorizer)
    : m_authorizer(authorizer) {}

ApiResult<void> EscalationCheck::check(const UserInfo &user, const ResourceType &type,
                                       const nlohmann::json &object) const {
    if (type.group != kRbacGroup) {
        return {};
    }
    if (type.resource == "roles" || type.resource == "clusterroles") {
        return checkRole(user, type, object);
    }
    return checkBinding(user, type, object);
}

bool EscalationCheck::holdsVerbOn(const UserInfo &user, const std::string &verb, const std::string &resource,
                                  const std::string &ns, const std::string &name) const {
    AuthorizationAttributes attributes{user, verb, true, kRbacGroup, resource, {}, ns, name, {}};
    return m_authorizer.authorize(attributes).allowed;
}

ApiResult<void> EscalationCheck::checkRole(const UserInfo &user, const ResourceType &type,
                                           const nlohmann::json &role) const {
    const std::string ns = metadataString(role, "namespace");
    if (holdsVerbOn(user, "escalate", type.resource, ns, metadataString(role, "name"))) {
        return {};
    }
    return confirmCovered(user, type, role, rulesOf(role), ns);
}

ApiResult<void> EscalationCheck::checkBinding(const UserInfo &user, const ResourceType &type,
                                              const nlohmann::json &binding) const {
    const std::string ns = metadataString(binding, "namespace");
    const auto roleRef = binding.value("roleRef", nlohmann::json::object());
    const std::string roleKind = roleRef.value("kind", std::string());
    const std::string roleName = roleRef.value("name", std::string());
    const std::string roleResource = roleKind == "ClusterRole" ? "clusterroles" : "roles";
    if (holdsVerbOn(user, "bind", roleResource, ns, roleName)) {
        return {};
    }

    const auto rules = m_authorizer.roleRefRules(roleKind, roleName, ns);
    if (rules.empty()) {
        const std::string missing = (roleKind == "ClusterRole" ? "clusterrole" : "role") + std::string(".")
                                    + kRbacGroup + " \"" + roleName + "\" not found";
        return std::unexpected(
            StatusError::forbidden(type.groupResource(), metadataString(binding, "name"), missing));
    }
    return confirmCovered(user, type, binding, rules, ns);
}

ApiResult<void> EscalationCheck::confirmCovered(const UserInfo &user, const ResourceType &type,
                                                const nlohmann::json &object,
                                                const std::vector<PolicyRule> &rules,
                                                const std::string &ns) const {
    std::vector<PolicyRule> missing;
    if (rulesCover(m_authorizer.rulesFor(user, ns), rules, missing)) {
        return {};
    }

    std::vector<std::string> descriptions;
    for (const auto &rule : compactRules(missing)) {
        descriptions.push_back(rule.compactString());
    }
    std::sort(descriptions.begin(), descriptions.end());
    descriptions.erase(std::unique(descriptions.begin(), descriptions.end()), descriptions.end());
    std::string message = "user \"" + user.name + "\" (groups=" + quotedGroups(user.groups)
                          + ") is attempting to grant RBAC permissions not currently held:";
    for (const auto &description : descriptions) {
        message += "\n" + description;
    }
    return std::unexpected(
        StatusError::forbidden(type.groupResource(), metadataString(object, "name"), message));
}

} // namespace otelconsole::sandbox
