// SPDX-License-Identifier: Apache-2.0
#include "api/labelselector.h"

#include <gtest/gtest.h>

using nlohmann::json;
using otelconsole::sandbox::LabelSelector;

namespace {

struct SelectorCase {
    std::string selector;
    json labels;
    bool matches;
};

class LabelSelectorGrammar : public ::testing::TestWithParam<SelectorCase> {};

class LabelSelectorParser : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST_P(LabelSelectorGrammar, MatchesLikeKubernetes) {
    const auto selector = LabelSelector::parse(GetParam().selector);
    ASSERT_TRUE(selector.has_value()) << selector.error();
    EXPECT_EQ(selector->matches(GetParam().labels), GetParam().matches) << GetParam().selector;
}

INSTANTIATE_TEST_SUITE_P(
    Table, LabelSelectorGrammar,
    ::testing::Values(
        SelectorCase{"app=web", {{"app", "web"}}, true}, SelectorCase{"app==web", {{"app", "web"}}, true},
        SelectorCase{"app!=web", {{"app", "web"}}, false}, SelectorCase{"app!=web", json::object(), true},
        SelectorCase{"tier in (a, b)", {{"tier", "b"}}, true},
        SelectorCase{"tier in (a,b)", {{"tier", "c"}}, false},
        SelectorCase{"tier notin (a,b)", json::object(), true},
        SelectorCase{"tier notin (a,b)", {{"tier", "a"}}, false}, SelectorCase{"app", {{"app", "x"}}, true},
        SelectorCase{"!app", {{"app", "x"}}, false}, SelectorCase{"!app", json::object(), true},
        SelectorCase{"app=web,tier=front", {{"app", "web"}, {"tier", "back"}}, false},
        SelectorCase{"", {{"anything", "goes"}}, true}, SelectorCase{"replicas>2", {{"replicas", "3"}}, true},
        SelectorCase{"example.com/role=db", {{"example.com/role", "db"}}, true}));

TEST_P(LabelSelectorParser, RejectsMalformed) {
    EXPECT_FALSE(LabelSelector::parse(GetParam()).has_value()) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Table, LabelSelectorParser,
                         ::testing::Values("a in (b", "a in b", "a,", ",a", "a=b=c", "=b", "a > x",
                                           "a foo b"));

TEST(LabelSelectorObject, MatchLabelsAndExpressions_AllMustHold) {
    const auto selector = LabelSelector::fromJson(
        {{"matchLabels", {{"app", "web"}}},
         {"matchExpressions", json::array({{{"key", "tier"}, {"operator", "In"}, {"values", {"front"}}}})}});
    ASSERT_TRUE(selector.has_value());
    EXPECT_TRUE(selector->matches({{"app", "web"}, {"tier", "front"}}));
    EXPECT_FALSE(selector->matches({{"app", "web"}}));
    EXPECT_EQ(selector->toString(), "app=web,tier in (front)");
}
