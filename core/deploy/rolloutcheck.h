// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <string>
#include <string_view>

namespace otelconsole {

enum class RolloutState {
    Waiting, ///< the rollout is still going
    Done,    ///< every replica runs the current pod template and is available
    Failed,  ///< it will not finish by itself (progress deadline exceeded, unsupported strategy)
};

[[nodiscard]] std::string_view toString(RolloutState state);

/// Where a workload's rollout stands, with kubectl's wording.
struct RolloutStatus {
    RolloutState state = RolloutState::Waiting;
    std::string message;
};

/// Judges a rollout from a workload object with exactly the rules of `kubectl rollout status`:
/// nothing counts until the controller has observed the current generation; a Deployment then waits
/// for updated, then for old replicas to go, then for updated replicas to be available; a DaemonSet for
/// updated and available pods on every node that should run one; a StatefulSet for ready replicas,
/// its partition and the current revision.
class RolloutCheck {
public:
    [[nodiscard]] static RolloutStatus evaluate(const Json &workload);
};

} // namespace otelconsole
