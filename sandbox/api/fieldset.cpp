// SPDX-License-Identifier: Apache-2.0
#include "api/fieldset.h"

#include "api/objectschema.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

bool isIgnoredMetadata(const std::string &key) {
    static const std::set<std::string> ignored{"name",
                                               "namespace",
                                               "uid",
                                               "resourceVersion",
                                               "generation",
                                               "creationTimestamp",
                                               "deletionTimestamp",
                                               "deletionGracePeriodSeconds",
                                               "managedFields",
                                               "selfLink"};
    return ignored.contains(key);
}

std::optional<std::size_t> findItem(const json &list, const std::string &element, const ListShape &shape) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (ObjectSchema::itemElement(list[i], shape) == element) {
            return i;
        }
    }
    return std::nullopt;
}

// Follows one element from `current`, extending `schemaPath` when it steps into a field.
const json *step(const json &current, const std::string &element, std::vector<std::string> &schemaPath,
                 const std::string &kind) {
    if (element.starts_with("f:")) {
        const std::string field = element.substr(2);
        if (!current.is_object() || !current.contains(field)) {
            return nullptr;
        }
        schemaPath.push_back(field);
        return &current[field];
    }
    if (!current.is_array()) {
        return nullptr;
    }
    if (element.starts_with("i:")) {
        std::size_t index = 0;
        const auto [end, error] = std::from_chars(element.data() + 2, element.data() + element.size(), index);
        return error == std::errc() && index < current.size() ? &current[index] : nullptr;
    }
    const auto index = findItem(current, element, ObjectSchema::listShape(schemaPath, kind));
    return index ? &current[*index] : nullptr;
}

} // namespace

FieldSet FieldSet::fromObject(const json &object, const std::string &kind, Scope scope) {
    FieldSet set;
    if (!object.is_object()) {
        return set;
    }
    for (const auto &[key, value] : object.items()) {
        if (key == "apiVersion" || key == "kind") {
            continue;
        }
        if ((scope == Scope::Main && key == "status") || (scope == Scope::Status && key != "status")) {
            continue;
        }
        Path path{"f:" + key};
        std::vector<std::string> schemaPath{key};
        if (key == "metadata" && value.is_object()) {
            for (const auto &[field, inner] : value.items()) {
                if (!isIgnoredMetadata(field)) {
                    Path innerPath{"f:metadata", "f:" + field};
                    std::vector<std::string> innerSchema{"metadata", field};
                    set.collect(inner, innerPath, innerSchema, kind);
                }
            }
            continue;
        }
        set.collect(value, path, schemaPath, kind);
    }
    return set;
}

void FieldSet::collect(const json &value, Path &path, std::vector<std::string> &schemaPath,
                       const std::string &kind) {
    if (value.is_object() && !value.empty() && !ObjectSchema::isAtomicMap(schemaPath, kind)) {
        for (const auto &[key, inner] : value.items()) {
            path.push_back("f:" + key);
            schemaPath.push_back(key);
            collect(inner, path, schemaPath, kind);
            schemaPath.pop_back();
            path.pop_back();
        }
        return;
    }
    if (value.is_array() && !value.empty()
        && ObjectSchema::listShape(schemaPath, kind).type != ListShape::Type::Atomic) {
        collectList(value, path, schemaPath, kind);
        return;
    }
    m_paths.insert(path);
}

void FieldSet::collectList(const json &list, Path &path, std::vector<std::string> &schemaPath,
                           const std::string &kind) {
    const ListShape shape = ObjectSchema::listShape(schemaPath, kind);
    for (const auto &item : list) {
        path.push_back(ObjectSchema::itemElement(item, shape));
        m_paths.insert(path);
        if (shape.type == ListShape::Type::Map && item.is_object()) {
            for (const auto &[key, inner] : item.items()) {
                path.push_back("f:" + key);
                schemaPath.push_back(key);
                collect(inner, path, schemaPath, kind);
                schemaPath.pop_back();
                path.pop_back();
            }
        }
        path.pop_back();
    }
}

