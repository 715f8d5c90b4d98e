// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class RbacChecks : public ValidationTest {
protected:
    void addAttributesProcessor() {
        m_project.collector.processors.push_back({"k8s_attributes", yaml("{passthrough: false}")});
        traces().processors.push_back("k8s_attributes");
    }
    static PolicyRule rule(std::vector<std::string> groups, std::vector<std::string> resources,
                           std::vector<std::string> verbs) {
        return PolicyRule{std::move(groups), std::move(resources), std::move(verbs), {}};
    }
    void useCustomRules(std::vector<PolicyRule> rules) {
        m_project.deployment.rbac.preset = RbacPreset::Custom;
        m_project.deployment.rbac.rules = std::move(rules);
    }
};

TEST_F(RbacChecks, CustomRuleWithoutVerbs_IsAnError) {
    useCustomRules({rule({""}, {"pods"}, {})});
    const Diagnostic found = only("rbac.rule-empty");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "rbac.rules[0].verbs");
    EXPECT_THAT(found.message, HasSubstr("no verbs"));
}

TEST_F(RbacChecks, CustomRuleWithoutResources_IsAnError) {
    useCustomRules({rule({""}, {"pods"}, {"get"}), rule({""}, {}, {"get"})});
    EXPECT_EQ(only("rbac.rule-empty").path, "rbac.rules[1].resources");
}

TEST_F(RbacChecks, PodLevelPresetWithAttributesProcessor_MissesPermissions) {
    m_project.deployment.rbac = RbacConfig::podLevel();
    addAttributesProcessor();
    const std::vector<Diagnostic> found = withCode("rbac.missing-permission");
    ASSERT_FALSE(found.empty()) << describeAll(validate());
    EXPECT_EQ(found.front().severity, Severity::Warning);
    EXPECT_EQ(found.front().path, "rbac");
    bool mentionsPods = false;
    for (const Diagnostic &diagnostic : found) {
        EXPECT_THAT(diagnostic.message, HasSubstr("\"k8s_attributes\""));
        EXPECT_THAT(diagnostic.fix, HasSubstr("rbac: derived"));
        mentionsPods = mentionsPods || diagnostic.message.find("pods") != std::string::npos;
    }
    EXPECT_TRUE(mentionsPods);
}

TEST_F(RbacChecks, CustomRulesMissingAVerb_NameTheVerb) {
    addAttributesProcessor();
    useCustomRules({rule({""}, {"pods", "namespaces"}, {"get", "list"}),
                    rule({"apps"}, {"replicasets"}, {"get", "list", "watch"})});
    const Diagnostic found = only("rbac.missing-permission");
    EXPECT_THAT(found.message, HasSubstr("do not grant watch on namespaces, pods"));
    EXPECT_THAT(found.fix, HasSubstr("to rbac.rules"));
}

TEST_F(RbacChecks, ClusterPresetForAPipelineThatNeedsNothing_IsBroaderThanNeeded) {
    m_project.deployment.rbac = RbacConfig::clusterLevel();
    const Diagnostic found = only("rbac.broader-than-needed");
    EXPECT_EQ(found.severity, Severity::Info);
    EXPECT_EQ(found.path, "rbac");
    EXPECT_THAT(found.message, HasSubstr("pods"));
    EXPECT_THAT(found.fix, HasSubstr("rbac: derived"));
}

TEST_F(RbacChecks, DerivedRules_AreNeitherMissingNorBroader) {
    addAttributesProcessor();
    EXPECT_FALSE(has("rbac.missing-permission"));
    EXPECT_FALSE(has("rbac.broader-than-needed"));
}

TEST_F(RbacChecks, WildcardCustomRule_CoversEverythingButIsBroader) {
    addAttributesProcessor();
    useCustomRules({rule({"*"}, {"*"}, {"get", "list", "watch"})});
    EXPECT_FALSE(has("rbac.missing-permission"));
    EXPECT_TRUE(has("rbac.broader-than-needed"));
}
