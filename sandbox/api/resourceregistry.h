// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/resourcetype.h"

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// An API group and the versions it serves, in preference order.
struct ApiGroupVersions {
    std::string group;
    std::vector<std::string> versions;
};

/// The table of resource kinds the sandbox serves. Adding a kind is adding a row in the .cpp.
class ResourceRegistry {
public:
    ResourceRegistry(bool serviceMonitorCrd, bool metricsApi);

    /// The type served at group/version/resource, or null when there is none (or it is switched off).
    [[nodiscard]] const ResourceType *find(const std::string &group, const std::string &version,
                                           const std::string &resource) const;

    /// The type for an apiVersion and kind, e.g. "apps/v1" + "Deployment".
    [[nodiscard]] const ResourceType *findByKind(const std::string &apiVersion,
                                                 const std::string &kind) const;

    /// The type whose store key is `storageKey`, e.g. "deployments.apps".
    [[nodiscard]] const ResourceType *findByStorageKey(const std::string &storageKey) const;

    /// The first type of `group` named `resource`, whatever its version (RBAC speaks in groups only).
    [[nodiscard]] const ResourceType *findInGroup(const std::string &group,
                                                  const std::string &resource) const;

    [[nodiscard]] std::vector<const ResourceType *> resourcesIn(const std::string &group,
                                                                const std::string &version) const;

    /// Served groups in discovery order; the core group is the one with an empty name.
    [[nodiscard]] std::vector<ApiGroupVersions> groups() const;

    [[nodiscard]] const std::vector<ResourceType> &all() const { return m_types; }

private:
    std::vector<ResourceType> m_types;
};

} // namespace otelconsole::sandbox