FieldSet FieldSet::fromFieldsV1(const json &fields) {
    FieldSet set;
    Path path;
    if (fields.is_object()) {
        set.readFieldsV1(fields, path);
    }
    return set;
}

void FieldSet::readFieldsV1(const json &fields, Path &path) {
    for (const auto &[key, value] : fields.items()) {
        if (key == ".") {
            m_paths.insert(path);
            continue;
        }
        path.push_back(key);
        if (!value.is_object() || value.empty()) {
            m_paths.insert(path);
        } else {
            readFieldsV1(value, path);
        }
        path.pop_back();
    }
}

json FieldSet::toFieldsV1() const {
    json fields = json::object();
    for (const auto &path : m_paths) {
        json *node = &fields;
        for (const auto &element : path) {
            json &child = (*node)[element];
            if (!child.is_object()) {
                child = json::object();
            }
            node = &child;
        }
        // A member that also has members below it is marked with ".".
        if (hasDescendant(path)) {
            (*node)["."] = json::object();
        }
    }
    return fields;
}

bool FieldSet::hasDescendant(const Path &path) const {
    auto next = m_paths.upper_bound(path);
    if (next == m_paths.end() || next->size() <= path.size()) {
        return false;
    }
    return std::equal(path.begin(), path.end(), next->begin());
}

FieldSet FieldSet::unionWith(const FieldSet &other) const {
    FieldSet result = *this;
    result.m_paths.insert(other.m_paths.begin(), other.m_paths.end());
    return result;
}

FieldSet FieldSet::minus(const FieldSet &other) const {
    FieldSet result;
    std::set_difference(m_paths.begin(), m_paths.end(), other.m_paths.begin(), other.m_paths.end(),
                        std::inserter(result.m_paths, result.m_paths.end()));
    return result;
}

std::string FieldSet::toString(const Path &path) {
    std::string text;
    for (const auto &element : path) {
        const std::string body = element.substr(2);
        if (element.starts_with("f:")) {
            text += "." + body;
        } else if (element.starts_with("v:")) {
            text += "[=" + body + "]";
        } else if (element.starts_with("i:")) {
            text += "[" + body + "]";
        } else {
            const json key = json::parse(body, nullptr, false);
            std::string parts;
            if (key.is_object()) {
                for (const auto &[name, value] : key.items()) {
                    parts += (parts.empty() ? "" : ",") + name + "=" + value.dump();
                }
            }
            text += "[" + parts + "]";
        }
    }
    return text;
}

const json *FieldSet::valueAt(const json &object, const Path &path, const std::string &kind) {
    const json *current = &object;
    std::vector<std::string> schemaPath;
    for (const auto &element : path) {
        current = step(*current, element, schemaPath, kind);
        if (!current) {
            return nullptr;
        }
    }
    return current;
}

bool FieldSet::removeAt(json &object, const Path &path, const std::string &kind) {
    if (path.empty()) {
        return false;
    }
    const Path parentPath(path.begin(), path.end() - 1);
    json *parent = const_cast<json *>(valueAt(object, parentPath, kind));
    if (!parent) {
        return false;
    }
    const std::string &last = path.back();
    if (last.starts_with("f:")) {
        return parent->is_object() && parent->erase(last.substr(2)) > 0;
    }
    if (!parent->is_array()) {
        return false;
    }
    std::vector<std::string> schemaPath;
    for (const auto &element : parentPath) {
        if (element.starts_with("f:")) {
            schemaPath.push_back(element.substr(2));
        }
    }
    const auto index = findItem(*parent, last, ObjectSchema::listShape(schemaPath, kind));
    if (!index) {
        return false;
    }
    parent->erase(*index);
    return true;
}

} // namespace otelconsole::sandbox
