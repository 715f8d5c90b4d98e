// SPDX-License-Identifier: Apache-2.0
#include "api/rbacbootstrap.h"

namespace otelconsole::sandbox {

namespace {

using Strings = std::vector<std::string>;
using nlohmann::json;

const std::string kGroup = "rbac.authorization.k8s.io";
const std::string kApiVersion = "rbac.authorization.k8s.io/v1";
const Strings kRead{"get", "list", "watch"};
const Strings kWrite{"create", "delete", "deletecollection", "patch", "update"};

json rule(const Strings &groups, const Strings &resources, const Strings &verbs) {
    return {{"apiGroups", groups}, {"resources", resources}, {"verbs", verbs}};
}

json bootstrapMetadata(const std::string &name) {
    return {{"name", name},
            {"labels", {{"kubernetes.io/bootstrapping", "rbac-defaults"}}},
            {"annotations", {{"rbac.authorization.kubernetes.io/autoupdate", "true"}}}};
}

BootstrapObject clusterRole(const std::string &name, json rules) {
    return {"clusterroles." + kGroup,
            {{"apiVersion", kApiVersion},
             {"kind", "ClusterRole"},
             {"metadata", bootstrapMetadata(name)},
             {"rules", std::move(rules)}}};
}

json subject(const std::string &kind, const std::string &name) {
    return {{"kind", kind}, {"apiGroup", kGroup}, {"name", name}};
}

BootstrapObject clusterRoleBinding(const std::string &name, const std::string &role, json subjects) {
    return {"clusterrolebindings." + kGroup,
            {{"apiVersion", kApiVersion},
             {"kind", "ClusterRoleBinding"},
             {"metadata", bootstrapMetadata(name)},
             {"roleRef", {{"apiGroup", kGroup}, {"kind", "ClusterRole"}, {"name", role}}},
             {"subjects", std::move(subjects)}}};
}

json viewRules() {
    return json::array({
        rule({""},
             {"configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
              "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services",
              "services/status"},
             kRead),
        rule({""},
             {"bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
              "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"},
             kRead),
        rule({""}, {"namespaces"}, kRead),
        rule({"apps"},
             {"controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
              "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
              "statefulsets/scale", "statefulsets/status"},
             kRead),
        rule({"autoscaling"}, {"horizontalpodautoscalers", "horizontalpodautoscalers/status"}, kRead),
        rule({"batch"}, {"cronjobs", "cronjobs/status", "jobs", "jobs/status"}, kRead),
        rule({"policy"}, {"poddisruptionbudgets", "poddisruptionbudgets/status"}, kRead),
        rule({"networking.k8s.io"}, {"ingresses", "ingresses/status", "networkpolicies"}, kRead),
        rule({"discovery.k8s.io"}, {"endpointslices"}, kRead),
        // What metrics-server and the Prometheus Operator aggregate into the default roles.
        rule({"metrics.k8s.io"}, {"pods", "nodes"}, kRead),
        rule({"monitoring.coreos.com"}, {"servicemonitors", "podmonitors", "prometheusrules"}, kRead),
    });
}

json editRules() {
    json rules = viewRules();
    for (auto extra : {
             rule({""}, {"pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"}, kWrite),
             rule({""},
                  {"configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                   "replicationcontrollers/scale", "secrets", "serviceaccounts", "services",
                   "services/proxy"},
                  kWrite),
             rule({""},
                  {"secrets", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "services/proxy"},
                  kRead),
             rule({""}, {"serviceaccounts/token"}, {"create"}),
             rule({""}, {"serviceaccounts"}, {"impersonate"}),
             rule({"apps"},
                  {"daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets",
                   "replicasets/scale", "statefulsets", "statefulsets/scale"},
                  kWrite),
             rule({"autoscaling"}, {"horizontalpodautoscalers"}, kWrite),
             rule({"batch"}, {"cronjobs", "jobs"}, kWrite),
             rule({"policy"}, {"poddisruptionbudgets"}, kWrite),
             rule({"networking.k8s.io"}, {"ingresses", "networkpolicies"}, kWrite),
             rule({"monitoring.coreos.com"}, {"servicemonitors", "podmonitors", "prometheusrules"}, kWrite),
         }) {
        rules.push_back(std::move(extra));
    }
    return rules;
}

json adminRules() {
    json rules = editRules();
    rules.push_back(
        rule({kGroup}, {"roles", "rolebindings"},
             {"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"}));
    rules.push_back(rule({"authorization.k8s.io"}, {"localsubjectaccessreviews"}, {"create"}));
    return rules;
}

std::vector<BootstrapObject> clusterRoles() {
    const json discoveryUrls = Strings{"/api",     "/api/*",     "/apis",   "/apis/*",  "/healthz", "/livez",
                                       "/openapi", "/openapi/*", "/readyz", "/version", "/version/"};
    return {
        clusterRole("cluster-admin",
                    json::array({rule({"*"}, {"*"}, {"*"}),
                                 json{{"nonResourceURLs", Strings{"*"}}, {"verbs", Strings{"*"}}}})),
        clusterRole("admin", adminRules()),
        clusterRole("edit", editRules()),
        clusterRole("view", viewRules()),
        clusterRole("system:discovery",
                    json::array({json{{"nonResourceURLs", discoveryUrls}, {"verbs", {"get"}}}})),
        clusterRole("system:public-info-viewer",
                    json::array({json{{"nonResourceURLs",
                                       Strings{"/healthz", "/livez", "/readyz", "/version", "/version/"}},
                                      {"verbs", {"get"}}}})),
        clusterRole("system:basic-user",
                    json::array({rule({"authorization.k8s.io"},
                                      {"selfsubjectaccessreviews", "selfsubjectrulesreviews"}, {"create"}),
                                 rule({"authentication.k8s.io"}, {"selfsubjectreviews"}, {"create"})})),
    };
}

} // namespace

std::vector<BootstrapObject> RbacBootstrap::objects(const std::vector<std::string> &operatorNamespaces) {
    std::vector<BootstrapObject> objects = clusterRoles();
    const json authenticated = json::array({subject("Group", "system:authenticated")});
    objects.push_back(clusterRoleBinding("cluster-admin", "cluster-admin",
                                         json::array({subject("Group", "system:masters")})));
    objects.push_back(clusterRoleBinding("system:discovery", "system:discovery", authenticated));
    objects.push_back(clusterRoleBinding("system:basic-user", "system:basic-user", authenticated));
    objects.push_back(clusterRoleBinding(
        "system:public-info-viewer", "system:public-info-viewer",
        json::array({subject("Group", "system:authenticated"), subject("Group", "system:unauthenticated")})));
    objects.push_back(clusterRoleBinding("sandbox-viewer", "view", json::array({subject("User", "viewer")})));

    for (const auto &ns : operatorNamespaces) {
        objects.push_back({"rolebindings." + kGroup,
                           {{"apiVersion", kApiVersion},
                            {"kind", "RoleBinding"},
                            {"metadata", {{"name", "sandbox-operator"}, {"namespace", ns}}},
                            {"roleRef", {{"apiGroup", kGroup}, {"kind", "ClusterRole"}, {"name", "admin"}}},
                            {"subjects", json::array({subject("User", "operator")})}}});
    }
    return objects;
}

} // namespace otelconsole::sandbox
