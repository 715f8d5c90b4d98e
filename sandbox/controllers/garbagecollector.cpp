// SPDX-License-Identifier: Apache-2.0
#include "controllers/garbagecollector.h"

#include "api/jsonpath.h"
#include "api/objectdeleter.h"
#include "api/resourceregistry.h"
#include "sandboxlogging.h"
#include "store/objectstore.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

std::vector<std::string> ownerUids(const json &object) {
    std::vector<std::string> uids;
    const json *references = JsonPath::find(object, "metadata.ownerReferences");
    if (references && references->is_array()) {
        for (const auto &reference : *references) {
            if (reference.is_object() && reference.contains("uid") && reference["uid"].is_string()) {
                uids.push_back(reference["uid"].get<std::string>());
            }
        }
    }
    return uids;
}

bool hasFinalizer(const json &object, const std::string &finalizer) {
    const json *finalizers = JsonPath::find(object, "metadata.finalizers");
    return finalizers && finalizers->is_array()
           && std::find(finalizers->begin(), finalizers->end(), finalizer) != finalizers->end();
}

} // namespace

GarbageCollector::GarbageCollector(ObjectStore &store, const ResourceRegistry &registry,
                                   ObjectDeleter &deleter)
    : m_store(store)
    , m_registry(registry)
    , m_deleter(deleter) {
    m_subscription = m_store.subscribe([this](const StoreEvent &event) { observe(event); });
}

GarbageCollector::~GarbageCollector() {
    stop();
}

void GarbageCollector::stop() {
    if (m_subscription) {
        m_store.unsubscribe(m_subscription);
        m_subscription = 0;
    }
    m_queue.stop();
}

void GarbageCollector::observe(const StoreEvent &event) {
    const json &object = event.object->object;
    const Key key{event.resource, event.ns, event.name};
    const std::string uid = JsonPath::string(object, "metadata.uid");
    if (event.type == StoreEventType::Deleted) {
        const auto owners = ownerUids(object);
        unindex(key, uid);
        m_queue.post([this, uid] { collectDependentsOf(uid); });
        // A dependent going away may be what a foreground deletion of its owner waits for.
        for (const auto &owner : owners) {
            std::lock_guard lock(m_mutex);
            if (const auto found = m_byUid.find(owner); found != m_byUid.end()) {
                const Key ownerKey = found->second;
                m_queue.post([this, ownerKey] { finishForeground(ownerKey); });
            }
        }
        return;
    }
    index(key, uid, ownerUids(object));
    if (JsonPath::find(object, "metadata.deletionTimestamp")) {
        if (hasFinalizer(object, "foregroundDeletion")) {
            m_queue.post([this, key] { finishForeground(key); });
        }
        if (hasFinalizer(object, "orphan")) {
            m_queue.post([this, key] { finishOrphan(key); });
        }
    }
}

void GarbageCollector::index(const Key &key, const std::string &uid, const std::vector<std::string> &owners) {
    std::lock_guard lock(m_mutex);
    m_byUid[uid] = key;
    auto &known = m_owners[key];
    for (const auto &previous : known) {
        m_dependents[previous].erase(key);
    }
    known = owners;
    for (const auto &owner : owners) {
        m_dependents[owner].insert(key);
    }
}

void GarbageCollector::unindex(const Key &key, const std::string &uid) {
    std::lock_guard lock(m_mutex);
    m_byUid.erase(uid);
    if (const auto found = m_owners.find(key); found != m_owners.end()) {
        for (const auto &owner : found->second) {
            m_dependents[owner].erase(key);
        }
        m_owners.erase(found);
    }
}

std::vector<GarbageCollector::Key> GarbageCollector::dependentsOf(const std::string &uid) {
    std::lock_guard lock(m_mutex);
    const auto found = m_dependents.find(uid);
    return found == m_dependents.end() ? std::vector<Key>{}
                                       : std::vector<Key>(found->second.begin(), found->second.end());
}

bool GarbageCollector::exists(const std::string &uid) {
    std::lock_guard lock(m_mutex);
    return m_byUid.contains(uid);
}

