// SPDX-License-Identifier: Apache-2.0
#include "deploy/clusterevent.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

Json event(const std::string &kind, const std::string &name, const std::string &reason,
           const std::string &time) {
    return {
        {"type", "Warning"}, {"reason", reason},      {"message", reason + " happened"},
        {"count", 2},        {"lastTimestamp", time}, {"involvedObject", {{"kind", kind}, {"name", name}}}};
}

TEST(ClusterEvent, About_KeepsOnlyEventsOfTheGivenObjectsOldestFirst) {
    const Json list = {{"items",
                        {event("Pod", "gw-1", "BackOff", "2026-05-01T10:00:05Z"),
                         event("Pod", "other", "Pulled", "2026-05-01T10:00:01Z"),
                         event("Deployment", "gw", "ScalingReplicaSet", "2026-05-01T10:00:00Z")}}};

    const std::vector<ClusterEvent> events =
        ClusterEvent::about(list, {{"Deployment", "gw"}, {"Pod", "gw-1"}});

    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].reason, "ScalingReplicaSet");
    EXPECT_EQ(events[1].reason, "BackOff");
    EXPECT_EQ(events[1].count, 2);
    EXPECT_EQ(events[1].message, "BackOff happened");
}

TEST(ClusterEvent, MissingLastTimestamp_FallsBackToEventTime) {
    const Json item = {{"reason", "FailedScheduling"}, {"eventTime", "2026-05-01T10:00:00.000000Z"}};

    EXPECT_EQ(ClusterEvent::fromJson(item).lastTimestamp, "2026-05-01T10:00:00.000000Z");
}

} // namespace
