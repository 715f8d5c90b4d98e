// SPDX-License-Identifier: Apache-2.0
#include "deploy/clusterevent.h"

#include <algorithm>

namespace otelconsole {

namespace {

std::string firstText(const Json &event, std::initializer_list<const char *> keys) {
    for (const char *key : keys) {
        const auto found = event.find(key);
        if (found != event.end() && found->is_string() && !found->get<std::string>().empty())
            return found->get<std::string>();
    }
    return {};
}

} // namespace

ClusterEvent ClusterEvent::fromJson(const Json &event) {
    ClusterEvent result;
    result.type = firstText(event, {"type"});
    result.reason = firstText(event, {"reason"});
    result.message = firstText(event, {"message"});
    const auto count = event.find("count");
    if (count != event.end() && count->is_number_integer())
        result.count = count->get<int>();
    result.lastTimestamp = firstText(event, {"lastTimestamp", "eventTime", "firstTimestamp"});
    const auto involved = event.find("involvedObject");
    if (involved != event.end() && involved->is_object()) {
        result.objectKind = firstText(*involved, {"kind"});
        result.objectName = firstText(*involved, {"name"});
    }
    return result;
}

std::vector<ClusterEvent>
ClusterEvent::about(const Json &eventList, const std::vector<std::pair<std::string, std::string>> &objects) {
    std::vector<ClusterEvent> events;
    const auto items = eventList.find("items");
    if (items == eventList.end() || !items->is_array())
        return events;
    for (const Json &item : *items) {
        ClusterEvent event = fromJson(item);
        const std::pair<std::string, std::string> subject{event.objectKind, event.objectName};
        if (std::ranges::find(objects, subject) != objects.end())
            events.push_back(std::move(event));
    }
    // RFC 3339 timestamps in UTC sort as text.
    std::ranges::stable_sort(events, {}, &ClusterEvent::lastTimestamp);
    return events;
}

} // namespace otelconsole
