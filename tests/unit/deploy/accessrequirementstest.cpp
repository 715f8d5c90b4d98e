// SPDX-License-Identifier: Apache-2.0
#include "deploy/accessrequirements.h"

#include "deploy/objectreference.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace otelconsole;

namespace {

class AccessRequirementsTest : public testing::Test {
protected:
    const Json configMap = {{"apiVersion", "v1"},
                            {"kind", "ConfigMap"},
                            {"metadata", {{"name", "gw-config"}, {"namespace", "otel"}}}};
    const Json clusterRole = {
        {"apiVersion", "rbac.authorization.k8s.io/v1"},
        {"kind", "ClusterRole"},
        {"metadata", {{"name", "gw-role"}}},
        {"rules",
         Json::array({{{"apiGroups", {""}}, {"resources", {"nodes", "nodes/stats"}}, {"verbs", {"get"}}}})}};
    const Json binding = {
        {"apiVersion", "rbac.authorization.k8s.io/v1"},
        {"kind", "ClusterRoleBinding"},
        {"metadata", {{"name", "gw-binding"}}},
        {"roleRef",
         {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", "gw-role"}}}};

    static std::vector<std::string> verbsFor(const std::vector<AccessNeed> &needs,
                                             const std::string &resource) {
        std::vector<std::string> verbs;
        for (const AccessNeed &need : needs) {
            if (need.purpose == AccessPurpose::Apply && need.check.resource == resource)
                verbs.push_back(need.check.verb);
        }
        return verbs;
    }

    static std::string key(const Json &manifest) { return ObjectReference::fromManifest(manifest)->key(); }
};

TEST_F(AccessRequirementsTest, NewObject_NeedsGetPatchAndCreate) {
    const auto needs = AccessRequirements::forObjects({configMap}, {{key(configMap), false}});

    EXPECT_EQ(verbsFor(needs, "configmaps"), (std::vector<std::string>{"get", "patch", "create"}));
}

TEST_F(AccessRequirementsTest, ExistingObject_NeedsNoCreate) {
    const auto needs = AccessRequirements::forObjects({configMap}, {{key(configMap), true}});

    EXPECT_EQ(verbsFor(needs, "configmaps"), (std::vector<std::string>{"get", "patch"}));
}

TEST_F(AccessRequirementsTest, UnknownExistence_AsksForCreateToo) {
    const auto needs = AccessRequirements::forObjects({configMap}, {});

    EXPECT_EQ(verbsFor(needs, "configmaps").size(), 3u);
}

TEST_F(AccessRequirementsTest, ApplyNeeds_AreScopedToTheObjectsNamespace) {
    const auto needs = AccessRequirements::forObjects({configMap}, {});

    for (const AccessNeed &need : needs)
        EXPECT_EQ(need.check.namespaceName, "otel");
}

TEST_F(AccessRequirementsTest, ClusterRole_NeedsEveryPermissionItGrantsClusterWide) {
    const auto needs = AccessRequirements::forObjects({clusterRole}, {});

    std::vector<std::string> granted;
    for (const AccessNeed &need : needs) {
        if (need.purpose != AccessPurpose::Grant)
            continue;
        granted.push_back(need.check.verb + " " + need.check.qualifiedResource());
        EXPECT_TRUE(need.check.namespaceName.empty());
        ASSERT_EQ(need.waivers.size(), 1u);
        EXPECT_EQ(need.waivers[0].verb, "escalate");
    }
    EXPECT_EQ(granted, (std::vector<std::string>{"get nodes", "get nodes/stats"}));
}

TEST_F(AccessRequirementsTest, Binding_CanBeWaivedByBindOnItsRole) {
    const auto needs = AccessRequirements::forObjects({clusterRole, binding}, {});

    const bool bindWaiver = std::ranges::any_of(needs, [](const AccessNeed &need) {
        return !need.waivers.empty() && need.waivers[0].verb == "bind" && need.waivers[0].name == "gw-role";
    });
    EXPECT_TRUE(bindWaiver);
}

TEST_F(AccessRequirementsTest, ChecksOf_SendsEachQuestionOnce) {
    const auto needs = AccessRequirements::forObjects({clusterRole, binding}, {});

    const std::vector<AccessCheck> checks = AccessRequirements::checksOf(needs);

    for (std::size_t i = 0; i < checks.size(); ++i) {
        for (std::size_t j = i + 1; j < checks.size(); ++j)
            EXPECT_NE(checks[i].key(), checks[j].key());
    }
}

TEST_F(AccessRequirementsTest, AllowedWaiver_SatisfiesTheNeed) {
    const auto needs = AccessRequirements::forObjects({clusterRole}, {});
    std::map<std::string, bool> allowed;
    for (const AccessCheck &check : AccessRequirements::checksOf(needs))
        allowed[check.key()] = check.verb == "escalate" || check.resource == "clusterroles";

    EXPECT_TRUE(AccessRequirements::missing(needs, allowed).empty());
}

TEST_F(AccessRequirementsTest, DeniedCheckWithoutWaiver_IsMissing) {
    const auto needs = AccessRequirements::forObjects({configMap}, {});
    std::map<std::string, bool> allowed;
    for (const AccessCheck &check : AccessRequirements::checksOf(needs))
        allowed[check.key()] = check.verb != "create";

    const auto missing = AccessRequirements::missing(needs, allowed);

    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].check.verb, "create");
}

TEST_F(AccessRequirementsTest, Describe_ListsAllVerbsOfAResourceInOneSentence) {
    const Json role = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                       {"kind", "ClusterRole"},
                       {"metadata", {{"name", "r"}}}};
    const auto needs = AccessRequirements::forObjects({role}, {{key(role), false}});

    const std::vector<std::string> sentences = AccessRequirements::describe(needs, "operator");

    ASSERT_EQ(sentences.size(), 1u);
    EXPECT_EQ(sentences[0],
              "user \"operator\" may not get, patch, create clusterroles.rbac.authorization.k8s.io "
              "(cluster-wide) — ask a cluster admin for a ClusterRole granting \"get\", \"patch\", "
              "\"create\" on clusterroles.rbac.authorization.k8s.io and a ClusterRoleBinding of it to "
              "user \"operator\"");
}

TEST_F(AccessRequirementsTest, Describe_NamespacedResourceAsksForARole) {
    const auto needs = AccessRequirements::forObjects({configMap}, {{key(configMap), true}});

    const std::vector<std::string> sentences = AccessRequirements::describe(needs, "viewer");

    ASSERT_EQ(sentences.size(), 1u);
    EXPECT_NE(sentences[0].find("may not get, patch configmaps in namespace \"otel\""), std::string::npos);
    EXPECT_NE(sentences[0].find("a Role granting"), std::string::npos);
}

TEST_F(AccessRequirementsTest, Describe_GrantedPermissionNamesTheRole) {
    auto needs = AccessRequirements::forObjects({clusterRole}, {});
    std::erase_if(needs, [](const AccessNeed &need) { return need.purpose != AccessPurpose::Grant; });

    const std::vector<std::string> sentences = AccessRequirements::describe(needs, "operator");

    ASSERT_EQ(sentences.size(), 2u);
    EXPECT_EQ(sentences[1].substr(0, 100),
              "user \"operator\" does not hold get on nodes/stats (cluster-wide), which "
              "ClusterRole \"gw-role\" grants;");
}

} // namespace
