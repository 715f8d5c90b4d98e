// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controllers/workqueue.h"
#include "store/storedobject.h"

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace otelconsole::sandbox {

class ObjectDeleter;
class ObjectStore;
class ResourceRegistry;

/// The garbage collector: follows ownerReferences. When an owner disappears its dependents are
/// deleted (background propagation); an owner held by the foregroundDeletion finalizer goes once its
/// dependents are gone; the orphan finalizer strips the owner reference from dependents instead.
class GarbageCollector {
public:
    GarbageCollector(ObjectStore &store, const ResourceRegistry &registry, ObjectDeleter &deleter);
    ~GarbageCollector();

    GarbageCollector(const GarbageCollector &) = delete;
    GarbageCollector &operator=(const GarbageCollector &) = delete;

    void stop();

    /// Waits until queued collection work is done; for tests.
    bool waitIdle(std::chrono::milliseconds timeout) { return m_queue.waitIdle(timeout); }

private:
    struct Key {
        std::string resource;
        std::string ns;
        std::string name;
        auto operator<=>(const Key &) const = default;
    };

    void observe(const StoreEvent &event);
    void index(const Key &key, const std::string &uid, const std::vector<std::string> &owners);
    void unindex(const Key &key, const std::string &uid);
    std::vector<Key> dependentsOf(const std::string &uid);
    bool exists(const std::string &uid);

    void collectDependentsOf(const std::string &uid);
    void finishForeground(const Key &owner);
    void finishOrphan(const Key &owner);
    bool removeFinalizer(const Key &owner, const std::string &finalizer);
    void dropOwnerReference(const Key &dependent, const std::string &ownerUid);

    ObjectStore &m_store;
    const ResourceRegistry &m_registry;
    ObjectDeleter &m_deleter;
    int m_subscription = 0;

    std::mutex m_mutex;
    std::map<std::string, Key> m_byUid;
    std::map<std::string, std::set<Key>> m_dependents;
    std::map<Key, std::vector<std::string>> m_owners;

    WorkQueue m_queue;
};

} // namespace otelconsole::sandbox
