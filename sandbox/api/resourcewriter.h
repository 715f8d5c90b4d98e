// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/admission.h"
#include "api/apicontext.h"
#include "api/apirequest.h"
#include "api/apiresponse.h"
#include "api/objectdeleter.h"
#include "api/resourcetype.h"
#include "store/storedobject.h"

namespace otelconsole::sandbox {

class ResourceReader;

/// The writing verbs: create, update (PUT, also of /status and /scale), delete and
/// deletecollection, plus the commit steps patches share.
class ResourceWriter {
public:
    ResourceWriter(ApiContext &context, const ResourceReader &reader);

    [[nodiscard]] ApiResponse create(const ApiRequest &request, const ResourceType &type) const;
    [[nodiscard]] ApiResponse update(const ApiRequest &request, const ResourceType &type) const;
    [[nodiscard]] ApiResponse remove(const ApiRequest &request, const ResourceType &type) const;
    [[nodiscard]] ApiResponse removeCollection(const ApiRequest &request, const ResourceType &type) const;

    /// Stores an admitted new object (or only pretends to, for a dry run). A generated name that
    /// happens to be taken is generated again.
    [[nodiscard]] ApiResult<ObjectPtr> commitCreate(const ResourceType &type, nlohmann::json admitted,
                                                    bool dryRun) const;

    /// Stores an admitted replacement of `current`; removes the object instead when it is being
    /// deleted and its last finalizer just went away.
    [[nodiscard]] ApiResult<ObjectPtr> commitUpdate(const ResourceType &type, const ObjectPtr &current,
                                                    nlohmann::json admitted, bool dryRun) const;

    /// The write context of a request: user, field manager, subresource, dry run.
    [[nodiscard]] ApiResult<WriteContext> writeContext(const ApiRequest &request, bool managerRequired) const;

private:
    [[nodiscard]] ApiResult<DeleteOptions> deleteOptions(const ApiRequest &request) const;

    ApiContext &m_context;
    const ResourceReader &m_reader;
};

} // namespace otelconsole::sandbox
