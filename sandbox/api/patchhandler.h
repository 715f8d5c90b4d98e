// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/apicontext.h"
#include "api/apirequest.h"
#include "api/apiresponse.h"
#include "api/resourcetype.h"
#include "store/storedobject.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace otelconsole::sandbox {

class ResourceReader;
class ResourceWriter;
struct WriteContext;

/// PATCH in its four media types: server-side apply (application/apply-patch+yaml), JSON merge
/// patch, strategic merge patch and JSON patch; on the object and on its status and scale.
class PatchHandler {
public:
    PatchHandler(ApiContext &context, const ResourceReader &reader, const ResourceWriter &writer);

    [[nodiscard]] ApiResponse patch(const ApiRequest &request, const ResourceType &type) const;

private:
    enum class PatchType { Apply, Merge, Strategic, Json };

    [[nodiscard]] ApiResponse applyCreate(const ApiRequest &request, const ResourceType &type,
                                          const nlohmann::json &intent, const WriteContext &context) const;
    [[nodiscard]] ApiResult<ObjectPtr> patchOnce(const ApiRequest &request, const ResourceType &type,
                                                 const ObjectPtr &current, const nlohmann::json &patch,
                                                 PatchType patchType, const WriteContext &context) const;
    [[nodiscard]] static ApiResult<nlohmann::json> applyPatch(const ResourceType &type,
                                                              const nlohmann::json &base,
                                                              const nlohmann::json &patch,
                                                              PatchType patchType);
    [[nodiscard]] std::optional<ApiResponse> deniedCreate(const ApiRequest &request,
                                                          const ResourceType &type) const;
    [[nodiscard]] static ApiResult<nlohmann::json> parseBody(const ApiRequest &request, PatchType patchType);
    [[nodiscard]] static ApiResult<void> checkApplyIntent(const nlohmann::json &intent);

    ApiContext &m_context;
    const ResourceReader &m_reader;
    const ResourceWriter &m_writer;
};

} // namespace otelconsole::sandbox
