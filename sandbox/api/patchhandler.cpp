// SPDX-License-Identifier: Apache-2.0
#include "api/patchhandler.h"

#include "api/admission.h"
#include "api/jsonpath.h"
#include "api/objectidentity.h"
#include "api/rbacauthorizer.h"
#include "api/requestbody.h"
#include "api/resourcereader.h"
#include "api/resourcewriter.h"
#include "api/scalesubresource.h"
#include "api/serversideapply.h"
#include "api/strategicmergepatch.h"
#include "store/clock.h"
#include "store/objectstore.h"

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

// Patches without a resourceVersion are retried on a concurrent write, as the API server does.
constexpr int kPatchAttempts = 5;

std::string storeNamespace(const ResourceType &type, const ApiRequest &request) {
    return type.namespaced ? request.info.ns : std::string();
}

} // namespace

PatchHandler::PatchHandler(ApiContext &context, const ResourceReader &reader, const ResourceWriter &writer)
    : m_context(context)
    , m_reader(reader)
    , m_writer(writer) {}

ApiResult<json> PatchHandler::applyPatch(const ResourceType &type, const json &base, const json &patch,
                                         PatchType patchType) {
    try {
        switch (patchType) {
        case PatchType::Merge: {
            json result = base;
            result.merge_patch(patch);
            return result;
        }
        case PatchType::Strategic:
            return StrategicMergePatch::apply(base, patch, type.kind);
        case PatchType::Json:
            return base.patch(patch);
        case PatchType::Apply:
            break;
        }
    } catch (const json::exception &error) {
        return std::unexpected(StatusError(422, "Invalid",
                                           std::string("the server rejected our request due to an "
                                                       "error in our request: ")
                                               + error.what()));
    }
    return std::unexpected(StatusError::internal("apply patches are merged by server-side apply"));
}

std::optional<ApiResponse> PatchHandler::deniedCreate(const ApiRequest &request,
                                                      const ResourceType &type) const {
    AuthorizationAttributes attributes{
        request.user, "create", true, type.group, type.resource, {}, request.info.ns, request.info.name, {}};
    if (m_context.authorizer.authorize(attributes).allowed) {
        return std::nullopt;
    }
    return ApiResponse::error(StatusError::forbidden(type.groupResource(), request.info.name,
                                                     RbacAuthorizer::forbiddenMessage(attributes)));
}

ApiResult<json> PatchHandler::parseBody(const ApiRequest &request, PatchType patchType) {
    if (patchType == PatchType::Apply) {
        return RequestBody::yaml(request.body);
    }
    if (patchType != PatchType::Json) {
        return RequestBody::json(request.body);
    }
    // A JSON patch is an array; wrapping it lets the object-only decoder check it.
    auto wrapped = RequestBody::json("{\"patch\":" + request.body + "}");
    if (!wrapped) {
        return std::unexpected(wrapped.error());
    }
    if (!(*wrapped)["patch"].is_array()) {
        return std::unexpected(StatusError::badRequest("a JSON patch must be an array of operations"));
    }
    return (*wrapped)["patch"];
}

ApiResult<void> PatchHandler::checkApplyIntent(const json &intent) {
    if (!intent.contains("apiVersion") || !intent["apiVersion"].is_string() || intent["apiVersion"] == "") {
        return std::unexpected(
            StatusError::badRequest("invalid object type: apiVersion must be set in an apply "
                                    "configuration"));
    }
    if (!intent.contains("kind") || !intent["kind"].is_string() || intent["kind"] == "") {
        return std::unexpected(StatusError::badRequest("invalid object type: kind must be set in an apply "
                                                       "configuration"));
    }
    if (JsonPath::find(intent, "metadata.managedFields")) {
        return std::unexpected(StatusError::badRequest("metadata.managedFields must be nil"));
    }
    return {};
}

ApiResponse PatchHandler::applyCreate(const ApiRequest &request, const ResourceType &type, const json &intent,
                                      const WriteContext &context) const {
    // Applying to a missing object creates it, which needs the create permission too.
    if (auto denied = deniedCreate(request, type)) {
        return *denied;
    }
    const std::string ns = storeNamespace(type, request);
    const WriteIdentity applier{context.manager, type.apiVersion(), context.subresource,
                                m_context.clock.nowRfc3339()};
    auto merged = ServerSideApply::apply(type, nullptr, intent, applier, false);
    if (!merged) {
        return ApiResponse::error(merged.error());
    }
    if (auto space = m_context.admission.checkNamespace(type, ns, request.info.name); !space) {
        return ApiResponse::error(space.error());
    }
    WriteContext applied = context;
    applied.managedFieldsDone = true;
    auto admitted = m_context.admission.admitCreate(type, std::move(*merged), applied);
    if (!admitted) {
        return ApiResponse::error(admitted.error());
    }
    auto stored = m_writer.commitCreate(type, std::move(*admitted), context.dryRun);
    if (!stored) {
        return ApiResponse::error(stored.error());
    }
    return m_reader.objectResponse(request, type, *stored, 201);
}

