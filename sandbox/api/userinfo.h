// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Who is making a request, as the authenticator established it.
struct UserInfo {
    std::string name;
    std::vector<std::string> groups;

    [[nodiscard]] bool inGroup(const std::string &group) const {
        return std::find(groups.begin(), groups.end(), group) != groups.end();
    }

    /// The identity pods running under a ServiceAccount get: "system:serviceaccount:<ns>:<name>".
    static UserInfo serviceAccount(const std::string &ns, const std::string &name) {
        return {"system:serviceaccount:" + ns + ":" + name,
                {"system:serviceaccounts", "system:serviceaccounts:" + ns, "system:authenticated"}};
    }
};

} // namespace otelconsole::sandbox
