// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace otelconsole {

namespace {

/// One permission: a verb on a resource of an API group, optionally limited to named objects.
struct Permission {
    std::string apiGroup;
    std::string resource;
    std::string verb;
    std::vector<std::string> resourceNames;

    auto operator<=>(const Permission &) const = default;
};

std::vector<Permission> expand(const PolicyRule &rule) {
    std::vector<Permission> permissions;
    for (const std::string &group : rule.apiGroups) {
        for (const std::string &resource : rule.resources) {
            for (const std::string &verb : rule.verbs)
                permissions.push_back(Permission{group, resource, verb, rule.resourceNames});
        }
    }
    return permissions;
}

bool matches(const std::vector<std::string> &granted, const std::string &wanted) {
    return std::ranges::any_of(granted,
                               [&](const std::string &item) { return item == "*" || item == wanted; });
}

bool covers(const PolicyRule &rule, const Permission &permission) {
    if (!matches(rule.apiGroups, permission.apiGroup) || !matches(rule.resources, permission.resource)
        || !matches(rule.verbs, permission.verb))
        return false;
    // A rule without names covers every object; one with names covers only a request for some of them.
    if (rule.resourceNames.empty())
        return true;
    return !permission.resourceNames.empty()
           && std::ranges::all_of(permission.resourceNames, [&](const std::string &name) {
                  return std::ranges::find(rule.resourceNames, name) != rule.resourceNames.end();
              });
}

bool isGranted(const std::vector<PolicyRule> &rules, const Permission &permission) {
    return std::ranges::any_of(rules, [&](const PolicyRule &rule) { return covers(rule, permission); });
}

std::string join(const std::set<std::string> &items) {
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string groupName(const std::string &group) {
    return group.empty() ? "the core API group" : "API group " + group;
}

/// "rbac.rules do" or "rbac: cluster_level does", followed by `verb`.
std::string grantSubject(const RbacConfig &rbac, std::string_view verb) {
    if (rbac.preset == RbacPreset::Custom)
        return "rbac.rules " + std::string(verb);
    return "rbac: " + std::string(toString(rbac.preset)) + " " + std::string(verb)
           + (verb == "do" ? "es" : "s");
}

void checkCustomRules(ValidationContext &context) {
    const RbacConfig &rbac = context.project().deployment.rbac;
    if (rbac.preset != RbacPreset::Custom)
        return;
    for (std::size_t index = 0; index < rbac.rules.size(); ++index) {
        const std::string path = "rbac.rules[" + std::to_string(index) + "]";
        for (const auto &[key, list] :
             {std::pair<std::string, const std::vector<std::string> *>{"verbs", &rbac.rules[index].verbs},
              {"resources", &rbac.rules[index].resources}}) {
            if (!list->empty())
                continue;
            context.report(Severity::Error, "rbac.rule-empty", path + "." + key,
                           "rule " + std::to_string(index + 1) + " of rbac.rules has no " + key
                               + ", so it grants nothing; the API server rejects such a ClusterRole",
                           "list the " + key + " the rule is for, e.g. "
                               + (key == "verbs" ? "[get, list, watch]" : "[pods]"));
        }
    }
}

/// The catalog's reason, a sentence of its own, made to continue one: "Watches pods" → "watches pods".
std::string asClause(std::string text) {
    const auto isUpper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (text.size() > 1 && isUpper(text[0]) && !isUpper(text[1]))
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

/// The components a rule is for, quoted: "k8sattributes" and "kubeletstats".
std::string neededBy(const CatalogRbacRule &rule) {
    if (rule.requiredBy.empty())
        return "the pipeline";
    std::string text;
    for (std::size_t index = 0; index < rule.requiredBy.size(); ++index) {
        if (index > 0)
            text += index + 1 == rule.requiredBy.size() ? " and " : ", ";
        text += "\"" + rule.requiredBy[index] + "\"";
    }
    return text;
}

void reportMissing(ValidationContext &context, const CatalogRbacRule &needed,
                   const std::vector<Permission> &missing) {
    std::set<std::string> verbs;
    std::set<std::string> resources;
    for (const Permission &permission : missing) {
        verbs.insert(permission.verb);
        resources.insert(permission.resource);
    }
    const RbacConfig &rbac = context.project().deployment.rbac;
    const std::string group = needed.rule.apiGroups.empty() ? std::string() : needed.rule.apiGroups.front();
    const std::string rule = "{api_groups: [\"" + group + "\"], resources: [" + join(resources)
                             + "], verbs: [" + join(verbs) + "]}";
    context.report(
        Severity::Warning, "rbac.missing-permission", "rbac",
        grantSubject(rbac, "do") + " not grant " + join(verbs) + " on " + join(resources) + " ("
            + groupName(group) + "), which " + neededBy(needed) + " needs: " + asClause(needed.why)
            + "; without it the component logs \"forbidden\" and its data lacks what it should add",
        rbac.preset == RbacPreset::Custom
            ? "add " + rule + " to rbac.rules, or use rbac: derived"
            : "use rbac: derived, which grants exactly what the pipeline needs, or add " + rule
                  + " as a custom rule");
}

void reportBroader(ValidationContext &context, const std::vector<Permission> &extra) {
    std::set<std::string> described;
    for (const Permission &permission : extra)
        described.insert(permission.verb + " " + permission.resource);
    context.report(Severity::Info, "rbac.broader-than-needed", "rbac",
                   grantSubject(context.project().deployment.rbac, "also grant") + " " + join(described)
                       + ", which no component of the pipeline needs",
                   "use rbac: derived to grant only what the pipeline needs");
}

void checkCoverage(ValidationContext &context) {
    const RbacConfig &rbac = context.project().deployment.rbac;
    // Derived rules are computed from the same catalog, so they match the pipeline by construction.
    if (rbac.preset == RbacPreset::Derived)
        return;

    const std::vector<PolicyRule> granted = rbac.presetRules();
    const std::vector<CatalogRbacRule> needed = context.catalog().rbacFor(context.project().collector);
    std::vector<PolicyRule> neededRules;
    for (const CatalogRbacRule &rule : needed) {
        neededRules.push_back(rule.rule);
        std::vector<Permission> missing;
        for (const Permission &permission : expand(rule.rule)) {
            if (!isGranted(granted, permission))
                missing.push_back(permission);
        }
        if (!missing.empty())
            reportMissing(context, rule, missing);
    }

    std::vector<Permission> extra;
    for (const PolicyRule &rule : granted) {
        for (const Permission &permission : expand(rule)) {
            if (!isGranted(neededRules, permission))
                extra.push_back(permission);
        }
    }
    if (!extra.empty())
        reportBroader(context, extra);
}

} // namespace

void checkRbac(ValidationContext &context) {
    checkCustomRules(context);
    checkCoverage(context);
}

} // namespace otelconsole
