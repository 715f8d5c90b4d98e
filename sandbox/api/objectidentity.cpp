// SPDX-License-Identifier: Apache-2.0
#include "api/objectidentity.h"

#include "api/fielderrors.h"
#include "api/jsonpath.h"

#include <random>

namespace otelconsole::sandbox {

using nlohmann::json;

ApiResult<void> ObjectIdentity::reconcile(const ResourceType &type, json &object, const std::string &ns,
                                          const std::string &name, const std::string &expectedKind,
                                          const std::string &expectedApiVersion) {
    const std::string kind = expectedKind.empty() ? type.kind : expectedKind;
    const std::string apiVersion = expectedApiVersion.empty() ? type.apiVersion() : expectedApiVersion;
    json &metadata = JsonPath::ensureObject(object, "metadata");
    FieldErrors errors;
    if (!object.contains("kind") || object["kind"] == "") {
        object["kind"] = kind;
    } else if (object["kind"] != kind) {
        errors.invalid("kind", object["kind"], "must be " + kind + " for this endpoint");
    }
    if (!object.contains("apiVersion") || object["apiVersion"] == "") {
        object["apiVersion"] = apiVersion;
    } else if (object["apiVersion"] != apiVersion) {
        errors.invalid("apiVersion", object["apiVersion"], "must be " + apiVersion + " for this endpoint");
    }
    if (type.namespaced) {
        if (!metadata.contains("namespace") || metadata["namespace"] == "") {
            metadata["namespace"] = ns;
        } else if (metadata["namespace"] != ns) {
            errors.invalid("metadata.namespace", metadata["namespace"],
                           "does not match the namespace of the request (\"" + ns + "\")");
        }
    } else {
        metadata.erase("namespace");
    }
    const std::string objectName = JsonPath::string(object, "metadata.name");
    if (!errors.empty()) {
        return std::unexpected(errors.toStatus(type.qualifiedKind(), type.group, type.kind,
                                               objectName.empty() ? name : objectName));
    }
    if (!name.empty() && objectName.empty()) {
        metadata["name"] = name;
    } else if (!name.empty() && objectName != name) {
        return std::unexpected(StatusError::badRequest(
            "the name of the object (" + objectName + ") does not match the name on the URL (" + name + ")"));
    }
    return {};
}

std::string ObjectIdentity::generatedName(const std::string &prefix) {
    // The alphabet the API server uses: no vowels (no words), no look-alike characters.
    static const std::string alphabet = "bcdfghjklmnpqrstvwxz2456789";
    thread_local std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string name = prefix.substr(0, 58);
    for (int i = 0; i < 5; ++i) {
        name += alphabet[pick(random)];
    }
    return name;
}

ApiResult<void> ObjectIdentity::generateName(const ResourceType &type, json &object) {
    json &metadata = object["metadata"];
    if (!JsonPath::string(object, "metadata.name").empty()) {
        return {};
    }
    const std::string prefix = JsonPath::string(object, "metadata.generateName");
    if (prefix.empty()) {
        FieldErrors errors;
        errors.required("metadata.name", "name or generateName is required");
        return std::unexpected(errors.toStatus(type.qualifiedKind(), type.group, type.kind, ""));
    }
    metadata["name"] = generatedName(prefix);
    return {};
}

} // namespace otelconsole::sandbox
