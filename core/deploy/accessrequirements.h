// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace otelconsole {

/// One question for a SelfSubjectAccessReview: may I `verb` this resource here?
struct AccessCheck {
    std::string verb;
    std::string group; ///< empty: the core group
    std::string resource;
    std::string subresource;
    std::string namespaceName; ///< empty: cluster-wide
    std::string name;          ///< empty: any object

    /// The `spec` of a SelfSubjectAccessReview asking this.
    [[nodiscard]] Json reviewSpec() const;
    /// `clusterroles.rbac.authorization.k8s.io`, `nodes/stats`, `deployments.apps`.
    [[nodiscard]] std::string qualifiedResource() const;
    /// `(cluster-wide)` or `in namespace "otel"`.
    [[nodiscard]] std::string scope() const;
    [[nodiscard]] std::string key() const;

    bool operator==(const AccessCheck &) const = default;
};

/// Why a permission is needed.
enum class AccessPurpose {
    Apply, ///< server-side apply of an object of the plan
    Grant, ///< a role of the plan grants it, and Kubernetes lets nobody grant what they do not hold
};

/// A permission the deploy needs, and the one that would make it unnecessary (`escalate` on a role,
/// `bind` on the role a binding refers to).
struct AccessNeed {
    AccessCheck check;
    AccessPurpose purpose = AccessPurpose::Apply;
    std::string grantedBy; ///< Grant: the role granting it, e.g. `ClusterRole "otel-console:otel:gw"`
    std::vector<AccessCheck> waivers;
};

/// Which permissions applying a plan takes, and how to tell a person which of them they lack.
class AccessRequirements {
public:
    /// Every permission applying `objects` with server-side apply needs: `get` and `patch` on each object,
    /// and `create` where the object does not exist yet (`exists` maps ObjectReference::key() to whether
    /// it does; a missing entry means unknown, so create is asked too). For each ClusterRole and Role, every
    /// permission its rules grant, held at the role's scope, unless the user may `escalate` the role; for
    /// each binding, the same unless the user may `bind` the role it names.
    [[nodiscard]] static std::vector<AccessNeed> forObjects(const std::vector<Json> &objects,
                                                            const std::map<std::string, bool> &exists);

    /// The distinct checks to send, needs and waivers together.
    [[nodiscard]] static std::vector<AccessCheck> checksOf(const std::vector<AccessNeed> &needs);

    /// The needs whose check is denied and none of whose waivers is allowed. `allowed` maps
    /// AccessCheck::key() to the review's answer.
    [[nodiscard]] static std::vector<AccessNeed> missing(const std::vector<AccessNeed> &needs,
                                                         const std::map<std::string, bool> &allowed);

    /// One sentence per resource and scope, naming every missing verb and what to ask a cluster admin
    /// for: `user "operator" may not create, patch clusterroles.rbac.authorization.k8s.io (cluster-wide)
    /// — ask a cluster admin for ...`.
    [[nodiscard]] static std::vector<std::string> describe(const std::vector<AccessNeed> &missing,
                                                           const std::string &user);
};

} // namespace otelconsole
