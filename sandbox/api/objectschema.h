// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// How a list merges: as a whole (atomic), item by item matched on key fields (map), or as a set
/// of scalar values.
struct ListShape {
    enum class Type { Atomic, Map, Set };
    Type type = Type::Atomic;
    std::vector<std::string> keys;
};

/// The little schema knowledge server-side apply and strategic merge patch need: which lists merge
/// by key, on which fields, and which maps are replaced as a whole. Field paths are the field names
/// from the object's root with list positions left out, e.g. {"spec","template","spec","containers"}.
class ObjectSchema {
public:
    static ListShape listShape(const std::vector<std::string> &path, const std::string &kind);

    /// Maps that are owned and replaced as a unit, such as label selectors.
    static bool isAtomicMap(const std::vector<std::string> &path, const std::string &kind);

    /// The key fields of a map-list item, with defaulted key fields (port protocol) filled in.
    static nlohmann::json itemKey(const nlohmann::json &item, const ListShape &shape);

    /// The managed-fields element for an item: `k:{"name":"app"}`, or `v:"x"` for sets.
    static std::string itemElement(const nlohmann::json &item, const ListShape &shape);
};

} // namespace otelconsole::sandbox
