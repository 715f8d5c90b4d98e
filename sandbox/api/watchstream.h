// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/apiresponse.h"
#include "api/listoptions.h"
#include "store/storedobject.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

class ObjectStore;

/// One watch: newline-delimited `{"type":...,"object":...}` events of one resource type, filtered
/// by namespace and selectors, starting from a resourceVersion (or from a synthetic ADDED per
/// existing object), with BOOKMARK events when asked for, an in-stream 410 ERROR when the client
/// falls out of the history window, and a clean end at its deadline.
class WatchStream : public ResponseStream {
public:
    /// Renders an object for an event; the default writes the stored JSON as is.
    using Formatter = std::function<std::string(const ObjectPtr &object)>;

    struct Setup {
        const ObjectStore *store = nullptr;
        std::string resource; ///< store key
        std::string ns;       ///< empty: all namespaces
        std::string kind;
        std::string apiVersion;
        ListOptions options;
        std::uint64_t startVersion = 0;
        std::vector<ObjectPtr> initialObjects; ///< sent as ADDED first
        std::chrono::steady_clock::time_point deadline;
        std::chrono::milliseconds bookmarkInterval{60000};
        Formatter formatter;
    };

    explicit WatchStream(Setup setup);

    bool next(std::string &chunk) override;

    /// The in-stream ERROR event for a watch that fell behind the history window.
    static std::string expiredLine(std::uint64_t requested, std::uint64_t oldest);

private:
    [[nodiscard]] bool inScope(const ObjectPtr &object) const;
    void appendEvent(const StoreEvent &event, std::string &chunk) const;
    void appendLine(const char *type, const ObjectPtr &object, std::string &chunk) const;
    [[nodiscard]] std::string bookmarkLine(bool initialEventsEnd) const;

    Setup m_setup;
    std::uint64_t m_cursor;
    std::chrono::steady_clock::time_point m_lastSent;
    bool m_initialSent = false;
};

} // namespace otelconsole::sandbox
