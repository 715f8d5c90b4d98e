// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

#include <QByteArray>

#include <string>

namespace otelconsole {

/// What a failed request asked for, in the terms its error message needs.
struct ApiRequestFacts {
    std::string method; ///< GET, POST, PATCH, ...
    std::string path;   ///< without the query
    bool watch = false;
    std::string server;      ///< the API server URL
    std::string userEntry;   ///< the kubeconfig user entry, as ClusterConnection::describeUser() puts it
    std::string contentType; ///< of the response
};

/// Turns a non-2xx answer of the API server into an Error an operator can act on. The Status body, when
/// there is one, supplies the reason, causes and details; without one (an HTML page from a proxy, a
/// truncated body) the HTTP status still gives a clear message. Kinds: 401 Auth, 403 Forbidden,
/// 404 NotFound, 409 Conflict, 400/422 InvalidInput, 408/504 Timeout, everything else Api.
[[nodiscard]] Error apiErrorFromResponse(int httpStatus, const QByteArray &body,
                                         const ApiRequestFacts &request);

} // namespace otelconsole
