// SPDX-License-Identifier: Apache-2.0
#include "render/rbacbuilder.h"

#include "render/rendercontext.h"

namespace otelconsole {

namespace {

constexpr auto rbacApiGroup = "rbac.authorization.k8s.io";

Json toJson(const PolicyRule &rule) {
    Json json = Json::object();
    json["apiGroups"] = rule.apiGroups;
    json["resources"] = rule.resources;
    if (!rule.resourceNames.empty()) {
        json["resourceNames"] = rule.resourceNames;
    }
    json["verbs"] = rule.verbs;
    return json;
}

Json buildServiceAccount(const RenderContext &context) {
    Json account = Json::object();
    account["apiVersion"] = "v1";
    account["kind"] = "ServiceAccount";
    account["metadata"] = context.namespacedMetadata(context.serviceAccountName());
    return account;
}

Json buildClusterRole(const RenderContext &context, const std::vector<PolicyRule> &rules) {
    Json role = Json::object();
    role["apiVersion"] = std::string(rbacApiGroup) + "/v1";
    role["kind"] = "ClusterRole";
    role["metadata"] = context.clusterMetadata(context.clusterRoleName());
    role["rules"] = Json::array();
    for (const PolicyRule &rule : rules) {
        role["rules"].push_back(toJson(rule));
    }
    return role;
}

Json buildClusterRoleBinding(const RenderContext &context) {
    Json subject = Json::object();
    subject["kind"] = "ServiceAccount";
    subject["name"] = context.serviceAccountName();
    subject["namespace"] = context.namespaceName();

    Json binding = Json::object();
    binding["apiVersion"] = std::string(rbacApiGroup) + "/v1";
    binding["kind"] = "ClusterRoleBinding";
    binding["metadata"] = context.clusterMetadata(context.clusterRoleName());
    binding["roleRef"]["apiGroup"] = rbacApiGroup;
    binding["roleRef"]["kind"] = "ClusterRole";
    binding["roleRef"]["name"] = context.clusterRoleName();
    binding["subjects"] = Json::array({std::move(subject)});
    return binding;
}

} // namespace

std::vector<PolicyRule> collectorRbacRules(const RenderContext &context) {
    const RbacConfig &rbac = context.project().deployment.rbac;
    if (rbac.preset != RbacPreset::Derived) {
        return rbac.presetRules();
    }

    std::vector<PolicyRule> rules;
    for (const CatalogRbacRule &rule : context.catalog().rbacFor(context.project().collector)) {
        rules.push_back(rule.rule);
    }
    return rules;
}

std::vector<Json> buildRbacObjects(const RenderContext &context) {
    const std::vector<PolicyRule> rules = collectorRbacRules(context);

    // A sidecar's pod runs under the application's ServiceAccount, named by rbac.serviceAccount. Without
    // that name the binding goes to an account that does not exist and grants nothing, which is safer
    // than guessing the application's; the validator asks for the name.
    std::vector<Json> objects;
    if (context.mode() != DeploymentMode::Sidecar) {
        objects.push_back(buildServiceAccount(context));
    }
    if (!rules.empty()) {
        objects.push_back(buildClusterRole(context, rules));
        objects.push_back(buildClusterRoleBinding(context));
    }
    return objects;
}

} // namespace otelconsole
