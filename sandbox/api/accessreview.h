// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/apirequest.h"
#include "api/apiresponse.h"

namespace otelconsole::sandbox {

class RbacAuthorizer;
struct ResourceType;

/// The review kinds, answered on the spot from the same RBAC evaluation requests go through:
/// SelfSubjectAccessReview ("can I?"), SelfSubjectRulesReview ("what may I do here?"),
/// SubjectAccessReview ("can they?") and authentication's SelfSubjectReview ("who am I?").
class AccessReview {
public:
    explicit AccessReview(const RbacAuthorizer &authorizer);

    [[nodiscard]] ApiResponse handle(const ApiRequest &request, const ResourceType &type) const;

private:
    [[nodiscard]] nlohmann::json accessStatus(const UserInfo &user, const nlohmann::json &spec) const;
    [[nodiscard]] nlohmann::json rulesStatus(const UserInfo &user, const std::string &ns) const;

    const RbacAuthorizer &m_authorizer;
};

} // namespace otelconsole::sandbox
