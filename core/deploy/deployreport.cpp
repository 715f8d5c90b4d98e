// SPDX-License-Identifier: Apache-2.0
#include "deploy/deployreport.h"

#include <algorithm>

namespace otelconsole {

std::vector<std::string> PreflightReport::problems() const {
    std::vector<std::string> all;
    for (const Diagnostic &diagnostic : validationErrors)
        all.push_back(diagnostic.toString());
    all.insert(all.end(), missingPermissions.begin(), missingPermissions.end());
    all.insert(all.end(), blockers.begin(), blockers.end());
    return all;
}

bool DeployReport::restartsPods() const {
    return std::ranges::any_of(changes, &ObjectDiff::restartsPods);
}

} // namespace otelconsole
