// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/managedfields.h"
#include "api/resourcetype.h"
#include "api/statuserror.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Server-side apply: merges a manager's intent into the live object, tracks which manager owns
/// which field, refuses to overwrite another manager's value (409 with FieldManagerConflict causes)
/// unless forced, and removes fields the manager stopped applying when nobody else owns them.
class ServerSideApply {
public:
    /// `live` is null when the object does not exist yet. Returns the merged object with its
    /// managedFields updated; defaulting and validation are the caller's business.
    static ApiResult<nlohmann::json> apply(const ResourceType &type, const nlohmann::json *live,
                                           const nlohmann::json &intent, const WriteIdentity &applier,
                                           bool force);

    /// Merges `intent` into `live` the way apply does: maps field by field, keyed lists item by item.
    static nlohmann::json merge(const nlohmann::json &live, const nlohmann::json &intent,
                                std::vector<std::string> &schemaPath, const std::string &kind);

private:
    struct Conflict {
        std::size_t entry;
        FieldSet::Path path;
    };

    static std::vector<Conflict> findConflicts(const std::vector<ManagerEntry> &entries,
                                               const ManagerEntry &applier, const nlohmann::json *live,
                                               const nlohmann::json &merged, const std::string &kind);
    static StatusError conflictError(const ResourceType &type, const std::string &name,
                                     const std::vector<ManagerEntry> &entries,
                                     const std::vector<Conflict> &conflicts);
    static void prune(nlohmann::json &merged, const FieldSet &dropped,
                      const std::vector<ManagerEntry> &entries, const ManagerEntry &applier,
                      const std::string &kind);
};

} // namespace otelconsole::sandbox
