// SPDX-License-Identifier: Apache-2.0
#include "store/objectstore.h"

#include "sandboxlogging.h"

#include <cstdio>

namespace otelconsole::sandbox {

ObjectStore::ObjectStore(const Clock &clock, std::chrono::seconds historyWindow, std::size_t maxHistoryEvents)
    : m_clock(clock)
    , m_history(historyWindow, maxHistoryEvents)
    , m_random(std::random_device{}()) {}

ObjectStore::Key ObjectStore::keyOf(const nlohmann::json &object) {
    const auto &metadata = object.at("metadata");
    return Key{metadata.value("namespace", std::string()), metadata.value("name", std::string())};
}

ObjectPtr ObjectStore::stamp(nlohmann::json object, std::uint64_t version) const {
    object["metadata"]["resourceVersion"] = std::to_string(version);
    auto stored = std::make_shared<StoredObject>();
    stored->text = object.dump();
    stored->object = std::move(object);
    stored->resourceVersion = version;
    return stored;
}

ObjectPtr ObjectStore::get(const std::string &resource, const std::string &ns,
                           const std::string &name) const {
    std::shared_lock lock(m_mutex);
    const auto type = m_objects.find(resource);
    if (type == m_objects.end()) {
        return nullptr;
    }
    const auto space = type->second.find(ns);
    if (space == type->second.end()) {
        return nullptr;
    }
    const auto found = space->second.find(name);
    return found == space->second.end() ? nullptr : found->second;
}

ObjectStore::ListSnapshot ObjectStore::list(const std::string &resource, const std::string &ns) const {
    ListSnapshot snapshot;
    std::shared_lock lock(m_mutex);
    snapshot.resourceVersion = m_version;
    const auto type = m_objects.find(resource);
    if (type == m_objects.end()) {
        return snapshot;
    }
    for (const auto &[spaceName, objects] : type->second) {
        if (!ns.empty() && spaceName != ns) {
            continue;
        }
        for (const auto &[name, object] : objects) {
            snapshot.items.push_back(object);
        }
    }
    return snapshot;
}

std::size_t ObjectStore::count(const std::string &resource) const {
    std::shared_lock lock(m_mutex);
    const auto type = m_objects.find(resource);
    if (type == m_objects.end()) {
        return 0;
    }
    std::size_t total = 0;
    for (const auto &[spaceName, objects] : type->second) {
        total += objects.size();
    }
    return total;
}

StoreResult<ObjectPtr> ObjectStore::create(const std::string &resource, nlohmann::json object) {
    const Key key = keyOf(object);
    auto &metadata = object["metadata"];
    if (!metadata.contains("uid") || !metadata["uid"].is_string()
        || metadata["uid"].get<std::string>().empty()) {
        metadata["uid"] = newUid();
    }
    if (!metadata.contains("creationTimestamp") || !metadata["creationTimestamp"].is_string()) {
        metadata["creationTimestamp"] = m_clock.nowRfc3339();
    }

    std::unique_lock lock(m_mutex);
    auto &slot = m_objects[resource][key.ns][key.name];
    if (slot) {
        return std::unexpected(StoreError{StoreErrorKind::AlreadyExists});
    }
    slot = stamp(std::move(object), m_version + 1);
    ++m_version;
    const ObjectPtr stored = slot;
    commit(lock,
           StoreEvent{StoreEventType::Added, resource, key.ns, key.name, m_version, stored, nullptr, {}});
    return stored;
}

StoreResult<ObjectPtr> ObjectStore::update(const std::string &resource, nlohmann::json object,
                                           std::uint64_t expectedVersion) {
    const Key key = keyOf(object);
    std::unique_lock lock(m_mutex);
    auto type = m_objects.find(resource);
    if (type == m_objects.end() || !type->second.contains(key.ns)
        || !type->second[key.ns].contains(key.name)) {
        return std::unexpected(StoreError{StoreErrorKind::NotFound});
    }
    auto &slot = type->second[key.ns][key.name];
    if (expectedVersion != 0 && slot->resourceVersion != expectedVersion) {
        return std::unexpected(StoreError{StoreErrorKind::Conflict});
    }
    const ObjectPtr previous = slot;
    slot = stamp(std::move(object), m_version + 1);
    ++m_version;
    const ObjectPtr stored = slot;
    commit(lock,
           StoreEvent{StoreEventType::Modified, resource, key.ns, key.name, m_version, stored, previous, {}});
    return stored;
}

StoreResult<ObjectPtr> ObjectStore::remove(const std::string &resource, const std::string &ns,
                                           const std::string &name, std::uint64_t expectedVersion) {
    std::unique_lock lock(m_mutex);
    auto type = m_objects.find(resource);
    if (type == m_objects.end()) {
        return std::unexpected(StoreError{StoreErrorKind::NotFound});
    }
    auto space = type->second.find(ns);
    if (space == type->second.end() || !space->second.contains(name)) {
        return std::unexpected(StoreError{StoreErrorKind::NotFound});
    }
    const ObjectPtr previous = space->second[name];
    if (expectedVersion != 0 && previous->resourceVersion != expectedVersion) {
        return std::unexpected(StoreError{StoreErrorKind::Conflict});
    }
    space->second.erase(name);
    if (space->second.empty()) {
        type->second.erase(space);
    }
    ++m_version;
    // Watchers see the deleted object carrying the version of its deletion, as on a real server.
    const ObjectPtr last = stamp(previous->object, m_version);
    commit(lock, StoreEvent{StoreEventType::Deleted, resource, ns, name, m_version, last, previous, {}});
    return last;
}

void ObjectStore::commit(std::unique_lock<std::shared_mutex> &lock, StoreEvent event) {
    event.time = m_clock.now();
    m_history.expire(event.time);
    m_history.append(event);

    // Taking the listener lock before releasing the data lock keeps listeners in commit order.
    std::unique_lock listenerLock(m_listenerMutex);
    lock.unlock();
    { std::lock_guard changeLock(m_changeMutex); }
    m_changed.notify_all();
    for (const auto &[id, listener] : m_listeners) {
        listener(event);
    }
}

std::uint64_t ObjectStore::resourceVersion() const {
    std::shared_lock lock(m_mutex);
    return m_version;
}

std::uint64_t ObjectStore::compactedRevision() const {
    std::shared_lock lock(m_mutex);
    return m_history.compactedRevision();
}

StoreResult<std::vector<StoreEvent>> ObjectStore::eventsSince(std::uint64_t after,
                                                              const std::string &resource) const {
    std::shared_lock lock(m_mutex);
    return m_history.since(after, resource);
}

bool ObjectStore::waitForChange(std::uint64_t after, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_changeMutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_shutDown || resourceVersion() > after; })
           && !m_shutDown;
}

int ObjectStore::subscribe(Listener listener) {
    std::lock_guard lock(m_listenerMutex);
    const int id = m_nextListenerId++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void ObjectStore::unsubscribe(int id) {
    std::lock_guard lock(m_listenerMutex);
    m_listeners.erase(id);
}

void ObjectStore::shutdown() {
    {
        std::lock_guard lock(m_changeMutex);
        m_shutDown = true;
    }
    m_changed.notify_all();
}

bool ObjectStore::isShutDown() const {
    std::lock_guard lock(m_changeMutex);
    return m_shutDown;
}

std::string ObjectStore::newUid() {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    {
        std::lock_guard lock(m_randomMutex);
        high = m_random();
        low = m_random();
    }
    high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
    low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                  static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xffff),
                  static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xffffffffffffULL));
    return text;
}

} // namespace otelconsole::sandbox
