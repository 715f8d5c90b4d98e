// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/resourcetype.h"
#include "api/statuserror.h"

#include <nlohmann/json.hpp>

#include <string>

namespace otelconsole::sandbox {

/// Checks that a request body is the object the URL names: apiVersion, kind, namespace and name.
/// Missing values are filled in from the URL; contradicting ones are refused.
class ObjectIdentity {
public:
    /// `expectedKind`/`expectedApiVersion` override the type's (for Scale bodies); `name` empty
    /// means the URL names no object (create).
    static ApiResult<void> reconcile(const ResourceType &type, nlohmann::json &object, const std::string &ns,
                                     const std::string &name, const std::string &expectedKind = {},
                                     const std::string &expectedApiVersion = {});

    /// Gives a nameless object with metadata.generateName its generated name.
    static ApiResult<void> generateName(const ResourceType &type, nlohmann::json &object);

    /// A name made from `prefix` and five random characters, as generateName does.
    static std::string generatedName(const std::string &prefix);
};

} // namespace otelconsole::sandbox
