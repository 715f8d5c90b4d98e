// SPDX-License-Identifier: Apache-2.0
#include "api/resourcewriter.h"

#include "api/jsonpath.h"
#include "api/listoptions.h"
#include "api/objectidentity.h"
#include "api/requestbody.h"
#include "api/resourcereader.h"
#include "api/scalesubresource.h"
#include "store/clock.h"
#include "store/objectstore.h"

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

constexpr int kGenerateNameAttempts = 8;

std::string storeNamespace(const ResourceType &type, const ApiRequest &request) {
    return type.namespaced ? request.info.ns : std::string();
}

ObjectPtr unstored(json object) {
    auto stored = std::make_shared<StoredObject>();
    stored->text = object.dump();
    stored->object = std::move(object);
    return stored;
}

bool hasFinalizers(const json &object) {
    const json *finalizers = JsonPath::find(object, "metadata.finalizers");
    return finalizers && finalizers->is_array() && !finalizers->empty();
}

} // namespace

ResourceWriter::ResourceWriter(ApiContext &context, const ResourceReader &reader)
    : m_context(context)
    , m_reader(reader) {}

ApiResult<WriteContext> ResourceWriter::writeContext(const ApiRequest &request, bool managerRequired) const {
    auto dryRun = RequestBody::dryRun(request);
    if (!dryRun) {
        return std::unexpected(dryRun.error());
    }
    auto manager = RequestBody::fieldManager(request, managerRequired);
    if (!manager) {
        return std::unexpected(manager.error());
    }
    return WriteContext{request.user, *manager, request.info.subresource, *dryRun, false};
}

ApiResult<ObjectPtr> ResourceWriter::commitCreate(const ResourceType &type, json admitted,
                                                  bool dryRun) const {
    if (dryRun) {
        admitted["metadata"]["uid"] = m_context.store.newUid();
        admitted["metadata"]["creationTimestamp"] = m_context.clock.nowRfc3339();
        return unstored(std::move(admitted));
    }
    const bool generated = JsonPath::find(admitted, "metadata.generateName") != nullptr;
    for (int attempt = 0;; ++attempt) {
        auto stored = m_context.store.create(type.storageKey(), admitted);
        if (stored) {
            return *stored;
        }
        if (!generated || attempt + 1 >= kGenerateNameAttempts) {
            m_context.admission.releaseAllocations(type, admitted);
            return std::unexpected(StatusError::alreadyExists(type.groupResource(),
                                                              JsonPath::string(admitted, "metadata.name")));
        }
        admitted["metadata"]["name"] =
            ObjectIdentity::generatedName(JsonPath::string(admitted, "metadata.generateName"));
    }
}

ApiResult<ObjectPtr> ResourceWriter::commitUpdate(const ResourceType &type, const ObjectPtr &current,
                                                  json admitted, bool dryRun) const {
    const bool finished = JsonPath::find(admitted, "metadata.deletionTimestamp") && !hasFinalizers(admitted)
                          && type.kind != "Namespace";
    if (dryRun) {
        return unstored(std::move(admitted));
    }
    // Like the API server, a write that changes nothing is not stored and keeps the resourceVersion.
    if (admitted == current->object) {
        return current;
    }
    const std::string name = JsonPath::string(admitted, "metadata.name");
    auto stored = m_context.store.update(type.storageKey(), std::move(admitted), current->resourceVersion);
    if (!stored) {
        return std::unexpected(stored.error().kind == StoreErrorKind::NotFound
                                   ? StatusError::notFound(type.groupResource(), name)
                                   : StatusError::staleUpdate(type.groupResource(), name));
    }
    if (finished) {
        // The last finalizer is gone from an object being deleted: now it really goes.
        m_context.deleter.finishIfUnblocked(type, *stored);
    }
    return *stored;
}

ApiResponse ResourceWriter::create(const ApiRequest &request, const ResourceType &type) const {
    auto body = RequestBody::json(request.body);
    auto context = writeContext(request, false);
    if (!body || !context) {
        return ApiResponse::error(!body ? body.error() : context.error());
    }
    const std::string ns = storeNamespace(type, request);
    if (auto identity = ObjectIdentity::reconcile(type, *body, ns, {}); !identity) {
        return ApiResponse::error(identity.error());
    }
    if (auto named = ObjectIdentity::generateName(type, *body); !named) {
        return ApiResponse::error(named.error());
    }
    if (auto space = m_context.admission.checkNamespace(type, ns, JsonPath::string(*body, "metadata.name"));
        !space) {
        return ApiResponse::error(space.error());
    }
    auto admitted = m_context.admission.admitCreate(type, std::move(*body), *context);
    if (!admitted) {
        return ApiResponse::error(admitted.error());
    }
    auto stored = commitCreate(type, std::move(*admitted), context->dryRun);
    if (!stored) {
        return ApiResponse::error(stored.error());
    }
    return m_reader.objectResponse(request, type, *stored, 201);
}

