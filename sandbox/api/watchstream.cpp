// SPDX-License-Identifier: Apache-2.0
#include "api/watchstream.h"

#include "api/jsonpath.h"
#include "api/statuserror.h"
#include "store/objectstore.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

} // namespace

WatchStream::WatchStream(Setup setup)
    : m_setup(std::move(setup))
    , m_cursor(m_setup.startVersion)
    , m_lastSent(SteadyClock::now()) {}

std::string WatchStream::expiredLine(std::uint64_t requested, std::uint64_t oldest) {
    const StatusError error = StatusError::expired("too old resource version: " + std::to_string(requested)
                                                   + " (" + std::to_string(oldest) + ")");
    return nlohmann::json{{"type", "ERROR"}, {"object", error.toJson()}}.dump() + "\n";
}

bool WatchStream::inScope(const ObjectPtr &object) const {
    if (!object) {
        return false;
    }
    if (!m_setup.ns.empty() && JsonPath::string(object->object, "metadata.namespace") != m_setup.ns) {
        return false;
    }
    return m_setup.options.matches(object->object);
}

void WatchStream::appendLine(const char *type, const ObjectPtr &object, std::string &chunk) const {
    chunk += R"({"type":")";
    chunk += type;
    chunk += R"(","object":)";
    chunk += m_setup.formatter ? m_setup.formatter(object) : object->text;
    chunk += "}\n";
}

void WatchStream::appendEvent(const StoreEvent &event, std::string &chunk) const {
    const bool now = inScope(event.object);
    switch (event.type) {
    case StoreEventType::Added:
        if (now) {
            appendLine("ADDED", event.object, chunk);
        }
        break;
    case StoreEventType::Deleted:
        if (now) {
            appendLine("DELETED", event.object, chunk);
        }
        break;
    case StoreEventType::Modified: {
        // An object moving into or out of the selection looks like an add or a delete to this watcher.
        const bool before = inScope(event.previous);
        if (before && now) {
            appendLine("MODIFIED", event.object, chunk);
        } else if (now) {
            appendLine("ADDED", event.object, chunk);
        } else if (before) {
            appendLine("DELETED", event.object, chunk);
        }
        break;
    }
    }
}

std::string WatchStream::bookmarkLine(bool initialEventsEnd) const {
    nlohmann::json metadata{{"resourceVersion", std::to_string(m_cursor)}};
    if (initialEventsEnd) {
        metadata["annotations"] = {{"k8s.io/initial-events-end", "true"}};
    }
    const nlohmann::json event{
        {"type", "BOOKMARK"},
        {"object", {{"kind", m_setup.kind}, {"apiVersion", m_setup.apiVersion}, {"metadata", metadata}}}};
    return event.dump() + "\n";
}

bool WatchStream::next(std::string &chunk) {
    if (!m_initialSent) {
        m_initialSent = true;
        for (const auto &object : m_setup.initialObjects) {
            if (inScope(object)) {
                appendLine("ADDED", object, chunk);
            }
        }
        m_setup.initialObjects.clear();
        if (m_setup.options.sendInitialEvents && m_setup.options.allowBookmarks) {
            chunk += bookmarkLine(true);
        }
        if (!chunk.empty()) {
            m_lastSent = SteadyClock::now();
            return true;
        }
    }

    const auto now = SteadyClock::now();
    if (m_setup.store->isShutDown() || now >= m_setup.deadline) {
        return false;
    }
    const std::uint64_t upTo = m_setup.store->resourceVersion();
    auto events = m_setup.store->eventsSince(m_cursor, m_setup.resource);
    if (!events) {
        chunk += expiredLine(events.error().requested, events.error().oldest);
        return false;
    }
    for (const auto &event : *events) {
        m_cursor = std::max(m_cursor, event.resourceVersion);
        appendEvent(event, chunk);
    }
    m_cursor = std::max(m_cursor, upTo);
    if (!chunk.empty()) {
        m_lastSent = now;
        return true;
    }

    const auto bookmarkDue = m_lastSent + m_setup.bookmarkInterval;
    if (m_setup.options.allowBookmarks && now >= bookmarkDue) {
        chunk += bookmarkLine(false);
        m_lastSent = now;
        return true;
    }
    auto wait =
        std::min({milliseconds(1000), std::chrono::duration_cast<milliseconds>(m_setup.deadline - now)});
    if (m_setup.options.allowBookmarks) {
        wait = std::min(wait, std::chrono::duration_cast<milliseconds>(bookmarkDue - now) + milliseconds(1));
    }
    m_setup.store->waitForChange(m_cursor, std::max(wait, milliseconds(1)));
    return true;
}

} // namespace otelconsole::sandbox
