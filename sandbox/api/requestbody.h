// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/apirequest.h"
#include "api/statuserror.h"

#include <nlohmann/json.hpp>

#include <string>

namespace otelconsole::sandbox {

/// Decoding of request bodies and the write options every mutating verb shares.
class RequestBody {
public:
    /// The body as a JSON object; 400 BadRequest carrying the parser's message otherwise.
    static ApiResult<nlohmann::json> json(const std::string &body);

    /// The body of an apply patch: YAML, or JSON (which is YAML too); 400 on errors.
    static ApiResult<nlohmann::json> yaml(const std::string &body);

    /// Converts YAML text to JSON, keeping quoted scalars as strings; the error is the parser's.
    static std::expected<nlohmann::json, std::string> yamlToJson(const std::string &text);

    /// fieldManager from the query, else the User-Agent's product name, as the API server does.
    static ApiResult<std::string> fieldManager(const ApiRequest &request, bool required);

    /// Whether dryRun=All was asked for; any other dryRun value is a 400.
    static ApiResult<bool> dryRun(const ApiRequest &request);

    /// The media type without parameters, lowercased: "application/merge-patch+json".
    static std::string mediaType(const std::string &contentType);
};

} // namespace otelconsole::sandbox
