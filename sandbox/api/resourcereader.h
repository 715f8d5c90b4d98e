// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/apicontext.h"
#include "api/apirequest.h"
#include "api/apiresponse.h"
#include "api/resourcetype.h"
#include "store/storedobject.h"

#include <vector>

namespace otelconsole::sandbox {

/// The reading verbs: get (including the status, scale and log subresources), list with selectors
/// and paging, and watch.
class ResourceReader {
public:
    explicit ResourceReader(ApiContext &context);

    [[nodiscard]] ApiResponse get(const ApiRequest &request, const ResourceType &type) const;
    [[nodiscard]] ApiResponse list(const ApiRequest &request, const ResourceType &type) const;
    [[nodiscard]] ApiResponse watch(const ApiRequest &request, const ResourceType &type) const;

    /// The object as the client asked to see it: JSON, or a one-row Table.
    [[nodiscard]] ApiResponse objectResponse(const ApiRequest &request, const ResourceType &type,
                                             const ObjectPtr &object, int status) const;

private:
    [[nodiscard]] ApiResponse listResponse(const ApiRequest &request, const ResourceType &type,
                                           const std::vector<ObjectPtr> &items,
                                           const nlohmann::json &metadata) const;

    ApiContext &m_context;
};

} // namespace otelconsole::sandbox
