// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/userinfo.h"

#include <string>

namespace otelconsole::sandbox {

/// What a request wants to do, in the terms RBAC rules speak.
struct AuthorizationAttributes {
    UserInfo user;
    std::string verb;
    bool resourceRequest = true;
    std::string group;
    std::string resource;
    std::string subresource;
    std::string ns;
    std::string name;
    std::string path; ///< for non-resource requests
};

/// The outcome of an authorization check; `reason` names the binding that allowed it.
struct AuthorizationDecision {
    bool allowed = false;
    std::string reason;
};

} // namespace otelconsole::sandbox