ApiResponse ResourceWriter::update(const ApiRequest &request, const ResourceType &type) const {
    auto body = RequestBody::json(request.body);
    auto context = writeContext(request, false);
    if (!body || !context) {
        return ApiResponse::error(!body ? body.error() : context.error());
    }
    const std::string ns = storeNamespace(type, request);
    const std::string &name = request.info.name;
    const bool scale = request.info.subresource == "scale";
    auto identity = scale ? ObjectIdentity::reconcile(type, *body, ns, name, "Scale", "autoscaling/v1")
                          : ObjectIdentity::reconcile(type, *body, ns, name);
    if (!identity) {
        return ApiResponse::error(identity.error());
    }
    const ObjectPtr current = m_context.store.get(type.storageKey(), ns, name);
    if (!current) {
        return ApiResponse::error(StatusError::notFound(type.groupResource(), name));
    }
    const std::string version = JsonPath::string(*body, "metadata.resourceVersion");
    if (!version.empty() && version != std::to_string(current->resourceVersion)) {
        return ApiResponse::error(StatusError::staleUpdate(type.groupResource(), name));
    }
    if (scale) {
        auto scaled = ScaleSubresource::applyScale(type, current->object, *body);
        if (!scaled) {
            return ApiResponse::error(scaled.error());
        }
        body = std::move(*scaled);
    }

    auto admitted = m_context.admission.admitUpdate(type, current->object, std::move(*body), *context);
    if (!admitted) {
        return ApiResponse::error(admitted.error());
    }
    auto stored = commitUpdate(type, current, std::move(*admitted), context->dryRun);
    if (!stored) {
        return ApiResponse::error(stored.error());
    }
    if (scale) {
        return ApiResponse::json(200, ScaleSubresource::toScale((*stored)->object));
    }
    return m_reader.objectResponse(request, type, *stored, 200);
}

ApiResult<DeleteOptions> ResourceWriter::deleteOptions(const ApiRequest &request) const {
    DeleteOptions options;
    json body = json::object();
    if (request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        auto parsed = RequestBody::json(request.body);
        if (!parsed) {
            return std::unexpected(parsed.error());
        }
        body = std::move(*parsed);
    }
    if (body.contains("orphanDependents") && body["orphanDependents"].is_boolean()) {
        options.propagationPolicy = body["orphanDependents"].get<bool>() ? "Orphan" : "Background";
    }
    if (request.queryValue("orphanDependents") == "true") {
        options.propagationPolicy = "Orphan";
    }
    options.propagationPolicy = body.value("propagationPolicy", options.propagationPolicy);
    if (request.hasQuery("propagationPolicy")) {
        options.propagationPolicy = request.queryValue("propagationPolicy");
    }
    if (options.propagationPolicy != "Background" && options.propagationPolicy != "Foreground"
        && options.propagationPolicy != "Orphan") {
        return std::unexpected(StatusError::badRequest("propagationPolicy: Unsupported value: \""
                                                       + options.propagationPolicy
                                                       + "\": supported values: "
                                                         "\"Foreground\", \"Background\", \"Orphan\""));
    }
    options.preconditionUid = JsonPath::string(body, "preconditions.uid");
    options.preconditionResourceVersion = JsonPath::string(body, "preconditions.resourceVersion");
    auto dryRun = RequestBody::dryRun(request);
    if (!dryRun) {
        return std::unexpected(dryRun.error());
    }
    const json bodyDryRun = body.value("dryRun", json::array());
    options.dryRun = *dryRun || (bodyDryRun.is_array() && !bodyDryRun.empty() && bodyDryRun[0] == "All");
    return options;
}

ApiResponse ResourceWriter::remove(const ApiRequest &request, const ResourceType &type) const {
    auto options = deleteOptions(request);
    if (!options) {
        return ApiResponse::error(options.error());
    }
    auto outcome = m_context.deleter.remove(type, storeNamespace(type, request), request.info.name, *options);
    if (!outcome) {
        return ApiResponse::error(outcome.error());
    }
    // Like the API server, pods come back as the deleted object, other kinds as a Status.
    if (outcome->removed && type.kind != "Pod") {
        return ApiResponse::json(200,
                                 successStatus(type.groupResource(), request.info.name,
                                               JsonPath::string(outcome->object->object, "metadata.uid")));
    }
    return m_reader.objectResponse(request, type, outcome->object, 200);
}

ApiResponse ResourceWriter::removeCollection(const ApiRequest &request, const ResourceType &type) const {
    auto options = deleteOptions(request);
    auto selection = ListOptions::parse(request, type.kind);
    if (!options || !selection) {
        return ApiResponse::error(!options ? options.error() : selection.error());
    }
    const auto snapshot = m_context.store.list(type.storageKey(), storeNamespace(type, request));
    for (const auto &item : snapshot.items) {
        if (selection->matches(item->object)) {
            // An object deleted meanwhile by someone else is simply skipped.
            (void)m_context.deleter.remove(type, JsonPath::string(item->object, "metadata.namespace"),
                                           JsonPath::string(item->object, "metadata.name"), *options);
        }
    }
    return ApiResponse::json(
        200, {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()}, {"status", "Success"}});
}

} // namespace otelconsole::sandbox
