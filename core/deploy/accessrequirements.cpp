// SPDX-License-Identifier: Apache-2.0
#include "deploy/accessrequirements.h"

#include "deploy/objectreference.h"

#include <algorithm>
#include <set>

namespace otelconsole {

namespace {

constexpr const char *rbacGroup = "rbac.authorization.k8s.io";

std::vector<std::string> stringList(const Json &object, const char *key) {
    std::vector<std::string> values;
    const auto found = object.find(key);
    if (found == object.end() || !found->is_array())
        return values;
    for (const Json &value : *found) {
        if (value.is_string())
            values.push_back(value.get<std::string>());
    }
    return values;
}

std::string quoted(const std::string &text) {
    return "\"" + text + "\"";
}

std::string joined(const std::vector<std::string> &parts, const std::string &separator = ", ") {
    std::string text;
    for (const std::string &part : parts)
        text += (text.empty() ? "" : separator) + part;
    return text;
}

/// Every (group, resource, verb, name) a set of rules grants, as checks at `namespaceName`.
std::vector<AccessCheck> grantsOf(const Json &rules, const std::string &namespaceName) {
    std::vector<AccessCheck> checks;
    if (!rules.is_array())
        return checks;
    for (const Json &rule : rules) {
        // TODO: rules with nonResourceURLs are not checked; a role granting them fails only at apply time.
        std::vector<std::string> names = stringList(rule, "resourceNames");
        if (names.empty())
            names.push_back({});
        for (const std::string &group : stringList(rule, "apiGroups")) {
            for (const std::string &resource : stringList(rule, "resources")) {
                const std::size_t slash = resource.find('/');
                const std::string plural = resource.substr(0, slash);
                const std::string subresource = slash == std::string::npos ? "" : resource.substr(slash + 1);
                for (const std::string &verb : stringList(rule, "verbs")) {
                    for (const std::string &name : names)
                        checks.push_back({verb, group, plural, subresource, namespaceName, name});
                }
            }
        }
    }
    return checks;
}

const Json *findRole(const std::vector<Json> &objects, const std::string &kind, const std::string &name,
                     const std::string &namespaceName) {
    for (const Json &object : objects) {
        Result<ObjectReference> reference = ObjectReference::fromManifest(object);
        if (reference && reference->kind == kind && reference->name == name
            && (kind == "ClusterRole" || reference->namespaceName == namespaceName))
            return &object;
    }
    return nullptr;
}

void addApplyNeeds(std::vector<AccessNeed> &needs, const ObjectReference &object,
                   const std::map<std::string, bool> &exists) {
    const AccessCheck base{"", object.group(), object.resource, "", object.namespaceName, ""};
    for (const char *verb : {"get", "patch"}) {
        AccessCheck check = base;
        check.verb = verb;
        check.name = object.name;
        needs.push_back({check, AccessPurpose::Apply, {}, {}});
    }
    const auto known = exists.find(object.key());
    if (known == exists.end() || !known->second) {
        AccessCheck check = base;
        check.verb = "create";
        needs.push_back({check, AccessPurpose::Apply, {}, {}});
    }
}

void addGrantNeeds(std::vector<AccessNeed> &needs, const Json &role, const ObjectReference &roleReference,
                   const AccessCheck &waiver) {
    const std::string scope = roleReference.kind == "Role" ? roleReference.namespaceName : std::string();
    const std::string grantedBy = roleReference.kind + " " + quoted(roleReference.name);
    for (const AccessCheck &check : grantsOf(role.value("rules", Json::array()), scope))
        needs.push_back({check, AccessPurpose::Grant, grantedBy, {waiver}});
}

void addRbacNeeds(std::vector<AccessNeed> &needs, const std::vector<Json> &objects, const Json &object,
                  const ObjectReference &reference) {
    const bool clusterScoped = reference.kind == "ClusterRole" || reference.kind == "ClusterRoleBinding";
    const std::string roleNamespace = clusterScoped ? std::string() : reference.namespaceName;
    if (reference.kind == "ClusterRole" || reference.kind == "Role") {
        const AccessCheck escalate{"escalate", rbacGroup,     reference.resource,
                                   "",         roleNamespace, reference.name};
        addGrantNeeds(needs, object, reference, escalate);
        return;
    }
    if (reference.kind != "ClusterRoleBinding" && reference.kind != "RoleBinding")
        return;
    const Json roleRef = object.value("roleRef", Json::object());
    const std::string roleKind = roleRef.value("kind", "");
    const std::string roleName = roleRef.value("name", "");
    // A binding to a role outside the plan cannot be checked here: its rules are not known.
    const Json *role = findRole(objects, roleKind, roleName, reference.namespaceName);
    if (!role)
        return;
    Result<ObjectReference> roleReference = ObjectReference::fromManifest(*role);
    if (!roleReference)
        return;
    const AccessCheck bind{"bind", rbacGroup, roleReference->resource, "", roleNamespace, roleName};
    addGrantNeeds(needs, *role, *roleReference, bind);
}

std::string needKey(const AccessNeed &need) {
    std::string key = need.check.key() + "|" + std::to_string(static_cast<int>(need.purpose));
    for (const AccessCheck &waiver : need.waivers)
        key += "|" + waiver.key();
    return key;
}

/// Same resource, scope and purpose (and granting role): one sentence lists all their verbs.
std::string sentenceKey(const AccessNeed &need) {
    // Apply sentences name the resource, not each object: get, patch and create read as one request.
    const std::string name = need.purpose == AccessPurpose::Grant ? need.check.name : std::string();
    return std::to_string(static_cast<int>(need.purpose)) + "|" + need.grantedBy + "|"
           + need.check.qualifiedResource() + "|" + need.check.namespaceName + "|" + name;
}

std::string applySentence(const AccessCheck &check, const std::vector<std::string> &verbs,
                          const std::string &user) {
    std::vector<std::string> quotedVerbs;
    for (const std::string &verb : verbs)
        quotedVerbs.push_back(quoted(verb));
    const bool clusterWide = check.namespaceName.empty();
    return "user " + quoted(user) + " may not " + joined(verbs) + " " + check.qualifiedResource() + " "
           + check.scope() + " — ask a cluster admin for a " + (clusterWide ? "ClusterRole" : "Role")
           + " granting " + joined(quotedVerbs) + " on " + check.qualifiedResource()
           + (clusterWide ? "" : " in namespace " + quoted(check.namespaceName)) + " and a "
           + (clusterWide ? "ClusterRoleBinding" : "RoleBinding") + " of it to user " + quoted(user);
}

std::string grantSentence(const AccessNeed &need, const std::vector<std::string> &verbs,
                          const std::string &user) {
    const bool clusterRole = need.grantedBy.starts_with("ClusterRole");
    const std::string roles = clusterRole ? "clusterroles" : "roles";
    return "user " + quoted(user) + " does not hold " + joined(verbs) + " on "
           + need.check.qualifiedResource() + (need.check.name.empty() ? "" : " " + quoted(need.check.name))
           + " " + need.check.scope() + ", which " + need.grantedBy
           + " grants; Kubernetes lets nobody create or bind a role that grants more than they hold — ask a "
             "cluster admin to grant you these permissions (or \"escalate\" and \"bind\" on "
           + roles + "), or to apply the collector's RBAC objects for you";
}

} // namespace

Json AccessCheck::reviewSpec() const {
    Json attributes = {{"verb", verb}, {"group", group}, {"resource", resource}};
    if (!subresource.empty())
        attributes["subresource"] = subresource;
    if (!namespaceName.empty())
        attributes["namespace"] = namespaceName;
    if (!name.empty())
        attributes["name"] = name;
    return {{"resourceAttributes", attributes}};
}

std::string AccessCheck::qualifiedResource() const {
    const std::string plural = subresource.empty() ? resource : resource + "/" + subresource;
    return group.empty() ? plural : plural + "." + group;
}

std::string AccessCheck::scope() const {
    return namespaceName.empty() ? "(cluster-wide)" : "in namespace " + quoted(namespaceName);
}

std::string AccessCheck::key() const {
    return verb + "|" + group + "|" + resource + "|" + subresource + "|" + namespaceName + "|" + name;
}

std::vector<AccessNeed> AccessRequirements::forObjects(const std::vector<Json> &objects,
                                                       const std::map<std::string, bool> &exists) {
    std::vector<AccessNeed> needs;
    for (const Json &object : objects) {
        Result<ObjectReference> reference = ObjectReference::fromManifest(object);
        if (!reference)
            continue;
        addApplyNeeds(needs, *reference, exists);
        addRbacNeeds(needs, objects, object, *reference);
    }

    std::set<std::string> seen;
    std::erase_if(needs, [&seen](const AccessNeed &need) { return !seen.insert(needKey(need)).second; });
    return needs;
}

std::vector<AccessCheck> AccessRequirements::checksOf(const std::vector<AccessNeed> &needs) {
    std::vector<AccessCheck> checks;
    std::set<std::string> seen;
    const auto add = [&](const AccessCheck &check) {
        if (seen.insert(check.key()).second)
            checks.push_back(check);
    };
    for (const AccessNeed &need : needs) {
        add(need.check);
        for (const AccessCheck &waiver : need.waivers)
            add(waiver);
    }
    return checks;
}

std::vector<AccessNeed> AccessRequirements::missing(const std::vector<AccessNeed> &needs,
                                                    const std::map<std::string, bool> &allowed) {
    const auto isAllowed = [&allowed](const AccessCheck &check) {
        const auto found = allowed.find(check.key());
        return found != allowed.end() && found->second;
    };
    std::vector<AccessNeed> denied;
    for (const AccessNeed &need : needs) {
        if (isAllowed(need.check) || std::ranges::any_of(need.waivers, isAllowed))
            continue;
        denied.push_back(need);
    }
    return denied;
}

std::vector<std::string> AccessRequirements::describe(const std::vector<AccessNeed> &missing,
                                                      const std::string &user) {
    std::vector<std::string> order;
    std::map<std::string, std::pair<const AccessNeed *, std::vector<std::string>>> groups;
    for (const AccessNeed &need : missing) {
        const std::string key = sentenceKey(need);
        auto [entry, inserted] = groups.try_emplace(key, &need, std::vector<std::string>());
        if (inserted)
            order.push_back(key);
        std::vector<std::string> &verbs = entry->second.second;
        if (std::ranges::find(verbs, need.check.verb) == verbs.end())
            verbs.push_back(need.check.verb);
    }

    std::vector<std::string> sentences;
    for (const std::string &key : order) {
        const auto &[need, verbs] = groups.at(key);
        sentences.push_back(need->purpose == AccessPurpose::Apply ? applySentence(need->check, verbs, user)
                                                                  : grantSentence(*need, verbs, user));
    }
    return sentences;
}

} // namespace otelconsole
