// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/requestinfo.h"
#include "api/userinfo.h"

#include <map>
#include <string>

namespace otelconsole::sandbox {

/// One HTTP request, already authenticated and parsed, independent of the HTTP library.
struct ApiRequest {
    std::string method; ///< "GET", "POST", ...
    std::string contentType;
    std::string accept;
    std::string userAgent;
    std::string body;
    std::multimap<std::string, std::string> query;
    UserInfo user;
    RequestInfo info;

    [[nodiscard]] bool hasQuery(const std::string &key) const { return query.contains(key); }

    [[nodiscard]] std::string queryValue(const std::string &key) const {
        const auto found = query.find(key);
        return found == query.end() ? std::string() : found->second;
    }
};

} // namespace otelconsole::sandbox
