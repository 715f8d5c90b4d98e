// SPDX-License-Identifier: Apache-2.0
#include "api/serversideapply.h"

#include "api/objectschema.h"

#include <algorithm>
#include <map>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

json mergeList(const json &live, const json &intent, std::vector<std::string> &schemaPath,
               const std::string &kind) {
    const ListShape shape = ObjectSchema::listShape(schemaPath, kind);
    if (shape.type == ListShape::Type::Atomic) {
        return intent;
    }
    json result = live;
    for (const auto &item : intent) {
        const std::string element = ObjectSchema::itemElement(item, shape);
        auto match = std::find_if(result.begin(), result.end(), [&](const json &existing) {
            return ObjectSchema::itemElement(existing, shape) == element;
        });
        if (match == result.end()) {
            result.push_back(item);
        } else if (shape.type == ListShape::Type::Map) {
            *match = ServerSideApply::merge(*match, item, schemaPath, kind);
        }
    }
    return result;
}

bool ownedByOthers(const std::vector<ManagerEntry> &entries, const ManagerEntry &applier,
                   const FieldSet::Path &path) {
    return std::any_of(entries.begin(), entries.end(), [&](const ManagerEntry &entry) {
        return !entry.sameOwner(applier) && (entry.fields.contains(path) || entry.fields.hasDescendant(path));
    });
}

// A key field of a list item ("name" under k:{"name":...}) stays while the item stays.
bool isItemKeyField(const FieldSet::Path &path) {
    if (path.size() < 2 || !path.back().starts_with("f:") || !path[path.size() - 2].starts_with("k:")) {
        return false;
    }
    const json key = json::parse(path[path.size() - 2].substr(2), nullptr, false);
    return key.is_object() && key.contains(path.back().substr(2));
}

bool isEmptyContainer(const json *value) {
    return value && (value->is_object() || value->is_array()) && value->empty();
}

} // namespace

json ServerSideApply::merge(const json &live, const json &intent, std::vector<std::string> &schemaPath,
                            const std::string &kind) {
    if (intent.is_object() && live.is_object() && !ObjectSchema::isAtomicMap(schemaPath, kind)) {
        json result = live;
        for (const auto &[key, value] : intent.items()) {
            if (value.is_null()) {
                result.erase(key);
                continue;
            }
            schemaPath.push_back(key);
            result[key] = live.contains(key) ? merge(live[key], value, schemaPath, kind) : value;
            schemaPath.pop_back();
        }
        return result;
    }
    if (intent.is_array() && live.is_array()) {
        return mergeList(live, intent, schemaPath, kind);
    }
    return intent;
}

ApiResult<json> ServerSideApply::apply(const ResourceType &type, const json *live, const json &intent,
                                       const WriteIdentity &applier, bool force) {
    const FieldSet::Scope scope = ManagedFields::scopeFor(applier.subresource, type.hasStatusSubresource);
    json cleanIntent = intent;
    if (scope == FieldSet::Scope::Main) {
        cleanIntent.erase("status");
    }
    const ManagerEntry own{applier.manager,     "Apply",
                           applier.apiVersion,  applier.time,
                           applier.subresource, FieldSet::fromObject(cleanIntent, type.kind, scope)};

    std::vector<ManagerEntry> entries = live ? ManagedFields::read(*live) : std::vector<ManagerEntry>{};
    std::vector<std::string> schemaPath;
    json merged = merge(live ? *live : json::object(), cleanIntent, schemaPath, type.kind);
    if (live) {
        // Identity fields stay what they were; apply only ever changes content.
        merged["metadata"]["name"] = (*live)["metadata"]["name"];
    }

    const auto conflicts = findConflicts(entries, own, live, merged, type.kind);
    if (!conflicts.empty() && !force) {
        return std::unexpected(
            conflictError(type, merged["metadata"].value("name", std::string()), entries, conflicts));
    }
    for (const auto &conflict : conflicts) {
        entries[conflict.entry].fields.erase(conflict.path);
    }

    auto previous =
        std::find_if(entries.begin(), entries.end(), [&](const ManagerEntry &e) { return e.sameOwner(own); });
    if (previous != entries.end()) {
        prune(merged, previous->fields.minus(own.fields), entries, own, type.kind);
        // Re-applying the same intent must leave the object untouched, timestamp included.
        const std::string time = previous->fields.paths() == own.fields.paths() ? previous->time : own.time;
        *previous = own;
        previous->time = time;
    } else {
        entries.push_back(own);
    }
    ManagedFields::write(merged, entries);
    return merged;
}

