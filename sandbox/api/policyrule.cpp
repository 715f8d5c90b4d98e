// SPDX-License-Identifier: Apache-2.0
#include "api/policyrule.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

std::vector<std::string> stringsOf(const nlohmann::json &rule, const char *key) {
    std::vector<std::string> values;
    const auto found = rule.find(key);
    if (found == rule.end() || !found->is_array()) {
        return values;
    }
    for (const auto &value : *found) {
        if (value.is_string()) {
            values.push_back(value.get<std::string>());
        }
    }
    return values;
}

bool contains(const std::vector<std::string> &values, const std::string &value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool hasWildcardOr(const std::vector<std::string> &values, const std::string &value) {
    return contains(values, "*") || contains(values, value);
}

bool resourceMatches(const std::vector<std::string> &resources, const std::string &resource,
                     const std::string &subresource) {
    if (contains(resources, "*")) {
        return true;
    }
    if (subresource.empty()) {
        return contains(resources, resource);
    }
    // "pods/log" names one subresource; "*/scale" a subresource of every resource; "pods/*" all of one.
    return contains(resources, resource + "/" + subresource) || contains(resources, "*/" + subresource)
           || contains(resources, resource + "/*");
}

bool urlMatches(const std::vector<std::string> &urls, const std::string &path) {
    for (const auto &url : urls) {
        if (url == "*" || url == path) {
            return true;
        }
        if (url.ends_with('*') && path.starts_with(url.substr(0, url.size() - 1))) {
            return true;
        }
    }
    return false;
}

bool resourceCovers(const std::vector<std::string> &owner, const std::string &requested) {
    if (contains(owner, "*") || contains(owner, requested)) {
        return true;
    }
    const auto slash = requested.find('/');
    if (slash == std::string::npos) {
        return false;
    }
    return contains(owner, "*" + requested.substr(slash))
           || contains(owner, requested.substr(0, slash) + "/*");
}

std::string quotedList(const std::vector<std::string> &values) {
    // Go's %q of a []string: ["a" "b"].
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        text += (i ? " \"" : "\"") + values[i] + "\"";
    }
    return text + "]";
}

} // namespace

PolicyRule PolicyRule::fromJson(const nlohmann::json &rule) {
    if (!rule.is_object()) {
        return {};
    }
    return {stringsOf(rule, "verbs"), stringsOf(rule, "apiGroups"), stringsOf(rule, "resources"),
            stringsOf(rule, "resourceNames"), stringsOf(rule, "nonResourceURLs")};
}

nlohmann::json PolicyRule::toJson() const {
    nlohmann::json rule{{"verbs", verbs}};
    if (!apiGroups.empty()) {
        rule["apiGroups"] = apiGroups;
    }
    if (!resources.empty()) {
        rule["resources"] = resources;
    }
    if (!resourceNames.empty()) {
        rule["resourceNames"] = resourceNames;
    }
    if (!nonResourceURLs.empty()) {
        rule["nonResourceURLs"] = nonResourceURLs;
    }
    return rule;
}

bool PolicyRule::allows(const AuthorizationAttributes &attributes) const {
    if (!hasWildcardOr(verbs, attributes.verb)) {
        return false;
    }
    if (!attributes.resourceRequest) {
        return urlMatches(nonResourceURLs, attributes.path);
    }
    if (!hasWildcardOr(apiGroups, attributes.group)
        || !resourceMatches(resources, attributes.resource, attributes.subresource)) {
        return false;
    }
    return resourceNames.empty() || contains(resourceNames, attributes.name);
}

bool PolicyRule::covers(const PolicyRule &other) const {
    const auto all = [](const std::vector<std::string> &owner, const std::vector<std::string> &wanted) {
        return contains(owner, "*") || std::all_of(wanted.begin(), wanted.end(), [&](const std::string &w) {
                   return contains(owner, w);
               });
    };
    if (!all(verbs, other.verbs) || !all(apiGroups, other.apiGroups)) {
        return false;
    }
    if (!std::all_of(other.resources.begin(), other.resources.end(),
                     [&](const std::string &r) { return resourceCovers(resources, r); })) {
        return false;
    }
    if (!std::all_of(other.nonResourceURLs.begin(), other.nonResourceURLs.end(),
                     [&](const std::string &u) { return urlMatches(nonResourceURLs, u); })) {
        return false;
    }
    if (resourceNames.empty()) {
        return true;
    }
    return !other.resourceNames.empty() && all(resourceNames, other.resourceNames);
}

std::vector<PolicyRule> PolicyRule::breakdown() const {
    std::vector<PolicyRule> pieces;
    for (const auto &group : apiGroups) {
        for (const auto &resource : resources) {
            for (const auto &verb : verbs) {
                pieces.push_back({{verb}, {group}, {resource}, resourceNames, {}});
            }
        }
    }
    for (const auto &url : nonResourceURLs) {
        for (const auto &verb : verbs) {
            pieces.push_back({{verb}, {}, {}, {}, {url}});
        }
    }
    return pieces;
}

std::string PolicyRule::compactString() const {
    std::vector<std::string> parts;
    if (!apiGroups.empty()) {
        parts.push_back("APIGroups:" + quotedList(apiGroups));
    }
    if (!resources.empty()) {
        parts.push_back("Resources:" + quotedList(resources));
    }
    if (!nonResourceURLs.empty()) {
        parts.push_back("NonResourceURLs:" + quotedList(nonResourceURLs));
    }
    if (!resourceNames.empty()) {
        parts.push_back("ResourceNames:" + quotedList(resourceNames));
    }
    if (!verbs.empty()) {
        parts.push_back("Verbs:" + quotedList(verbs));
    }
    std::string text = "{";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        text += (i ? ", " : "") + parts[i];
    }
    return text + "}";
}

bool rulesCover(const std::vector<PolicyRule> &owner, const std::vector<PolicyRule> &requested,
                std::vector<PolicyRule> &missing) {
    for (const auto &rule : requested) {
        for (const auto &piece : rule.breakdown()) {
            const bool covered =
                std::any_of(owner.begin(), owner.end(), [&](const PolicyRule &o) { return o.covers(piece); });
            if (!covered) {
                missing.push_back(piece);
            }
        }
    }
    return missing.empty();
}

std::vector<PolicyRule> compactRules(const std::vector<PolicyRule> &rules) {
    std::vector<PolicyRule> compacted;
    for (const auto &rule : rules) {
        const bool simple = rule.apiGroups.size() == 1 && rule.resources.size() == 1
                            && rule.resourceNames.empty() && rule.nonResourceURLs.empty();
        auto same = std::find_if(compacted.begin(), compacted.end(), [&](const PolicyRule &c) {
            return simple && c.apiGroups == rule.apiGroups && c.resources == rule.resources
                   && c.resourceNames.empty() && c.nonResourceURLs.empty();
        });
        if (same == compacted.end()) {
            compacted.push_back(rule);
        } else {
            for (const auto &verb : rule.verbs) {
                if (!contains(same->verbs, verb)) {
                    same->verbs.push_back(verb);
                }
            }
        }
    }
    return compacted;
}

std::vector<PolicyRule> rulesOf(const nlohmann::json &role) {
    std::vector<PolicyRule> rules;
    const auto found = role.find("rules");
    if (found == role.end() || !found->is_array()) {
        return rules;
    }
    for (const auto &rule : *found) {
        rules.push_back(PolicyRule::fromJson(rule));
    }
    return rules;
}

} // namespace otelconsole::sandbox
