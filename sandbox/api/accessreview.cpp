// SPDX-License-Identifier: Apache-2.0
#include "api/accessreview.h"

#include "api/jsonpath.h"
#include "api/rbacauthorizer.h"
#include "api/requestbody.h"
#include "api/resourcetype.h"

namespace otelconsole::sandbox {

using nlohmann::json;

AccessReview::AccessReview(const RbacAuthorizer &authorizer)
    : m_authorizer(authorizer) {}

json AccessReview::accessStatus(const UserInfo &user, const json &spec) const {
    AuthorizationAttributes attributes;
    attributes.user = user;
    if (const json *resource = JsonPath::find(spec, "resourceAttributes");
        resource && resource->is_object()) {
        attributes.resourceRequest = true;
        attributes.verb = resource->value("verb", std::string());
        attributes.group = resource->value("group", std::string());
        attributes.resource = resource->value("resource", std::string());
        attributes.subresource = resource->value("subresource", std::string());
        attributes.ns = resource->value("namespace", std::string());
        attributes.name = resource->value("name", std::string());
    } else if (const json *path = JsonPath::find(spec, "nonResourceAttributes"); path && path->is_object()) {
        attributes.resourceRequest = false;
        attributes.verb = path->value("verb", std::string());
        attributes.path = path->value("path", std::string());
    } else {
        return {{"allowed", false},
                {"evaluationError", "neither resourceAttributes nor nonResourceAttributes given"}};
    }
    const AuthorizationDecision decision = m_authorizer.authorize(attributes);
    json status{{"allowed", decision.allowed}};
    if (!decision.reason.empty()) {
        status["reason"] = decision.reason;
    }
    return status;
}

json AccessReview::rulesStatus(const UserInfo &user, const std::string &ns) const {
    json resourceRules = json::array();
    json nonResourceRules = json::array();
    for (const auto &rule : m_authorizer.rulesFor(user, ns)) {
        if (!rule.nonResourceURLs.empty()) {
            nonResourceRules.push_back({{"verbs", rule.verbs}, {"nonResourceURLs", rule.nonResourceURLs}});
            continue;
        }
        json entry{{"verbs", rule.verbs}, {"apiGroups", rule.apiGroups}, {"resources", rule.resources}};
        if (!rule.resourceNames.empty()) {
            entry["resourceNames"] = rule.resourceNames;
        }
        resourceRules.push_back(std::move(entry));
    }
    return {{"resourceRules", resourceRules}, {"nonResourceRules", nonResourceRules}, {"incomplete", false}};
}

ApiResponse AccessReview::handle(const ApiRequest &request, const ResourceType &type) const {
    auto body = RequestBody::json(request.body);
    if (!body) {
        return ApiResponse::error(body.error());
    }
    json review = *body;
    review["apiVersion"] = type.apiVersion();
    review["kind"] = type.kind;
    const json spec = review.value("spec", json::object());
    if (!review.contains("metadata") || !review["metadata"].is_object()) {
        review["metadata"] = json::object();
    }
    review["metadata"]["creationTimestamp"] = nullptr;

    if (type.kind == "SelfSubjectReview") {
        review["status"] = {{"userInfo", {{"username", request.user.name}, {"groups", request.user.groups}}}};
    } else if (type.kind == "SelfSubjectRulesReview") {
        review["status"] = rulesStatus(request.user, spec.value("namespace", std::string()));
    } else if (type.kind == "SelfSubjectAccessReview") {
        review["status"] = accessStatus(request.user, spec);
    } else {
        std::vector<std::string> groups;
        for (const auto &group : spec.value("groups", json::array())) {
            if (group.is_string()) {
                groups.push_back(group.get<std::string>());
            }
        }
        review["status"] = accessStatus(UserInfo{spec.value("user", std::string()), groups}, spec);
    }
    return ApiResponse::json(201, review);
}

} // namespace otelconsole::sandbox
