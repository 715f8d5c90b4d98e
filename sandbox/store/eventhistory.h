// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store/storedobject.h"
#include "store/storeerror.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <vector>

namespace otelconsole::sandbox {

/// The recent changes a watch can resume from: everything newer than the compacted revision. Older
/// events are dropped once they leave the time window or the history grows past its cap, which is
/// what makes a too-old resourceVersion answer 410 Expired. Not thread-safe; ObjectStore locks it.
class EventHistory {
public:
    EventHistory(std::chrono::seconds window, std::size_t maxEvents);

    void append(StoreEvent event);

    /// Drops events older than the window, measured against `now`.
    void expire(std::chrono::system_clock::time_point now);

    /// Events of `resource` (all resources when empty) newer than `after`, or Expired when events
    /// between `after` and now were already dropped.
    [[nodiscard]] StoreResult<std::vector<StoreEvent>> since(std::uint64_t after,
                                                             const std::string &resource) const;

    /// The newest version whose events are no longer available; resuming from it is still fine.
    [[nodiscard]] std::uint64_t compactedRevision() const { return m_compacted; }

private:
    void dropOldest();

    std::chrono::seconds m_window;
    std::size_t m_maxEvents;
    std::deque<StoreEvent> m_events;
    std::uint64_t m_compacted = 0;
};

} // namespace otelconsole::sandbox
