// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/statuserror.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace otelconsole::sandbox {

/// A response body produced piece by piece, such as a watch.
class ResponseStream {
public:
    virtual ~ResponseStream() = default;

    /// Appends the next piece of the body to `chunk`, waiting up to about a second for one. Returns
    /// false once the stream has ended (after its final piece, if any, was appended).
    virtual bool next(std::string &chunk) = 0;
};

/// What the API layer answers; the HTTP server turns it into bytes.
struct ApiResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::shared_ptr<ResponseStream> stream; ///< set for streamed (chunked) responses

    static ApiResponse json(int status, const nlohmann::json &body) {
        return {status, "application/json", body.dump(), nullptr};
    }

    static ApiResponse rawJson(int status, std::string body) {
        return {status, "application/json", std::move(body), nullptr};
    }

    static ApiResponse error(const StatusError &error) { return json(error.code(), error.toJson()); }
};

} // namespace otelconsole::sandbox
