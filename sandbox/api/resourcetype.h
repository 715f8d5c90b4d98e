// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/statuserror.h"

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Which naming rule an object's metadata.name must follow (REFERENCE §1.8).
enum class NameRule {
    Dns1123Subdomain, ///< most kinds
    Dns1123Label,     ///< namespaces
    Dns1035Label,     ///< services
    PathSegment,      ///< RBAC roles and bindings, e.g. "system:foo"
};

/// Which command-line switch can take a resource away, so discovery and routing agree.
enum class ApiFeature { Always, ServiceMonitor, Metrics };

/// A subresource such as deployments/scale, as discovery lists it.
struct SubresourceType {
    std::string name; ///< "status", "scale", "log"
    std::string group;
    std::string version;
    std::string kind;
    std::vector<std::string> verbs;
};

/// One row of the resource table: everything the generic verb handlers need to know about a kind.
struct ResourceType {
    std::string group;
    std::string version;
    std::string resource; ///< plural, lowercase: "deployments"
    std::string singular;
    std::string kind;
    bool namespaced = true;
    std::vector<std::string> verbs;
    std::vector<std::string> shortNames;
    std::vector<std::string> categories;
    std::vector<SubresourceType> subresources;
    NameRule nameRule = NameRule::Dns1123Subdomain;
    bool tracksGeneration = false;     ///< metadata.generation counts spec changes
    bool hasStatusSubresource = false; ///< writes to the main resource leave status alone
    bool stored = true;                ///< false for review kinds answered on the spot
    ApiFeature feature = ApiFeature::Always;

    [[nodiscard]] std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
    [[nodiscard]] std::string listKind() const { return kind + "List"; }
    [[nodiscard]] GroupResource groupResource() const { return {group, resource}; }
    /// The store's key for this type, which is also how errors name it: "deployments.apps".
    [[nodiscard]] std::string storageKey() const { return groupResource().qualified(); }
    /// "Deployment.apps", or "Service" for the core group, as validation messages name the kind.
    [[nodiscard]] std::string qualifiedKind() const { return group.empty() ? kind : kind + "." + group; }

    [[nodiscard]] bool allows(const std::string &verb) const {
        for (const auto &v : verbs) {
            if (v == verb) {
                return true;
            }
        }
        return false;
    }

    [[nodiscard]] const SubresourceType *subresource(const std::string &name) const {
        for (const auto &sub : subresources) {
            if (sub.name == name) {
                return &sub;
            }
        }
        return nullptr;
    }
};

} // namespace otelconsole::sandbox
