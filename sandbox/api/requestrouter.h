// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/accessreview.h"
#include "api/apicontext.h"
#include "api/apirequest.h"
#include "api/apiresponse.h"
#include "api/patchhandler.h"
#include "api/resourcereader.h"
#include "api/resourcewriter.h"

namespace otelconsole::sandbox {

class Discovery;

/// Turns an authenticated request into a response: finds the resource type, checks that the verb
/// exists for it, asks RBAC, then hands over to the verb handlers or to discovery.
class RequestRouter {
public:
    RequestRouter(ApiContext &context, const Discovery &discovery);

    [[nodiscard]] ApiResponse handle(const ApiRequest &request) const;

private:
    [[nodiscard]] ApiResponse handleNonResource(const ApiRequest &request) const;
    [[nodiscard]] ApiResponse handleResource(const ApiRequest &request) const;
    [[nodiscard]] ApiResponse dispatch(const ApiRequest &request, const ResourceType &type) const;

    ApiContext &m_context;
    const Discovery &m_discovery;
    ResourceReader m_reader;
    ResourceWriter m_writer;
    PatchHandler m_patches;
    AccessReview m_reviews;
};

} // namespace otelconsole::sandbox