ApiResult<ObjectPtr> PatchHandler::patchOnce(const ApiRequest &request, const ResourceType &type,
                                             const ObjectPtr &current, const json &patch, PatchType patchType,
                                             const WriteContext &context) const {
    const bool scale = context.subresource == "scale";
    WriteContext effective = context;
    json updated;
    if (patchType == PatchType::Apply && !scale) {
        const WriteIdentity applier{context.manager, type.apiVersion(), context.subresource,
                                    m_context.clock.nowRfc3339()};
        auto merged = ServerSideApply::apply(type, &current->object, patch, applier,
                                             request.queryValue("force") == "true");
        if (!merged) {
            return std::unexpected(merged.error());
        }
        updated = std::move(*merged);
        effective.managedFieldsDone = true;
    } else {
        const json base = scale ? ScaleSubresource::toScale(current->object) : current->object;
        // TODO: an apply patch on /scale is handled as a merge patch, so the applier is recorded as
        // an updater of spec.replicas rather than as its applier.
        auto patched =
            applyPatch(type, base, patch, patchType == PatchType::Apply ? PatchType::Merge : patchType);
        if (!patched) {
            return std::unexpected(patched.error());
        }
        updated = std::move(*patched);
    }

    const std::string version = JsonPath::string(updated, "metadata.resourceVersion");
    if (patchType != PatchType::Apply && !version.empty()
        && version != std::to_string(current->resourceVersion)) {
        return std::unexpected(StatusError::staleUpdate(type.groupResource(), request.info.name));
    }
    const std::string ns = storeNamespace(type, request);
    auto identity =
        scale ? ObjectIdentity::reconcile(type, updated, ns, request.info.name, "Scale", "autoscaling/v1")
              : ObjectIdentity::reconcile(type, updated, ns, request.info.name);
    if (!identity) {
        return std::unexpected(identity.error());
    }
    if (scale) {
        auto scaled = ScaleSubresource::applyScale(type, current->object, updated);
        if (!scaled) {
            return std::unexpected(scaled.error());
        }
        updated = std::move(*scaled);
    }
    auto admitted = m_context.admission.admitUpdate(type, current->object, std::move(updated), effective);
    if (!admitted) {
        return std::unexpected(admitted.error());
    }
    return m_writer.commitUpdate(type, current, std::move(*admitted), context.dryRun);
}

ApiResponse PatchHandler::patch(const ApiRequest &request, const ResourceType &type) const {
    const std::string media = RequestBody::mediaType(request.contentType);
    PatchType patchType = PatchType::Merge;
    if (media == "application/apply-patch+yaml") {
        patchType = PatchType::Apply;
    } else if (media == "application/strategic-merge-patch+json") {
        patchType = PatchType::Strategic;
    } else if (media == "application/json-patch+json") {
        patchType = PatchType::Json;
    } else if (media != "application/merge-patch+json") {
        return ApiResponse::error(StatusError::unsupportedMediaType());
    }
    if (request.hasQuery("force") && patchType != PatchType::Apply) {
        return ApiResponse::error(
            StatusError::badRequest("force: Forbidden: may not be specified for non-apply patch"));
    }

    auto body = parseBody(request, patchType);
    auto context = m_writer.writeContext(request, patchType == PatchType::Apply);
    if (!body || !context) {
        return ApiResponse::error(!body ? body.error() : context.error());
    }
    if (patchType == PatchType::Apply) {
        if (auto valid = checkApplyIntent(*body); !valid) {
            return ApiResponse::error(valid.error());
        }
    }

    const std::string ns = storeNamespace(type, request);
    for (int attempt = 0;; ++attempt) {
        const ObjectPtr current = m_context.store.get(type.storageKey(), ns, request.info.name);
        if (!current) {
            if (patchType == PatchType::Apply && request.info.subresource.empty()) {
                return applyCreate(request, type, *body, *context);
            }
            return ApiResponse::error(StatusError::notFound(type.groupResource(), request.info.name));
        }
        auto stored = patchOnce(request, type, current, *body, patchType, *context);
        if (stored) {
            if (request.info.subresource == "scale") {
                return ApiResponse::json(200, ScaleSubresource::toScale((*stored)->object));
            }
            return m_reader.objectResponse(request, type, *stored, 200);
        }
        const bool retry = stored.error().code() == 409 && stored.error().reason() == "Conflict"
                           && stored.error().causes().empty() && attempt + 1 < kPatchAttempts
                           && JsonPath::string(*body, "metadata.resourceVersion").empty();
        if (!retry) {
            return ApiResponse::error(stored.error());
        }
    }
}

} // namespace otelconsole::sandbox
