// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "deploy/deploymentjournal.h"
#include "deploy/objectreference.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace otelconsole {

class KubeClient;

/// One write of an apply.
struct ApplyItem {
    enum class Action {
        Apply,      ///< server-side apply of `manifest`
        Delete,     ///< delete the object (its dependents go first)
        DropFields, ///< apply an empty intent: the fields otel-console owned go, the object stays
    };

    ObjectReference object;
    Json manifest;
    Action action = Action::Apply;
    std::string liveResourceVersion; ///< before the apply; an unchanged one after it means nothing changed
};

/// Reports an object starting (outcome nullopt) or finishing.
using ApplyProgress = std::function<void(const ObjectReference &object, std::optional<ObjectOutcome> outcome,
                                         const std::string &reason)>;

/// Writes objects to the cluster in dependency waves: the objects of one wave in parallel, the next wave
/// only once the whole wave succeeded. Removals come after every apply, in reverse wave order. The journal is
/// updated and saved after every object, so an interrupted apply leaves a true record of what was written.
class PlanApplier {
public:
    struct Settings {
        std::string fieldManager = "otel-console";
        bool force = false;
    };

    PlanApplier(KubeClient *client, QObject *scope, DeploymentJournal &journal, std::string journalPath,
                Settings settings, ApplyProgress progress);

    /// Runs the items and records them in the journal as one attempt named `operation`. Fails with the
    /// list of what was written and what was not when an object is refused.
    QCoro::Task<Result<std::vector<JournalEntry>>> run(const std::vector<ApplyItem> &items,
                                                       const std::string &operation, bool wholePlan);

private:
    QCoro::Task<void> runItem(const ApplyItem &item);
    QCoro::Task<Result<ObjectOutcome>> write(const ApplyItem &item);
    [[nodiscard]] static std::vector<std::vector<const ApplyItem *>>
    waves(const std::vector<ApplyItem> &items);
    void finishItem(const ApplyItem &item, ObjectOutcome outcome, const std::string &reason);
    [[nodiscard]] Error failure() const;

    QPointer<KubeClient> m_client;
    QPointer<QObject> m_scope;
    DeploymentJournal &m_journal;
    std::string m_journalPath;
    Settings m_settings;
    ApplyProgress m_progress;
    std::optional<Error> m_journalError;
    std::optional<Error> m_firstFailure;
};

} // namespace otelconsole
