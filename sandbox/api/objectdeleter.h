// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/resourcetype.h"
#include "api/statuserror.h"
#include "store/storedobject.h"

#include <cstdint>
#include <string>

namespace otelconsole::sandbox {

class Clock;
class ObjectStore;

/// How a delete should treat the object's dependents (DeleteOptions).
struct DeleteOptions {
    std::string propagationPolicy = "Background"; ///< Background, Foreground or Orphan
    std::string preconditionUid;
    std::string preconditionResourceVersion;
    bool dryRun = false;
};

/// The result of a delete: either the object is gone, or it stays marked with a deletionTimestamp
/// until its finalizers are removed.
struct DeleteOutcome {
    ObjectPtr object;
    bool removed = false;
};

/// Deletion as the API server does it: preconditions, finalizers, the foregroundDeletion and
/// orphan finalizers for propagation, and namespaces going Terminating first. The garbage
/// collector and the namespace controller finish what this starts.
class ObjectDeleter {
public:
    ObjectDeleter(ObjectStore &store, const Clock &clock);

    ApiResult<DeleteOutcome> remove(const ResourceType &type, const std::string &ns, const std::string &name,
                                    const DeleteOptions &options);

    /// Removes an object whose deletionTimestamp is set once no finalizer is left; returns true if it did.
    bool finishIfUnblocked(const ResourceType &type, const ObjectPtr &object);

private:
    ApiResult<DeleteOutcome> markForDeletion(const ResourceType &type, const ObjectPtr &current,
                                             const std::string &finalizer, const DeleteOptions &options);

    ObjectStore &m_store;
    const Clock &m_clock;
};

} // namespace otelconsole::sandbox
