// SPDX-License-Identifier: Apache-2.0
#include "api/objectdeleter.h"

#include "api/jsonpath.h"
#include "store/clock.h"
#include "store/objectstore.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

bool hasFinalizers(const json &object) {
    const json *finalizers = JsonPath::find(object, "metadata.finalizers");
    return finalizers && finalizers->is_array() && !finalizers->empty();
}

ObjectPtr dryRunCopy(const json &object) {
    auto copy = std::make_shared<StoredObject>();
    copy->object = object;
    copy->text = object.dump();
    return copy;
}

} // namespace

ObjectDeleter::ObjectDeleter(ObjectStore &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock) {}

ApiResult<DeleteOutcome> ObjectDeleter::remove(const ResourceType &type, const std::string &ns,
                                               const std::string &name, const DeleteOptions &options) {
    const ObjectPtr current = m_store.get(type.storageKey(), ns, name);
    if (!current) {
        return std::unexpected(StatusError::notFound(type.groupResource(), name));
    }
    const std::string uid = JsonPath::string(current->object, "metadata.uid");
    if (!options.preconditionUid.empty() && options.preconditionUid != uid) {
        return std::unexpected(
            StatusError::conflict(type.groupResource(), name,
                                  "Precondition failed: UID in precondition: " + options.preconditionUid
                                      + ", UID in object meta: " + uid));
    }
    if (!options.preconditionResourceVersion.empty()
        && options.preconditionResourceVersion != std::to_string(current->resourceVersion)) {
        return std::unexpected(StatusError::conflict(
            type.groupResource(), name,
            "Precondition failed: ResourceVersion in precondition: " + options.preconditionResourceVersion
                + ", ResourceVersion in object meta: " + std::to_string(current->resourceVersion)));
    }

    if (type.kind == "Namespace") {
        // The namespace controller empties it and removes it; until then it is Terminating.
        return markForDeletion(type, current, {}, options);
    }
    if (JsonPath::find(current->object, "metadata.deletionTimestamp")) {
        return DeleteOutcome{current, false};
    }
    if (options.propagationPolicy == "Foreground") {
        return markForDeletion(type, current, "foregroundDeletion", options);
    }
    if (options.propagationPolicy == "Orphan") {
        return markForDeletion(type, current, "orphan", options);
    }
    if (hasFinalizers(current->object)) {
        return markForDeletion(type, current, {}, options);
    }
    if (options.dryRun) {
        return DeleteOutcome{current, true};
    }
    auto removed = m_store.remove(type.storageKey(), ns, name, current->resourceVersion);
    if (!removed) {
        return std::unexpected(StatusError::staleUpdate(type.groupResource(), name));
    }
    return DeleteOutcome{*removed, true};
}

ApiResult<DeleteOutcome> ObjectDeleter::markForDeletion(const ResourceType &type, const ObjectPtr &current,
                                                        const std::string &finalizer,
                                                        const DeleteOptions &options) {
    json object = current->object;
    json &metadata = object["metadata"];
    if (!metadata.contains("deletionTimestamp")) {
        metadata["deletionTimestamp"] = m_clock.nowRfc3339();
        metadata["deletionGracePeriodSeconds"] = 0;
    }
    if (!finalizer.empty()) {
        json &finalizers = metadata["finalizers"];
        if (!finalizers.is_array()) {
            finalizers = json::array();
        }
        if (std::find(finalizers.begin(), finalizers.end(), finalizer) == finalizers.end()) {
            finalizers.push_back(finalizer);
        }
    }
    if (type.kind == "Namespace") {
        object["status"]["phase"] = "Terminating";
    }
    if (options.dryRun) {
        return DeleteOutcome{dryRunCopy(object), false};
    }
    auto updated = m_store.update(type.storageKey(), std::move(object), current->resourceVersion);
    if (!updated) {
        return std::unexpected(StatusError::staleUpdate(type.groupResource(),
                                                        JsonPath::string(current->object, "metadata.name")));
    }
    return DeleteOutcome{*updated, false};
}

bool ObjectDeleter::finishIfUnblocked(const ResourceType &type, const ObjectPtr &object) {
    if (!object || !JsonPath::find(object->object, "metadata.deletionTimestamp")
        || hasFinalizers(object->object) || type.kind == "Namespace") {
        return false;
    }
    return m_store
        .remove(type.storageKey(), JsonPath::string(object->object, "metadata.namespace"),
                JsonPath::string(object->object, "metadata.name"), object->resourceVersion)
        .has_value();
}

} // namespace otelconsole::sandbox
