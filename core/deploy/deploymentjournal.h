// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "deploy/objectreference.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// What happened to one object in an apply.
enum class ObjectOutcome {
    NotAttempted, ///< an earlier failure stopped the apply before this object
    Applied,      ///< created or changed
    Unchanged,    ///< the apply left the live object as it was
    Removed,      ///< deleted, or for an object that existed before, our fields dropped
    Failed,       ///< the API server refused it; the reason says why
};

[[nodiscard]] std::string_view toString(ObjectOutcome outcome);
[[nodiscard]] std::optional<ObjectOutcome> objectOutcomeFromString(std::string_view text);

/// One object of the last apply and how it went.
struct JournalEntry {
    ObjectReference object;
    ObjectOutcome outcome = ObjectOutcome::NotAttempted;
    std::string reason;
    Json manifest; ///< the intent this apply sent (or would have sent)
};

/// One object as last applied successfully.
struct AppliedObject {
    ObjectReference object;
    Json manifest;
};

/// The record of one collector deployment on one cluster, kept next to the user's data: which objects
/// otel-console applied, with which manifests, what existed before it came, and how the last apply went.
/// Re-running a deploy, rolling back and undeploying all read it, so it is written after every object.
class DeploymentJournal {
public:
    static constexpr int formatVersion = 1;

    DeploymentJournal() = default;
    DeploymentJournal(std::string cluster, std::string namespaceName, std::string name);

    /// `<AppDataLocation>/journal`, where journals live unless a caller chooses another root.
    [[nodiscard]] static std::string defaultRoot();
    /// `<root>/<cluster>/<namespace>/<name>.json`, with characters a file name cannot hold replaced.
    [[nodiscard]] static std::string pathFor(const std::string &root, const std::string &cluster,
                                             const std::string &namespaceName, const std::string &name);

    /// Reads a journal; ErrorKind::NotFound when there is none yet.
    [[nodiscard]] static Result<DeploymentJournal> load(const std::string &path);
    /// Writes the journal atomically: a crash leaves the old one or the new one, never half of one.
    [[nodiscard]] Result<void> save(const std::string &path) const;

    [[nodiscard]] Json toJson() const;
    [[nodiscard]] static Result<DeploymentJournal> fromJson(const Json &document);

    [[nodiscard]] const std::string &cluster() const { return m_cluster; }
    [[nodiscard]] const std::string &namespaceName() const { return m_namespace; }
    [[nodiscard]] const std::string &name() const { return m_name; }

    /// Whether the Namespace existed before the last apply (then it is left alone); unknown until an
    /// apply looked.
    [[nodiscard]] std::optional<bool> namespacePreExisted() const { return m_namespacePreExisted; }
    void setNamespacePreExisted(bool preExisted) { m_namespacePreExisted = preExisted; }

    /// The uid of the Namespace otel-console created; an undeploy deletes a Namespace of that name only
    /// while it is still that one, never one someone made after us.
    [[nodiscard]] const std::string &createdNamespaceUid() const { return m_createdNamespaceUid; }
    void setCreatedNamespaceUid(std::string uid) { m_createdNamespaceUid = std::move(uid); }

    /// Remembers, the first time an object is met, whether it was already in the cluster. Later calls
    /// for the same object change nothing: what we created stays ours across re-runs.
    void noteExistence(const ObjectReference &object, bool existsNow);
    /// Whether the object was there before otel-console first applied it (false when never seen).
    [[nodiscard]] bool existedBefore(const ObjectReference &object) const;

    /// Starts recording an apply of `objects`, all NotAttempted. `wholePlan` false means the objects are a
    /// part of the deployment (a config update, a new HPA): they are merged into the applied state.
    void beginAttempt(std::string operation, const std::vector<JournalEntry> &objects, bool wholePlan = true);
    void recordOutcome(const ObjectReference &object, ObjectOutcome outcome, std::string reason = {});
    /// Ends the apply. A complete one becomes the applied state; the state it replaces is kept as the
    /// previous one for rollback, unless the apply changed nothing.
    void finishAttempt(bool complete);

    [[nodiscard]] const std::string &lastOperation() const { return m_operation; }
    [[nodiscard]] const std::vector<JournalEntry> &lastAttempt() const { return m_attempt; }
    [[nodiscard]] bool lastAttemptComplete() const { return m_attemptComplete; }
    [[nodiscard]] const std::vector<AppliedObject> &applied() const { return m_applied; }
    [[nodiscard]] const std::vector<AppliedObject> &previous() const { return m_previous; }
    [[nodiscard]] const AppliedObject *appliedManifest(const ObjectReference &object) const;

    /// Every object otel-console may have written: the applied state plus whatever the last apply got to.
    [[nodiscard]] std::vector<ObjectReference> touchedObjects() const;

    /// After a rollback: the previous state is now the applied one and the other way round.
    void swapAppliedAndPrevious();
    /// After an undeploy: nothing is applied any more.
    void clearApplied();

private:
    std::string m_cluster;
    std::string m_namespace;
    std::string m_name;
    std::optional<bool> m_namespacePreExisted;
    std::string m_createdNamespaceUid;
    std::map<std::string, bool> m_existedBefore; ///< by ObjectReference::key()
    std::string m_operation;
    std::vector<JournalEntry> m_attempt;
    bool m_attemptComplete = false;
    bool m_attemptWholePlan = true;
    std::vector<AppliedObject> m_applied;
    std::vector<AppliedObject> m_previous;
};

} // namespace otelconsole
