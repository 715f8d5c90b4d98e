// SPDX-License-Identifier: Apache-2.0
#include "api/requestrouter.h"

#include "api/discovery.h"
#include "api/rbacauthorizer.h"
#include "api/resourceregistry.h"
#include "sandboxlogging.h"

#include <algorithm>

namespace otelconsole::sandbox {

RequestRouter::RequestRouter(ApiContext &context, const Discovery &discovery)
    : m_context(context)
    , m_discovery(discovery)
    , m_reader(context)
    , m_writer(context, m_reader)
    , m_patches(context, m_reader, m_writer)
    , m_reviews(context.authorizer) {}

ApiResponse RequestRouter::handle(const ApiRequest &request) const {
    try {
        return request.info.resourceRequest ? handleResource(request) : handleNonResource(request);
    } catch (const std::exception &error) {
        // Every parser call catches its own exceptions; reaching this is a bug, not a client error.
        qCWarning(lcSandboxApi) << "unexpected failure serving" << request.info.path.c_str() << ":"
                                << error.what();
        return ApiResponse::error(StatusError::internal(error.what()));
    }
}

ApiResponse RequestRouter::handleNonResource(const ApiRequest &request) const {
    const AuthorizationAttributes attributes{
        request.user,     request.info.verb == "head" ? "get" : request.info.verb, false, {}, {}, {}, {}, {},
        request.info.path};
    if (!m_context.authorizer.authorize(attributes).allowed) {
        StatusError error(403, "Forbidden", "forbidden: " + RbacAuthorizer::forbiddenMessage(attributes));
        error.withCauses({});
        return ApiResponse::error(error.withDetailsKind({}, {}, {}));
    }
    auto response = m_discovery.handle(request.info.path);
    if (!response) {
        return ApiResponse::error(StatusError::pathNotFound());
    }
    if (request.method != "GET" && request.method != "HEAD") {
        return ApiResponse::error(StatusError::methodNotAllowed());
    }
    return *response;
}

ApiResponse RequestRouter::handleResource(const ApiRequest &request) const {
    const RequestInfo &info = request.info;
    const ResourceType *type = m_context.registry.find(info.group, info.version, info.resource);
    const bool strayNamespace =
        type && !type->namespaced && !info.ns.empty() && type->resource != "namespaces";
    if (!type || strayNamespace || info.parts.size() > 3) {
        return ApiResponse::error(StatusError::pathNotFound());
    }

    std::vector<std::string> verbs = type->verbs;
    if (!info.subresource.empty()) {
        const SubresourceType *sub = type->subresource(info.subresource);
        if (!sub) {
            return ApiResponse::error(StatusError::pathNotFound());
        }
        verbs = sub->verbs;
    }
    const bool clusterWideCollection = type->namespaced && info.ns.empty();
    const bool allowed = std::find(verbs.begin(), verbs.end(), info.verb) != verbs.end()
                         && !(clusterWideCollection && info.verb != "list" && info.verb != "watch")
                         && !(info.verb == "create" && !info.name.empty() && type->stored);
    if (!allowed) {
        return ApiResponse::error(StatusError::methodNotAllowed());
    }

    const AuthorizationAttributes attributes{
        request.user, info.verb, true, type->group, type->resource, info.subresource, info.ns, info.name, {}};
    if (!m_context.authorizer.authorize(attributes).allowed) {
        return ApiResponse::error(StatusError::forbidden(type->groupResource(),
                                                         info.verb == "list" ? "" : info.name,
                                                         RbacAuthorizer::forbiddenMessage(attributes)));
    }
    return dispatch(request, *type);
}

ApiResponse RequestRouter::dispatch(const ApiRequest &request, const ResourceType &type) const {
    const std::string &verb = request.info.verb;
    if (!type.stored) {
        return m_reviews.handle(request, type);
    }
    if (verb == "get") {
        return m_reader.get(request, type);
    }
    if (verb == "list") {
        return m_reader.list(request, type);
    }
    if (verb == "watch") {
        return m_reader.watch(request, type);
    }
    if (verb == "create") {
        return m_writer.create(request, type);
    }
    if (verb == "update") {
        return m_writer.update(request, type);
    }
    if (verb == "patch") {
        return m_patches.patch(request, type);
    }
    if (verb == "delete") {
        return m_writer.remove(request, type);
    }
    if (verb == "deletecollection") {
        return m_writer.removeCollection(request, type);
    }
    return ApiResponse::error(StatusError::methodNotAllowed());
}

} // namespace otelconsole::sandbox
