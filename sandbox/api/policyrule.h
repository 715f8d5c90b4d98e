// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/authorizationattributes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// One RBAC rule (rbac.authorization.k8s.io/v1 PolicyRule) and the matching logic Kubernetes applies.
struct PolicyRule {
    std::vector<std::string> verbs;
    std::vector<std::string> apiGroups;
    std::vector<std::string> resources;
    std::vector<std::string> resourceNames;
    std::vector<std::string> nonResourceURLs;

    /// Reads a rule; fields that are missing or of the wrong type read as empty.
    static PolicyRule fromJson(const nlohmann::json &rule);
    [[nodiscard]] nlohmann::json toJson() const;

    /// Whether this rule allows the request described by `attributes`.
    [[nodiscard]] bool allows(const AuthorizationAttributes &attributes) const;

    /// Whether this rule grants everything `other` grants; `other` should be broken down first.
    [[nodiscard]] bool covers(const PolicyRule &other) const;

    /// One rule per group × resource × verb (or URL × verb), keeping resource names.
    [[nodiscard]] std::vector<PolicyRule> breakdown() const;

    /// "{APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "list"]}", as RBAC errors print it.
    [[nodiscard]] std::string compactString() const;
};

/// Whether `owner` rules together grant every rule in `requested`; the ungranted pieces go to `missing`.
bool rulesCover(const std::vector<PolicyRule> &owner, const std::vector<PolicyRule> &requested,
                std::vector<PolicyRule> &missing);

/// Merges broken-down rules that differ only in their verb, so errors list each resource once.
std::vector<PolicyRule> compactRules(const std::vector<PolicyRule> &rules);

/// Reads the "rules" array of a Role or ClusterRole.
std::vector<PolicyRule> rulesOf(const nlohmann::json &role);

} // namespace otelconsole::sandbox
