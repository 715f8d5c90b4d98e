// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace otelconsole::sandbox {

/// One version of an object as the store holds it. Immutable once stored, so readers share it
/// without copying and without holding the store's lock.
struct StoredObject {
    nlohmann::json object;
    /// The object serialized once at write time; every GET, list and watch event reuses it.
    std::string text;
    std::uint64_t resourceVersion = 0;
};

using ObjectPtr = std::shared_ptr<const StoredObject>;

enum class StoreEventType { Added, Modified, Deleted };

/// One committed change, in resourceVersion order.
struct StoreEvent {
    StoreEventType type = StoreEventType::Added;
    std::string resource; ///< storage key of the resource type, e.g. "deployments.apps"
    std::string ns;
    std::string name;
    std::uint64_t resourceVersion = 0;
    ObjectPtr object;   ///< the new state; for Deleted, the last state stamped with the deletion's version
    ObjectPtr previous; ///< the state before the change, null for Added
    std::chrono::system_clock::time_point time;
};

/// "ADDED", "MODIFIED" or "DELETED", as watch events spell it.
inline const char *watchEventName(StoreEventType type) {
    switch (type) {
    case StoreEventType::Added:
        return "ADDED";
    case StoreEventType::Modified:
        return "MODIFIED";
    case StoreEventType::Deleted:
        return "DELETED";
    }
    return "MODIFIED";
}

} // namespace otelconsole::sandbox
