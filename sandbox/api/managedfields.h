// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/fieldset.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Who is writing, for the managedFields entry the write produces.
struct WriteIdentity {
    std::string manager;
    std::string apiVersion;
    std::string subresource; ///< "", "status" or "scale"
    std::string time;        ///< RFC 3339
};

/// One metadata.managedFields entry.
struct ManagerEntry {
    std::string manager;
    std::string operation; ///< "Apply" or "Update"
    std::string apiVersion;
    std::string time;
    std::string subresource;
    FieldSet fields;

    /// Entries are told apart by manager, operation, subresource and, for updates, API version.
    [[nodiscard]] bool sameOwner(const ManagerEntry &other) const;

    /// How conflict messages name the owner: `"kubectl"` for appliers, `"kubectl" using apps/v1` for
    /// updaters.
    [[nodiscard]] std::string describe() const;

    [[nodiscard]] nlohmann::json toJson() const;
};

/// Field ownership bookkeeping in metadata.managedFields.
class ManagedFields {
public:
    static std::vector<ManagerEntry> read(const nlohmann::json &object);

    /// Stores `entries` (dropping empty ones) in the object's metadata.managedFields.
    static void write(nlohmann::json &object, const std::vector<ManagerEntry> &entries);

    /// Records a create, update or patch: the writer takes ownership of every field it added or
    /// changed, and fields that disappeared stop being owned by anyone.
    static void recordUpdate(const nlohmann::json *old, nlohmann::json &updated, const std::string &kind,
                             FieldSet::Scope scope, const WriteIdentity &writer);

    /// The scope of a write to the given subresource of a kind.
    static FieldSet::Scope scopeFor(const std::string &subresource, bool hasStatusSubresource);
};

} // namespace otelconsole::sandbox
