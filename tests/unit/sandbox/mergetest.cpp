// SPDX-License-Identifier: Apache-2.0
#include "api/fieldset.h"
#include "api/policyrule.h"
#include "api/strategicmergepatch.h"

#include <gtest/gtest.h>

using namespace otelconsole::sandbox;
using nlohmann::json;

namespace {

json podTemplate() {
    return {{"spec",
             {{"template",
               {{"spec",
                 {{"containers", json::array({{{"name", "app"},
                                               {"image", "a:1"},
                                               {"ports", json::array({{{"containerPort", 80}}})}}})}}}}}}}};
}

} // namespace

TEST(FieldSetOfObject, KeyedListItems_AreMembersWithFields) {
    const FieldSet set = FieldSet::fromObject(podTemplate(), "Deployment", FieldSet::Scope::Everything);
    const FieldSet::Path item{"f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"app\"}"};
    EXPECT_TRUE(set.contains(item));
    EXPECT_TRUE(set.hasDescendant(item));
    FieldSet::Path port = item;
    port.insert(port.end(), {"f:ports", "k:{\"containerPort\":80,\"protocol\":\"TCP\"}"});
    EXPECT_TRUE(set.contains(port));
}

TEST(FieldSetOfObject, FieldsV1_RoundTrips) {
    const FieldSet set = FieldSet::fromObject(podTemplate(), "Deployment", FieldSet::Scope::Everything);
    const json fields = set.toFieldsV1();
    EXPECT_TRUE(
        fields["f:spec"]["f:template"]["f:spec"]["f:containers"]["k:{\"name\":\"app\"}"].contains("."));
    EXPECT_EQ(FieldSet::fromFieldsV1(fields).paths(), set.paths());
}

TEST(FieldSetPath, PrintsLikeConflictMessages) {
    EXPECT_EQ(FieldSet::toString({"f:spec", "f:replicas"}), ".spec.replicas");
    EXPECT_EQ(FieldSet::toString({"f:spec", "f:containers", "k:{\"name\":\"app\"}", "f:image"}),
              ".spec.containers[name=\"app\"].image");
}

TEST(FieldSetOfObject, SelectorIsOwnedAsAWhole) {
    const json object{{"spec", {{"selector", {{"matchLabels", {{"app", "web"}}}}}}}};
    const FieldSet set = FieldSet::fromObject(object, "Deployment", FieldSet::Scope::Everything);
    EXPECT_TRUE(set.isLeaf({"f:spec", "f:selector"}));
}

TEST(StrategicMergePatchOfTemplate, ContainersMergeByName) {
    const json patch{
        {"spec",
         {{"template", {{"spec", {{"containers", json::array({{{"name", "app"}, {"image", "a:2"}}})}}}}}}}};
    const json result = StrategicMergePatch::apply(podTemplate(), patch, "Deployment");
    const json &container = result["spec"]["template"]["spec"]["containers"][0];
    EXPECT_EQ(container["image"], "a:2");
    EXPECT_EQ(container["ports"][0]["containerPort"], 80);
}

TEST(StrategicMergePatchOfTemplate, DeleteDirective_RemovesItem) {
    const json patch{
        {"spec",
         {{"template",
           {{"spec", {{"containers", json::array({{{"name", "app"}, {"$patch", "delete"}}})}}}}}}}};
    const json result = StrategicMergePatch::apply(podTemplate(), patch, "Deployment");
    EXPECT_TRUE(result["spec"]["template"]["spec"]["containers"].empty());
}

TEST(StrategicMergePatchOfTemplate, NullRemovesField) {
    const json result =
        StrategicMergePatch::apply({{"metadata", {{"labels", {{"a", "1"}, {"b", "2"}}}}}},
                                   {{"metadata", {{"labels", {{"a", nullptr}}}}}}, "Deployment");
    EXPECT_EQ(result["metadata"]["labels"], json({{"b", "2"}}));
}

TEST(PolicyRuleCoverage, WildcardCoversEverything) {
    const PolicyRule owner{{"*"}, {"*"}, {"*"}, {}, {}};
    std::vector<PolicyRule> missing;
    EXPECT_TRUE(rulesCover({owner}, {PolicyRule{{"get"}, {""}, {"nodes"}, {}, {}}}, missing));
}

TEST(PolicyRuleCoverage, MissingPieces_AreReportedCompactly) {
    const PolicyRule owner{{"get"}, {""}, {"pods"}, {}, {}};
    std::vector<PolicyRule> missing;
    EXPECT_FALSE(
        rulesCover({owner}, {PolicyRule{{"get", "list"}, {""}, {"pods", "nodes"}, {}, {}}}, missing));
    const auto compacted = compactRules(missing);
    ASSERT_EQ(compacted.size(), 2u);
    EXPECT_EQ(compacted[0].compactString(), "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"list\"]}");
    EXPECT_EQ(compacted[1].compactString(),
              "{APIGroups:[\"\"], Resources:[\"nodes\"], Verbs:[\"get\" \"list\"]}");
}

TEST(PolicyRuleMatching, SubresourceNeedsItsOwnEntry) {
    const PolicyRule rule{{"get"}, {""}, {"pods"}, {}, {}};
    AuthorizationAttributes logs{{"u", {}}, "get", true, "", "pods", "log", "ns", "p", {}};
    EXPECT_FALSE(rule.allows(logs));
    logs.subresource.clear();
    EXPECT_TRUE(rule.allows(logs));
}
