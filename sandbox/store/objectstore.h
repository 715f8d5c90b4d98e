// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store/clock.h"
#include "store/eventhistory.h"
#include "store/storedobject.h"
#include "store/storeerror.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace otelconsole::sandbox {

/// The cluster's state: objects by resource type, namespace and name, one cluster-wide increasing
/// resourceVersion, and the event history that watches resume from.
///
/// It is the single write path: the HTTP verbs and the in-process controllers both go through it.
/// The store stamps uid, creationTimestamp and resourceVersion; everything else (defaulting,
/// validation, managed fields, RBAC) happens before an object reaches it. Thread-safe.
class ObjectStore {
public:
    using Listener = std::function<void(const StoreEvent &)>;

    struct ListSnapshot {
        std::vector<ObjectPtr> items; ///< ordered by namespace, then name, as etcd keys sort
        std::uint64_t resourceVersion = 0;
    };

    ObjectStore(const Clock &clock, std::chrono::seconds historyWindow,
                std::size_t maxHistoryEvents = 200000);

    [[nodiscard]] ObjectPtr get(const std::string &resource, const std::string &ns,
                                const std::string &name) const;

    /// Every object of `resource` in `ns`, or in all namespaces when `ns` is empty.
    [[nodiscard]] ListSnapshot list(const std::string &resource, const std::string &ns = {}) const;

    [[nodiscard]] std::size_t count(const std::string &resource) const;

    /// Stores a new object; fills metadata.uid and creationTimestamp when absent.
    StoreResult<ObjectPtr> create(const std::string &resource, nlohmann::json object);

    /// Replaces an existing object. A non-zero `expectedVersion` must equal the stored version.
    StoreResult<ObjectPtr> update(const std::string &resource, nlohmann::json object,
                                  std::uint64_t expectedVersion = 0);

    /// Removes an object for good. A non-zero `expectedVersion` must equal the stored version.
    StoreResult<ObjectPtr> remove(const std::string &resource, const std::string &ns, const std::string &name,
                                  std::uint64_t expectedVersion = 0);

    [[nodiscard]] std::uint64_t resourceVersion() const;

    /// The newest version no longer covered by the event history.
    [[nodiscard]] std::uint64_t compactedRevision() const;

    /// Committed events of `resource` (all when empty) newer than `after`, or Expired.
    [[nodiscard]] StoreResult<std::vector<StoreEvent>> eventsSince(std::uint64_t after,
                                                                   const std::string &resource) const;

    /// Blocks until something newer than `after` is committed, the timeout passes or the store shuts
    /// down. Returns true when there is something new.
    bool waitForChange(std::uint64_t after, std::chrono::milliseconds timeout) const;

    /// Calls `listener` after every commit, in commit order, on the writing thread. The listener must
    /// be quick and must not write to the store (queue the work instead); it runs while later
    /// commits wait for it.
    int subscribe(Listener listener);
    void unsubscribe(int id);

    /// Wakes every waiter for good; used when the server stops.
    void shutdown();
    [[nodiscard]] bool isShutDown() const;

    /// A random RFC 4122 version 4 UUID.
    [[nodiscard]] std::string newUid();

private:
    using Namespaces = std::map<std::string, std::map<std::string, ObjectPtr>>;

    struct Key {
        std::string ns;
        std::string name;
    };

    static Key keyOf(const nlohmann::json &object);
    ObjectPtr stamp(nlohmann::json object, std::uint64_t version) const;
    void commit(std::unique_lock<std::shared_mutex> &lock, StoreEvent event);

    const Clock &m_clock;
    mutable std::shared_mutex m_mutex;
    std::unordered_map<std::string, Namespaces> m_objects;
    std::uint64_t m_version = 0;
    EventHistory m_history;

    mutable std::mutex m_changeMutex;
    mutable std::condition_variable m_changed;
    bool m_shutDown = false;

    std::mutex m_listenerMutex;
    std::map<int, Listener> m_listeners;
    int m_nextListenerId = 1;

    std::mutex m_randomMutex;
    std::mt19937_64 m_random;
};

} // namespace otelconsole::sandbox
