// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/apiresponse.h"
#include "api/resourceregistry.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace otelconsole::sandbox {

/// The non-resource endpoints: /version, the discovery documents (/api, /apis, /apis/GROUP[/VERSION])
/// and the health checks. Answers with legacy (unaggregated) discovery, which every client accepts.
class Discovery {
public:
    Discovery(const ResourceRegistry &registry, std::string serverVersion);

    /// Sets the address announced in /api's serverAddressByClientCIDRs.
    void setServerAddress(std::string address) { m_serverAddress = std::move(address); }

    /// The answer for `path`, or nothing when it is not a discovery path.
    [[nodiscard]] std::optional<ApiResponse> handle(const std::string &path) const;

    [[nodiscard]] nlohmann::json version() const;
    [[nodiscard]] nlohmann::json apiVersions() const;
    [[nodiscard]] nlohmann::json groupList() const;
    [[nodiscard]] std::optional<nlohmann::json> group(const std::string &name) const;
    [[nodiscard]] std::optional<nlohmann::json> resourceList(const std::string &group,
                                                             const std::string &version) const;

private:
    [[nodiscard]] static nlohmann::json resourceEntry(const ResourceType &type);
    [[nodiscard]] static nlohmann::json groupEntry(const ApiGroupVersions &group);

    const ResourceRegistry &m_registry;
    std::string m_serverVersion;
    std::string m_serverAddress = "127.0.0.1:6443";
};

} // namespace otelconsole::sandbox
