// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/requestinfo.h"

#include <map>
#include <string>

namespace otelconsole::sandbox {

/// Reads method + path + query into a RequestInfo, following the API server's rules: namespaces
/// name themselves, "watch=true" turns list into watch, a metadata.name field selector names the
/// object for authorization.
class RequestInfoParser {
public:
    static RequestInfo parse(const std::string &method, const std::string &path,
                             const std::multimap<std::string, std::string> &query);

private:
    static std::string resourceVerb(const std::string &method, bool hasName,
                                    const std::multimap<std::string, std::string> &query);
};

} // namespace otelconsole::sandbox
