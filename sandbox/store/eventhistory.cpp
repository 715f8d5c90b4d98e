// SPDX-License-Identifier: Apache-2.0
#include "store/eventhistory.h"

#include <algorithm>

namespace otelconsole::sandbox {

EventHistory::EventHistory(std::chrono::seconds window, std::size_t maxEvents)
    : m_window(window)
    , m_maxEvents(maxEvents) {}

void EventHistory::append(StoreEvent event) {
    m_events.push_back(std::move(event));
    while (m_events.size() > m_maxEvents) {
        dropOldest();
    }
}

void EventHistory::expire(std::chrono::system_clock::time_point now) {
    while (!m_events.empty() && now - m_events.front().time > m_window) {
        dropOldest();
    }
}

void EventHistory::dropOldest() {
    m_compacted = m_events.front().resourceVersion;
    m_events.pop_front();
}

StoreResult<std::vector<StoreEvent>> EventHistory::since(std::uint64_t after,
                                                         const std::string &resource) const {
    if (after < m_compacted) {
        return std::unexpected(StoreError{StoreErrorKind::Expired, after, m_compacted});
    }

    // Versions grow strictly, so the first newer event is found by binary search.
    const auto first =
        std::upper_bound(m_events.begin(), m_events.end(), after,
                         [](std::uint64_t rv, const StoreEvent &e) { return rv < e.resourceVersion; });
    std::vector<StoreEvent> events;
    for (auto it = first; it != m_events.end(); ++it) {
        if (resource.empty() || it->resource == resource) {
            events.push_back(*it);
        }
    }
    return events;
}

} // namespace otelconsole::sandbox
