// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

using namespace sandboxtest;
using nlohmann::json;

namespace {

class SandboxRbac : public SandboxFixture {
protected:
    static json accessReview(const std::string &verb, const std::string &group, const std::string &resource,
                             const std::string &ns) {
        return {{"apiVersion", "authorization.k8s.io/v1"},
                {"kind", "SelfSubjectAccessReview"},
                {"spec",
                 {{"resourceAttributes",
                   {{"namespace", ns}, {"verb", verb}, {"group", group}, {"resource", resource}}}}}};
    }

    static json clusterRole(const std::string &name, const std::string &resource) {
        return {
            {"apiVersion", "rbac.authorization.k8s.io/v1"},
            {"kind", "ClusterRole"},
            {"metadata", {{"name", name}}},
            {"rules", json::array({{{"apiGroups", {""}}, {"resources", {resource}}, {"verbs", {"get"}}}})}};
    }

    static json role(const std::string &name, const std::string &ns, const std::string &resource) {
        json object = clusterRole(name, resource);
        object["kind"] = "Role";
        object["metadata"]["namespace"] = ns;
        return object;
    }

    static json roleBinding(const std::string &name, const std::string &ns,
                            const std::string &clusterRoleName) {
        return {
            {"apiVersion", "rbac.authorization.k8s.io/v1"},
            {"kind", "RoleBinding"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"roleRef",
             {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", clusterRoleName}}},
            {"subjects",
             json::array({{{"kind", "ServiceAccount"}, {"name", "collector"}, {"namespace", ns}}})}};
    }
};

} // namespace

TEST_F(SandboxRbac, MissingCredentials_AreUnauthorized) {
    auto answer = anonymous().get("/api/v1/namespaces");
    EXPECT_EQ(answer.status, 401);
    EXPECT_EQ(answer.json["reason"], "Unauthorized");
}

TEST_F(SandboxRbac, UnknownToken_IsUnauthorized) {
    SandboxClient stranger(m_cluster, std::string("not-a-token"));
    EXPECT_EQ(stranger.get("/api/v1/namespaces").status, 401);
}

TEST_F(SandboxRbac, AdminCertificate_MayListNodes) {
    EXPECT_EQ(admin().get("/api/v1/nodes").status, 200);
}

TEST_F(SandboxRbac, ViewerCreate_IsForbiddenWithKubernetesMessage) {
    auto answer =
        viewer().post("/apis/apps/v1/namespaces/shop/deployments", deploymentManifest("web", "shop"));
    EXPECT_EQ(answer.status, 403);
    EXPECT_EQ(answer.json["reason"], "Forbidden");
    EXPECT_EQ(answer.json["message"], "deployments.apps is forbidden: User \"viewer\" cannot create resource "
                                      "\"deployments\" in API group \"apps\" in the namespace \"shop\"");
    EXPECT_EQ(answer.json["details"]["group"], "apps");
    EXPECT_EQ(answer.json["details"]["kind"], "deployments");
}

TEST_F(SandboxRbac, ViewerReadsWorkloads) {
    EXPECT_EQ(viewer().get("/apis/apps/v1/namespaces/shop/deployments").status, 200);
    EXPECT_EQ(viewer().get("/api/v1/pods").status, 200);
}

TEST_F(SandboxRbac, ViewerSecrets_AreForbiddenInCoreGroup) {
    auto answer = viewer().get("/api/v1/namespaces/shop/secrets");
    EXPECT_EQ(answer.status, 403);
    EXPECT_EQ(answer.json["message"],
              "secrets is forbidden: User \"viewer\" cannot list resource \"secrets\" in API "
              "group \"\" in the namespace \"shop\"");
}

TEST_F(SandboxRbac, ClusterScopedDenial_SaysClusterScope) {
    auto answer = operatorUser().get("/api/v1/nodes");
    EXPECT_EQ(answer.status, 403);
    EXPECT_EQ(answer.json["message"],
              "nodes is forbidden: User \"operator\" cannot list resource \"nodes\" in API "
              "group \"\" at the cluster scope");
}

TEST_F(SandboxRbac, Operator_ManagesWorkloadsInItsNamespaces) {
    EXPECT_EQ(operatorUser()
                  .post("/apis/apps/v1/namespaces/shop/deployments", deploymentManifest("web", "shop"))
                  .status,
              201);
    EXPECT_EQ(operatorUser()
                  .post("/apis/apps/v1/namespaces/kube-system/deployments",
                        deploymentManifest("web", "kube-system"))
                  .status,
              403);
}

TEST_F(SandboxRbac, Operator_MayNotCreateClusterRoles) {
    auto answer =
        operatorUser().post("/apis/rbac.authorization.k8s.io/v1/clusterroles", clusterRole("x", "pods"));
    EXPECT_EQ(answer.status, 403);
}

TEST_F(SandboxRbac, OperatorRoleWithHeldPermissions_IsAllowed) {
    auto answer = operatorUser().post("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/roles",
                                      role("reader", "shop", "pods"));
    EXPECT_EQ(answer.status, 201) << answer.body;
}

TEST_F(SandboxRbac, OperatorRoleGrantingMore_IsEscalation) {
    auto answer = operatorUser().post("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/roles",
                                      role("nodes", "shop", "nodes"));
    EXPECT_EQ(answer.status, 403);
    EXPECT_EQ(
        answer.json["message"],
        "roles.rbac.authorization.k8s.io \"nodes\" is forbidden: user \"operator\" "
        "(groups=[\"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n"
        "{APIGroups:[\"\"], Resources:[\"nodes\"], Verbs:[\"get\"]}");
}

TEST_F(SandboxRbac, OperatorBindingEdit_IsAllowed) {
    auto answer = operatorUser().post("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings",
                                      roleBinding("collector-edit", "shop", "edit"));
    EXPECT_EQ(answer.status, 201) << answer.body;
}

TEST_F(SandboxRbac, OperatorBindingClusterAdmin_IsRefused) {
    auto answer = operatorUser().post("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings",
                                      roleBinding("collector-admin", "shop", "cluster-admin"));
    EXPECT_EQ(answer.status, 403);
    EXPECT_NE(answer.json["message"].get<std::string>().find(
                  "is attempting to grant RBAC permissions not currently held"),
              std::string::npos);
}

TEST_F(SandboxRbac, EscalateVerb_AllowsGrantingMore) {
    const json grant{{"apiVersion", "rbac.authorization.k8s.io/v1"},
                     {"kind", "ClusterRole"},
                     {"metadata", {{"name", "escalator"}}},
                     {"rules", json::array({{{"apiGroups", {"rbac.authorization.k8s.io"}},
                                             {"resources", {"roles"}},
                                             {"verbs", {"escalate"}}}})}};
    ASSERT_EQ(admin().post("/apis/rbac.authorization.k8s.io/v1/clusterroles", grant).status, 201);
    json binding = roleBinding("escalator", "shop", "escalator");
    binding["subjects"] =
        json::array({{{"kind", "User"}, {"apiGroup", "rbac.authorization.k8s.io"}, {"name", "operator"}}});
    ASSERT_EQ(admin().post("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings", binding).status,
              201);
    auto answer = operatorUser().post("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/roles",
                                      role("nodes", "shop", "nodes"));
    EXPECT_EQ(answer.status, 201) << answer.body;
}

TEST_F(SandboxRbac, SelfSubjectAccessReview_AnswersTruthfully) {
    const std::string path = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    auto viewerAnswer = viewer().post(path, accessReview("create", "apps", "deployments", "shop"));
    ASSERT_EQ(viewerAnswer.status, 201) << viewerAnswer.body;
    EXPECT_EQ(viewerAnswer.json["status"]["allowed"], false);
    EXPECT_EQ(operatorUser()
                  .post(path, accessReview("create", "apps", "deployments", "shop"))
                  .json["status"]["allowed"],
              true);
    EXPECT_EQ(operatorUser()
                  .post(path, accessReview("create", "apps", "deployments", "kube-system"))
                  .json["status"]["allowed"],
              false);
    EXPECT_EQ(admin().post(path, accessReview("create", "", "nodes", "")).json["status"]["allowed"], true);
}

TEST_F(SandboxRbac, SelfSubjectRulesReview_ListsBoundRules) {
    const json review{{"apiVersion", "authorization.k8s.io/v1"},
                      {"kind", "SelfSubjectRulesReview"},
                      {"spec", {{"namespace", "shop"}}}};
    auto answer = operatorUser().post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", review);
    ASSERT_EQ(answer.status, 201);
    bool rolesGranted = false;
    for (const auto &rule : answer.json["status"]["resourceRules"]) {
        const auto &resources = rule["resources"];
        rolesGranted =
            rolesGranted || std::find(resources.begin(), resources.end(), "roles") != resources.end();
    }
    EXPECT_TRUE(rolesGranted);
    EXPECT_EQ(answer.json["status"]["incomplete"], false);
}

TEST_F(SandboxRbac, ServiceAccountBinding_GrantsThroughAuthorizer) {
    ASSERT_EQ(admin()
                  .post("/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings",
                        roleBinding("collector-view", "shop", "view"))
                  .status,
              201);
    SandboxClient collector(m_cluster, m_cluster.issueServiceAccountToken("shop", "collector"));
    EXPECT_EQ(collector.get("/api/v1/namespaces/shop/pods").status, 200);
    EXPECT_EQ(collector.get("/api/v1/namespaces/observability/pods").status, 403);
}

TEST_F(SandboxRbac, SelfSubjectReview_NamesTheCaller) {
    const json review{{"apiVersion", "authentication.k8s.io/v1"}, {"kind", "SelfSubjectReview"}};
    auto answer = operatorUser().post("/apis/authentication.k8s.io/v1/selfsubjectreviews", review);
    ASSERT_EQ(answer.status, 201) << answer.body;
    EXPECT_EQ(answer.json["status"]["userInfo"]["username"], "operator");
    EXPECT_EQ(answer.json["status"]["userInfo"]["groups"], json::array({"system:authenticated"}));
}
