// SPDX-License-Identifier: Apache-2.0
#include "api/objectschema.h"

namespace otelconsole::sandbox {

namespace {

bool isContainerList(const std::string &field) {
    return field == "containers" || field == "initContainers" || field == "ephemeralContainers";
}

} // namespace

ListShape ObjectSchema::listShape(const std::vector<std::string> &path, const std::string &kind) {
    if (path.empty()) {
        return {};
    }
    const std::string &field = path.back();
    const std::string parent = path.size() > 1 ? path[path.size() - 2] : std::string();
    using Type = ListShape::Type;
    if (isContainerList(field) || field == "volumes" || field == "env" || field == "imagePullSecrets") {
        return {Type::Map, {"name"}};
    }
    if (field == "ports" && isContainerList(parent)) {
        return {Type::Map, {"containerPort", "protocol"}};
    }
    if (field == "ports" && kind == "Service" && path.size() == 2) {
        return {Type::Map, {"port", "protocol"}};
    }
    if (field == "volumeMounts") {
        return {Type::Map, {"mountPath"}};
    }
    if (field == "conditions") {
        return {Type::Map, {"type"}};
    }
    if (field == "ownerReferences" && path.size() == 2) {
        return {Type::Map, {"uid"}};
    }
    if (field == "hostAliases") {
        return {Type::Map, {"ip"}};
    }
    if (field == "topologySpreadConstraints") {
        return {Type::Map, {"topologyKey", "whenUnsatisfiable"}};
    }
    if (field == "finalizers" && path.size() == 2) {
        return {Type::Set, {}};
    }
    return {};
}

bool ObjectSchema::isAtomicMap(const std::vector<std::string> &path, const std::string &) {
    return !path.empty() && (path.back() == "selector" || path.back() == "roleRef");
}

nlohmann::json ObjectSchema::itemKey(const nlohmann::json &item, const ListShape &shape) {
    nlohmann::json key = nlohmann::json::object();
    for (const auto &field : shape.keys) {
        if (item.is_object() && item.contains(field)) {
            key[field] = item[field];
        } else if (field == "protocol") {
            key[field] = "TCP";
        }
    }
    return key;
}

std::string ObjectSchema::itemElement(const nlohmann::json &item, const ListShape &shape) {
    if (shape.type == ListShape::Type::Set) {
        return "v:" + item.dump();
    }
    return "k:" + itemKey(item, shape).dump();
}

} // namespace otelconsole::sandbox