std::vector<ServerSideApply::Conflict>
ServerSideApply::findConflicts(const std::vector<ManagerEntry> &entries, const ManagerEntry &applier,
                               const json *live, const json &merged, const std::string &kind) {
    std::vector<Conflict> conflicts;
    if (!live) {
        return conflicts;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].sameOwner(applier)) {
            continue;
        }
        for (const auto &path : applier.fields.paths()) {
            if (!applier.fields.isLeaf(path) || !entries[i].fields.contains(path)) {
                continue;
            }
            const json *before = FieldSet::valueAt(*live, path, kind);
            const json *after = FieldSet::valueAt(merged, path, kind);
            // Setting a field to the value it already has is shared ownership, not a conflict.
            if (before && after && *before != *after) {
                conflicts.push_back({i, path});
            }
        }
    }
    return conflicts;
}

StatusError ServerSideApply::conflictError(const ResourceType &type, const std::string &name,
                                           const std::vector<ManagerEntry> &entries,
                                           const std::vector<Conflict> &conflicts) {
    std::vector<StatusCause> causes;
    for (const auto &conflict : conflicts) {
        causes.push_back({"FieldManagerConflict", "conflict with " + entries[conflict.entry].describe(),
                          FieldSet::toString(conflict.path)});
    }
    std::string message;
    if (conflicts.size() == 1) {
        message = "Apply failed with 1 conflict: conflict with " + entries[conflicts[0].entry].describe()
                  + ": " + FieldSet::toString(conflicts[0].path);
    } else {
        std::map<std::string, std::vector<std::string>> byManager;
        for (const auto &conflict : conflicts) {
            byManager[entries[conflict.entry].describe()].push_back(FieldSet::toString(conflict.path));
        }
        message = "Apply failed with " + std::to_string(conflicts.size()) + " conflicts: ";
        bool first = true;
        for (const auto &[manager, paths] : byManager) {
            message += (first ? "" : "\n") + std::string("conflicts with ") + manager + ":";
            first = false;
            for (const auto &path : paths) {
                message += "\n- " + path;
            }
        }
    }
    StatusError error(409, "Conflict", message);
    error.withDetails(type.groupResource(), name);
    error.withCauses(causes);
    return error;
}

void ServerSideApply::prune(json &merged, const FieldSet &dropped, const std::vector<ManagerEntry> &entries,
                            const ManagerEntry &applier, const std::string &kind) {
    // Shallowest paths first: a list item goes as a whole before its fields would be looked at,
    // and removing its key fields first would leave it unfindable.
    std::vector<FieldSet::Path> paths(dropped.paths().begin(), dropped.paths().end());
    std::stable_sort(paths.begin(), paths.end(),
                     [](const auto &a, const auto &b) { return a.size() < b.size(); });
    for (const auto &path : paths) {
        if (isItemKeyField(path) || ownedByOthers(entries, applier, path) || applier.fields.contains(path)
            || applier.fields.hasDescendant(path) || !FieldSet::valueAt(merged, path, kind)) {
            continue;
        }
        FieldSet::removeAt(merged, path, kind);
        // Drop maps the removal emptied, unless somebody still owns them as such.
        FieldSet::Path parent(path.begin(), path.end() - 1);
        while (parent.size() > 1 && isEmptyContainer(FieldSet::valueAt(merged, parent, kind))
               && !ownedByOthers(entries, applier, parent) && !applier.fields.contains(parent)) {
            FieldSet::removeAt(merged, parent, kind);
            parent.pop_back();
        }
    }
}

} // namespace otelconsole::sandbox
