// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <string>
#include <vector>

namespace otelconsole {

/// A core/v1 Event about the collector's workload or one of its pods: FailedScheduling, BackOff,
/// OOMKilling, Unhealthy, Pulled...
struct ClusterEvent {
    std::string type; ///< Normal or Warning
    std::string reason;
    std::string message;
    int count = 1;
    std::string lastTimestamp; ///< RFC 3339; eventTime or firstTimestamp when lastTimestamp is absent
    std::string objectKind;    ///< involvedObject.kind
    std::string objectName;    ///< involvedObject.name

    [[nodiscard]] static ClusterEvent fromJson(const Json &event);

    /// The events of `eventList` whose involved object is one of `objects` (kind, name), oldest first.
    [[nodiscard]] static std::vector<ClusterEvent>
    about(const Json &eventList, const std::vector<std::pair<std::string, std::string>> &objects);
};

} // namespace otelconsole
