// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace otelconsole {

/// Gathers the ClusterRole rules several components need into as few rules as grant the same:
/// rules with the same apiGroups, verbs and resourceNames become one rule over all their resources.
class RbacRuleSet {
public:
    /// Adds `rule`, needed by the component `componentId` for the reason `why`.
    void add(const PolicyRule &rule, const std::string &componentId, const std::string &why);

    /// The merged rules, sorted by apiGroups, then resources, then verbs. Each lists the component ids that
    /// need it in requiredBy, and in why each reason followed by the ids it comes from.
    [[nodiscard]] std::vector<CatalogRbacRule> rules() const;

private:
    /// apiGroups, verbs and resourceNames, each sorted and without duplicates.
    using Key = std::tuple<std::vector<std::string>, std::vector<std::string>, std::vector<std::string>>;

    struct Merged {
        std::set<std::string> resources;
        std::set<std::string> componentIds;
        std::map<std::string, std::set<std::string>> idsByWhy;
        std::vector<std::string> whyOrder; ///< reasons in the order they were added
    };

    [[nodiscard]] static CatalogRbacRule toRule(const Key &key, const Merged &merged);

    std::map<Key, Merged> m_rules;
};

} // namespace otelconsole
