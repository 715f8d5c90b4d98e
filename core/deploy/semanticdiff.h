// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"
#include "deploy/objectreference.h"

#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// One field an apply would change: its path in the object, the live value and the value after the apply
/// (null when the field is absent on that side).
struct FieldChange {
    std::string path; ///< `spec.template.spec.containers[name=otel-collector].resources.limits.memory`
    Json before;
    Json after;
};

enum class ObjectChange {
    Create,    ///< the object does not exist yet
    Update,    ///< some fields of the intent differ from the live object
    Unchanged, ///< the live object already holds the intent
    Remove,    ///< applied before, no longer in the plan: the deploy removes it
};

[[nodiscard]] std::string_view toString(ObjectChange change);

/// What applying one object would do.
struct ObjectDiff {
    ObjectReference object;
    ObjectChange change = ObjectChange::Unchanged;
    std::vector<FieldChange> fields; ///< Update only
    bool restartsPods = false;       ///< a workload whose pod template changes rolls its pods
};

/// Compares an apply intent with the live object the way server-side apply sees it: only the fields of
/// the intent count (server defaults and other managers' fields are ignored), lists of named things are
/// matched by their merge key (containers by name, volume mounts by mountPath, ...) rather than by
/// position, and resource quantities are compared by value (`1024Mi` equals `1Gi`, `0.5` equals `500m`).
class SemanticDiff {
public:
    /// `live` null means the object does not exist yet. `afterApply` is what a server-side dry run
    /// returned (null: take the intent's own values). `previousIntent` is what was applied last time
    /// (null: unknown); its fields missing from `intent` are reported as removed, since the apply drops
    /// them.
    [[nodiscard]] static ObjectDiff compare(const ObjectReference &object, const Json &intent,
                                            const Json *live, const Json *afterApply = nullptr,
                                            const Json *previousIntent = nullptr);

    /// Whether two values of the field `key` mean the same: equal JSON, numbers and their string
    /// spelling, and for resource quantities (`cpu`, `memory`, ... or anything under `limits`/`requests`)
    /// equal amounts.
    [[nodiscard]] static bool sameValue(std::string_view key, std::string_view parentKey, const Json &left,
                                        const Json &right);

    /// The names of the fields that identify an element of the list `field`, judged by the element
    /// itself: `name` for containers, env and volumes, `mountPath` for volume mounts, `containerPort`
    /// (and `protocol`) for container ports, `port` for Service ports. Empty: the list is compared whole.
    [[nodiscard]] static std::vector<std::string> mergeKeys(std::string_view field, const Json &element);
};

} // namespace otelconsole
