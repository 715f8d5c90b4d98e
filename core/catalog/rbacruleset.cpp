// SPDX-License-Identifier: Apache-2.0
#include "catalog/rbacruleset.h"

#include <algorithm>

namespace otelconsole {

namespace {

std::vector<std::string> sortedUnique(std::vector<std::string> values) {
    std::ranges::sort(values);
    const auto duplicates = std::ranges::unique(values);
    values.erase(duplicates.begin(), duplicates.end());
    return values;
}

std::string withoutFinalPeriod(std::string text) {
    if (text.ends_with('.'))
        text.pop_back();
    return text;
}

std::string joined(const std::set<std::string> &values) {
    std::string text;
    for (const std::string &value : values)
        text += (text.empty() ? "" : ", ") + value;
    return text;
}

} // namespace

void RbacRuleSet::add(const PolicyRule &rule, const std::string &componentId, const std::string &why) {
    const Key key{sortedUnique(rule.apiGroups), sortedUnique(rule.verbs), sortedUnique(rule.resourceNames)};
    Merged &merged = m_rules[key];
    merged.resources.insert(rule.resources.begin(), rule.resources.end());
    merged.componentIds.insert(componentId);

    const std::string reason = withoutFinalPeriod(why);
    if (!merged.idsByWhy.contains(reason))
        merged.whyOrder.push_back(reason);
    merged.idsByWhy[reason].insert(componentId);
}

std::vector<CatalogRbacRule> RbacRuleSet::rules() const {
    std::vector<CatalogRbacRule> rules;
    for (const auto &[key, merged] : m_rules)
        rules.push_back(toRule(key, merged));

    const auto order = [](const CatalogRbacRule &rule) {
        return std::tie(rule.rule.apiGroups, rule.rule.resources, rule.rule.verbs, rule.rule.resourceNames);
    };
    std::ranges::sort(rules, [&](const CatalogRbacRule &left, const CatalogRbacRule &right) {
        return order(left) < order(right);
    });
    return rules;
}

CatalogRbacRule RbacRuleSet::toRule(const Key &key, const Merged &merged) {
    CatalogRbacRule rule;
    const auto &[apiGroups, verbs, resourceNames] = key;
    rule.rule.apiGroups = apiGroups;
    rule.rule.resources.assign(merged.resources.begin(), merged.resources.end());
    rule.rule.verbs = verbs;
    rule.rule.resourceNames = resourceNames;
    rule.requiredBy.assign(merged.componentIds.begin(), merged.componentIds.end());

    // One line, so that it reads inside a sentence: "reason (ids); other reason (ids)".
    for (const std::string &reason : merged.whyOrder) {
        rule.why += (rule.why.empty() ? "" : "; ") + reason + " (" + joined(merged.idsByWhy.at(reason)) + ")";
    }
    return rule;
}

} // namespace otelconsole
