// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"

#include <string>

namespace otelconsole {

/// The REST coordinates of one Kubernetes object of a plan: what it is, where it lives and which API
/// path serves it. Only the kinds a collector deployment uses are known.
struct ObjectReference {
    std::string apiVersion; ///< `v1`, `apps/v1`, ...
    std::string kind;
    std::string namespaceName; ///< empty for cluster-scoped kinds
    std::string name;
    std::string resource; ///< plural, as in the URL and in RBAC rules: `deployments`
    bool namespaced = true;

    /// Reads apiVersion, kind, metadata.name and metadata.namespace of a manifest. Fails for kinds outside
    /// the table and for a namespaced object without a namespace.
    [[nodiscard]] static Result<ObjectReference> fromManifest(const Json &manifest);

    /// The API group: empty for the core group, `apps` for `apps/v1`.
    [[nodiscard]] std::string group() const;
    [[nodiscard]] std::string version() const;

    /// `/apis/apps/v1/namespaces/otel/deployments/gateway`.
    [[nodiscard]] std::string path() const;
    /// The collection the object belongs to: `/apis/apps/v1/namespaces/otel/deployments`.
    [[nodiscard]] std::string collectionPath() const;

    /// `deployments.apps`, `configmaps`, `clusterroles.rbac.authorization.k8s.io`: how kubectl and the
    /// RBAC docs name a resource.
    [[nodiscard]] std::string qualifiedResource() const;

    /// A stable identity for maps and the journal: `apps/v1/Deployment/otel/gateway`.
    [[nodiscard]] std::string key() const;

    /// `Deployment otel/gateway` or `ClusterRole otel-console:otel:gateway`, for messages.
    [[nodiscard]] std::string describe() const;

    /// The manifest holding nothing but the identity: applied under a field manager, it drops every field
    /// that manager owned.
    [[nodiscard]] Json emptyIntent() const;

    /// Whether the kind runs pods whose template a change can roll.
    [[nodiscard]] bool isWorkload() const;

    /// The dependency wave the kind is applied in: 0 Namespace; 1 ServiceAccount, ClusterRole, Role,
    /// ConfigMap, Secret; 2 bindings and Services; 3 workloads; 4 HPA, PDB, ServiceMonitor.
    [[nodiscard]] int applyWave() const;

    bool operator==(const ObjectReference &other) const { return key() == other.key(); }
};

} // namespace otelconsole
