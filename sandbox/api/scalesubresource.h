// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/resourcetype.h"
#include "api/statuserror.h"

#include <nlohmann/json.hpp>

namespace otelconsole::sandbox {

/// The /scale subresource: a workload seen as an autoscaling/v1 Scale, and a Scale written back
/// as a change of spec.replicas.
class ScaleSubresource {
public:
    static nlohmann::json toScale(const nlohmann::json &object);

    /// The workload with the replicas of `scale`; 422 for a negative or missing count, 409 for a
    /// stale resourceVersion in the Scale.
    static ApiResult<nlohmann::json> applyScale(const ResourceType &type, const nlohmann::json &object,
                                                const nlohmann::json &scale);
};

} // namespace otelconsole::sandbox
