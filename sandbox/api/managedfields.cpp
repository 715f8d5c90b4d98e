// SPDX-License-Identifier: Apache-2.0
#include "api/managedfields.h"

#include <algorithm>

namespace otelconsole::sandbox {

using nlohmann::json;

bool ManagerEntry::sameOwner(const ManagerEntry &other) const {
    return manager == other.manager && operation == other.operation && subresource == other.subresource
           && (operation == "Apply" || apiVersion == other.apiVersion);
}

std::string ManagerEntry::describe() const {
    const std::string quoted = json(manager).dump();
    return operation == "Update" ? quoted + " using " + apiVersion : quoted;
}

json ManagerEntry::toJson() const {
    json entry{{"manager", manager}, {"operation", operation},   {"apiVersion", apiVersion},
               {"time", time},       {"fieldsType", "FieldsV1"}, {"fieldsV1", fields.toFieldsV1()}};
    if (!subresource.empty()) {
        entry["subresource"] = subresource;
    }
    return entry;
}

std::vector<ManagerEntry> ManagedFields::read(const json &object) {
    std::vector<ManagerEntry> entries;
    if (!object.is_object() || !object.contains("metadata") || !object["metadata"].contains("managedFields")
        || !object["metadata"]["managedFields"].is_array()) {
        return entries;
    }
    for (const auto &entry : object["metadata"]["managedFields"]) {
        if (!entry.is_object()) {
            continue;
        }
        entries.push_back({entry.value("manager", std::string()), entry.value("operation", std::string()),
                           entry.value("apiVersion", std::string()), entry.value("time", std::string()),
                           entry.value("subresource", std::string()),
                           FieldSet::fromFieldsV1(entry.value("fieldsV1", json::object()))});
    }
    return entries;
}

void ManagedFields::write(json &object, const std::vector<ManagerEntry> &entries) {
    json list = json::array();
    for (const auto &entry : entries) {
        if (!entry.fields.empty()) {
            list.push_back(entry.toJson());
        }
    }
    if (list.empty()) {
        object["metadata"].erase("managedFields");
    } else {
        object["metadata"]["managedFields"] = list;
    }
}

FieldSet::Scope ManagedFields::scopeFor(const std::string &subresource, bool hasStatusSubresource) {
    if (subresource == "status") {
        return FieldSet::Scope::Status;
    }
    return hasStatusSubresource ? FieldSet::Scope::Main : FieldSet::Scope::Everything;
}

void ManagedFields::recordUpdate(const json *old, json &updated, const std::string &kind,
                                 FieldSet::Scope scope, const WriteIdentity &writer) {
    // TODO: managedFields sent by the client are ignored rather than honoured as a reset; clients
    // that clear ownership on purpose (rare) see no effect.
    std::vector<ManagerEntry> entries = old ? read(*old) : std::vector<ManagerEntry>{};
    const FieldSet before = old ? FieldSet::fromObject(*old, kind, scope) : FieldSet();
    const FieldSet after = FieldSet::fromObject(updated, kind, scope);

    const FieldSet removed = before.minus(after);
    FieldSet changed;
    for (const auto &path : after.paths()) {
        if (!before.contains(path)) {
            changed.insert(path);
        } else if (after.isLeaf(path)) {
            const json *was = FieldSet::valueAt(*old, path, kind);
            const json *is = FieldSet::valueAt(updated, path, kind);
            if (!was || !is || *was != *is) {
                changed.insert(path);
            }
        }
    }

    for (auto &entry : entries) {
        entry.fields = entry.fields.minus(removed).minus(changed);
    }
    if (!changed.empty()) {
        const ManagerEntry own{writer.manager, "Update",           writer.apiVersion,
                               writer.time,    writer.subresource, changed};
        auto existing = std::find_if(entries.begin(), entries.end(),
                                     [&](const ManagerEntry &e) { return e.sameOwner(own); });
        if (existing == entries.end()) {
            entries.push_back(own);
        } else {
            existing->fields = existing->fields.unionWith(changed);
            existing->time = writer.time;
        }
    }
    write(updated, entries);
}

} // namespace otelconsole::sandbox
