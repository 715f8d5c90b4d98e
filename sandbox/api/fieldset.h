// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// A set of field paths, as server-side apply tracks ownership. A path is a list of elements in
/// the FieldsV1 spelling: "f:spec", `k:{"name":"app"}` (list item by key), `v:"x"` (set member).
class FieldSet {
public:
    using Path = std::vector<std::string>;

    /// Which part of an object a write may touch: everything but status, or status alone.
    enum class Scope { Main, Status, Everything };

    /// Every field the object sets, leaves and keyed list items, leaving out identity and
    /// server-managed metadata (name, uid, resourceVersion, managedFields, ...).
    static FieldSet fromObject(const nlohmann::json &object, const std::string &kind, Scope scope);

    static FieldSet fromFieldsV1(const nlohmann::json &fields);
    [[nodiscard]] nlohmann::json toFieldsV1() const;

    void insert(const Path &path) { m_paths.insert(path); }
    void erase(const Path &path) { m_paths.erase(path); }
    [[nodiscard]] bool contains(const Path &path) const { return m_paths.contains(path); }
    /// Whether some member lies strictly below `path`.
    [[nodiscard]] bool hasDescendant(const Path &path) const;
    [[nodiscard]] bool isLeaf(const Path &path) const { return contains(path) && !hasDescendant(path); }
    [[nodiscard]] bool empty() const { return m_paths.empty(); }
    [[nodiscard]] const std::set<Path> &paths() const { return m_paths; }

    [[nodiscard]] FieldSet unionWith(const FieldSet &other) const;
    [[nodiscard]] FieldSet minus(const FieldSet &other) const;

    /// ".spec.template.spec.containers[name=\"app\"].image", as conflict messages print paths.
    static std::string toString(const Path &path);

    /// The value at `path` inside `object`, or null when it is not there.
    static const nlohmann::json *valueAt(const nlohmann::json &object, const Path &path,
                                         const std::string &kind);

    /// Removes the value at `path` from `object`; false when it was not there.
    static bool removeAt(nlohmann::json &object, const Path &path, const std::string &kind);

private:
    void collect(const nlohmann::json &value, Path &path, std::vector<std::string> &schemaPath,
                 const std::string &kind);
    void collectList(const nlohmann::json &list, Path &path, std::vector<std::string> &schemaPath,
                     const std::string &kind);
    void readFieldsV1(const nlohmann::json &fields, Path &path);

    std::set<Path> m_paths;
};

} // namespace otelconsole::sandbox
