// SPDX-License-Identifier: Apache-2.0
#include "api/scalesubresource.h"

#include "api/fielderrors.h"
#include "api/jsonpath.h"
#include "api/labelselector.h"

namespace otelconsole::sandbox {

using nlohmann::json;

json ScaleSubresource::toScale(const json &object) {
    const json &metadata = object["metadata"];
    json scaleMetadata = json::object();
    for (const char *field : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
        if (metadata.contains(field)) {
            scaleMetadata[field] = metadata[field];
        }
    }
    std::string selector;
    if (const json *labelSelector = JsonPath::find(object, "spec.selector")) {
        if (const auto parsed = LabelSelector::fromJson(*labelSelector)) {
            selector = parsed->toString();
        }
    }
    const json *replicas = JsonPath::find(object, "spec.replicas");
    const json *current = JsonPath::find(object, "status.replicas");
    return {{"kind", "Scale"},
            {"apiVersion", "autoscaling/v1"},
            {"metadata", scaleMetadata},
            {"spec", {{"replicas", replicas ? *replicas : json(1)}}},
            {"status", {{"replicas", current ? *current : json(0)}, {"selector", selector}}}};
}

ApiResult<json> ScaleSubresource::applyScale(const ResourceType &type, const json &object,
                                             const json &scale) {
    const std::string name = JsonPath::string(object, "metadata.name");
    const std::string requestedVersion = JsonPath::string(scale, "metadata.resourceVersion");
    if (!requestedVersion.empty()
        && requestedVersion != JsonPath::string(object, "metadata.resourceVersion")) {
        return std::unexpected(StatusError::staleUpdate(type.groupResource(), name));
    }
    const json *replicas = JsonPath::find(scale, "spec.replicas");
    FieldErrors errors;
    if (!replicas || !replicas->is_number_integer()) {
        errors.required("spec.replicas");
    } else if (replicas->get<long>() < 0) {
        errors.invalid("spec.replicas", *replicas, "must be greater than or equal to 0");
    }
    if (!errors.empty()) {
        return std::unexpected(errors.toStatus("Scale.autoscaling", "autoscaling", "Scale", name));
    }
    json updated = object;
    updated["spec"]["replicas"] = *replicas;
    return updated;
}

} // namespace otelconsole::sandbox
