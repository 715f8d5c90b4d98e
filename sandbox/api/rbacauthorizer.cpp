// SPDX-License-Identifier: Apache-2.0
#include "api/rbacauthorizer.h"

#include "store/objectstore.h"

namespace otelconsole::sandbox {

namespace {

const std::string kClusterRoles = "clusterroles.rbac.authorization.k8s.io";
const std::string kClusterRoleBindings = "clusterrolebindings.rbac.authorization.k8s.io";
const std::string kRoles = "roles.rbac.authorization.k8s.io";
const std::string kRoleBindings = "rolebindings.rbac.authorization.k8s.io";

std::string stringAt(const nlohmann::json &object, const char *key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// Returns how the subject names the user ("User \"x\"") when it applies, else an empty string.
std::string matchingSubject(const nlohmann::json &subject, const UserInfo &user,
                            const std::string &bindingNamespace) {
    const std::string kind = stringAt(subject, "kind");
    const std::string name = stringAt(subject, "name");
    if (kind == "User" && name == user.name) {
        return "User \"" + name + "\"";
    }
    if (kind == "Group" && user.inGroup(name)) {
        return "Group \"" + name + "\"";
    }
    if (kind == "ServiceAccount") {
        std::string ns = stringAt(subject, "namespace");
        if (ns.empty()) {
            ns = bindingNamespace;
        }
        if (user.name == "system:serviceaccount:" + ns + ":" + name) {
            return "ServiceAccount \"" + name + "/" + ns + "\"";
        }
    }
    return {};
}

std::string subjectFor(const nlohmann::json &binding, const UserInfo &user,
                       const std::string &bindingNamespace) {
    const auto subjects = binding.find("subjects");
    if (subjects == binding.end() || !subjects->is_array()) {
        return {};
    }
    for (const auto &subject : *subjects) {
        if (subject.is_object()) {
            if (auto description = matchingSubject(subject, user, bindingNamespace); !description.empty()) {
                return description;
            }
        }
    }
    return {};
}

} // namespace

RbacAuthorizer::RbacAuthorizer(const ObjectStore &store)
    : m_store(store) {}

std::vector<PolicyRule> RbacAuthorizer::roleRefRules(const std::string &kind, const std::string &name,
                                                     const std::string &bindingNamespace) const {
    const ObjectPtr role = kind == "ClusterRole" ? m_store.get(kClusterRoles, "", name)
                                                 : m_store.get(kRoles, bindingNamespace, name);
    return role ? rulesOf(role->object) : std::vector<PolicyRule>{};
}

std::vector<RbacAuthorizer::BoundRole> RbacAuthorizer::boundRoles(const UserInfo &user,
                                                                  const std::string &ns) const {
    std::vector<BoundRole> bound;
    const auto collect = [&](const std::string &resource, const std::string &space, const char *bindingKind) {
        for (const auto &binding : m_store.list(resource, space).items) {
            const auto &object = binding->object;
            const std::string bindingNamespace = object["metadata"].value("namespace", std::string());
            const std::string subject = subjectFor(object, user, bindingNamespace);
            if (subject.empty() || !object.contains("roleRef") || !object["roleRef"].is_object()) {
                continue;
            }
            const std::string roleKind = stringAt(object["roleRef"], "kind");
            const std::string roleName = stringAt(object["roleRef"], "name");
            bound.push_back({bindingKind, object["metadata"].value("name", std::string()), roleKind, roleName,
                             subject, roleRefRules(roleKind, roleName, bindingNamespace)});
        }
    };
    collect(kClusterRoleBindings, "", "ClusterRoleBinding");
    if (!ns.empty()) {
        collect(kRoleBindings, ns, "RoleBinding");
    }
    return bound;
}

AuthorizationDecision RbacAuthorizer::authorize(const AuthorizationAttributes &attributes) const {
    for (const auto &role : boundRoles(attributes.user, attributes.resourceRequest ? attributes.ns : "")) {
        for (const auto &rule : role.rules) {
            if (rule.allows(attributes)) {
                std::string where = role.bindingKind == "RoleBinding"
                                        ? " in namespace \"" + attributes.ns + "\""
                                        : std::string();
                return {true, "RBAC: allowed by " + role.bindingKind + " \"" + role.bindingName + "\" of "
                                  + role.roleKind + " \"" + role.roleName + "\" to " + role.subjectDescription
                                  + where};
            }
        }
    }
    return {false, {}};
}

std::vector<PolicyRule> RbacAuthorizer::rulesFor(const UserInfo &user, const std::string &ns) const {
    std::vector<PolicyRule> rules;
    for (auto &role : boundRoles(user, ns)) {
        rules.insert(rules.end(), role.rules.begin(), role.rules.end());
    }
    return rules;
}

std::string RbacAuthorizer::forbiddenMessage(const AuthorizationAttributes &attributes) {
    const std::string user = "User \"" + attributes.user.name + "\"";
    if (!attributes.resourceRequest) {
        return user + " cannot " + attributes.verb + " path \"" + attributes.path + "\"";
    }
    std::string resource = attributes.resource;
    if (!attributes.subresource.empty()) {
        resource += "/" + attributes.subresource;
    }
    const std::string what = user + " cannot " + attributes.verb + " resource \"" + resource
                             + "\" in API group \"" + attributes.group + "\"";
    if (!attributes.ns.empty()) {
        return what + " in the namespace \"" + attributes.ns + "\"";
    }
    return what + " at the cluster scope";
}

} // namespace otelconsole::sandbox