void GarbageCollector::collectDependentsOf(const std::string &uid) {
    for (const auto &dependent : dependentsOf(uid)) {
        const ObjectPtr object = m_store.get(dependent.resource, dependent.ns, dependent.name);
        const ResourceType *type = m_registry.findByStorageKey(dependent.resource);
        if (!object || !type) {
            continue;
        }
        const auto owners = ownerUids(object->object);
        const bool otherOwnerLives = std::any_of(owners.begin(), owners.end(),
                                                 [&](const std::string &o) { return o != uid && exists(o); });
        if (otherOwnerLives) {
            dropOwnerReference(dependent, uid);
            continue;
        }
        qCDebug(lcSandboxControllers) << "collecting" << dependent.resource.c_str() << dependent.name.c_str();
        (void)m_deleter.remove(*type, dependent.ns, dependent.name, DeleteOptions{});
    }
    std::lock_guard lock(m_mutex);
    if (const auto found = m_dependents.find(uid); found != m_dependents.end() && found->second.empty()) {
        m_dependents.erase(found);
    }
}

void GarbageCollector::finishForeground(const Key &owner) {
    const ObjectPtr object = m_store.get(owner.resource, owner.ns, owner.name);
    if (!object || !hasFinalizer(object->object, "foregroundDeletion")
        || !JsonPath::find(object->object, "metadata.deletionTimestamp")) {
        return;
    }
    const auto dependents = dependentsOf(JsonPath::string(object->object, "metadata.uid"));
    if (dependents.empty()) {
        removeFinalizer(owner, "foregroundDeletion");
        return;
    }
    for (const auto &dependent : dependents) {
        if (const ResourceType *type = m_registry.findByStorageKey(dependent.resource)) {
            DeleteOptions options;
            options.propagationPolicy = "Foreground";
            (void)m_deleter.remove(*type, dependent.ns, dependent.name, options);
        }
    }
}

void GarbageCollector::finishOrphan(const Key &owner) {
    const ObjectPtr object = m_store.get(owner.resource, owner.ns, owner.name);
    if (!object || !hasFinalizer(object->object, "orphan")) {
        return;
    }
    const std::string uid = JsonPath::string(object->object, "metadata.uid");
    for (const auto &dependent : dependentsOf(uid)) {
        dropOwnerReference(dependent, uid);
    }
    removeFinalizer(owner, "orphan");
}

bool GarbageCollector::removeFinalizer(const Key &owner, const std::string &finalizer) {
    const ResourceType *type = m_registry.findByStorageKey(owner.resource);
    for (int attempt = 0; attempt < 5 && type; ++attempt) {
        const ObjectPtr object = m_store.get(owner.resource, owner.ns, owner.name);
        if (!object) {
            return false;
        }
        json updated = object->object;
        json &finalizers = updated["metadata"]["finalizers"];
        if (!finalizers.is_array()) {
            return false;
        }
        finalizers.erase(std::remove(finalizers.begin(), finalizers.end(), finalizer), finalizers.end());
        if (finalizers.empty()) {
            updated["metadata"].erase("finalizers");
        }
        if (auto stored = m_store.update(owner.resource, std::move(updated), object->resourceVersion)) {
            m_deleter.finishIfUnblocked(*type, *stored);
            return true;
        }
    }
    return false;
}

void GarbageCollector::dropOwnerReference(const Key &dependent, const std::string &ownerUid) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        const ObjectPtr object = m_store.get(dependent.resource, dependent.ns, dependent.name);
        if (!object) {
            return;
        }
        json updated = object->object;
        json &references = updated["metadata"]["ownerReferences"];
        if (!references.is_array()) {
            return;
        }
        references.erase(
            std::remove_if(references.begin(), references.end(),
                           [&](const json &r) { return r.value("uid", std::string()) == ownerUid; }),
            references.end());
        if (references.empty()) {
            updated["metadata"].erase("ownerReferences");
        }
        if (m_store.update(dependent.resource, std::move(updated), object->resourceVersion)) {
            return;
        }
    }
}

} // namespace otelconsole::sandbox
