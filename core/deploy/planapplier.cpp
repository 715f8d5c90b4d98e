// SPDX-License-Identifier: Apache-2.0
#include "deploy/planapplier.h"

#include "common/logging.h"
#include "kube/kubeclient.h"

#include <algorithm>
#include <map>

namespace otelconsole {

namespace {

std::string resourceVersionOf(const Json &object) {
    if (!object.is_object() || !object.contains("metadata"))
        return {};
    return object["metadata"].value("resourceVersion", "");
}

std::string uidOf(const Json &object) {
    if (!object.is_object() || !object.contains("metadata"))
        return {};
    return object["metadata"].value("uid", "");
}

std::string listOf(const std::vector<std::string> &names) {
    std::string text;
    for (const std::string &name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text.empty() ? "nothing" : text;
}

} // namespace

PlanApplier::PlanApplier(KubeClient *client, QObject *scope, DeploymentJournal &journal,
                         std::string journalPath, Settings settings, ApplyProgress progress)
    : m_client(client)
    , m_scope(scope)
    , m_journal(journal)
    , m_journalPath(std::move(journalPath))
    , m_settings(std::move(settings))
    , m_progress(std::move(progress)) {}

QCoro::Task<Result<std::vector<JournalEntry>>>
PlanApplier::run(const std::vector<ApplyItem> &items, const std::string &operation, bool wholePlan) {
    std::vector<JournalEntry> entries;
    for (const ApplyItem &item : items) {
        const bool applies = item.action == ApplyItem::Action::Apply;
        entries.push_back({item.object,
                           ObjectOutcome::NotAttempted,
                           {},
                           applies ? item.manifest : item.object.emptyIntent()});
    }
    m_journal.beginAttempt(operation, entries, wholePlan);
    if (Result<void> saved = m_journal.save(m_journalPath); !saved)
        co_return std::unexpected(saved.error());

    for (const std::vector<const ApplyItem *> &wave : waves(items)) {
        std::vector<QCoro::Task<void>> running;
        for (const ApplyItem *item : wave)
            running.push_back(runItem(*item));
        for (QCoro::Task<void> &task : running)
            co_await task;
        if (!m_client || !m_scope)
            break;
        const bool waveFailed = std::ranges::any_of(m_journal.lastAttempt(), [](const JournalEntry &entry) {
            return entry.outcome == ObjectOutcome::Failed;
        });
        if (waveFailed)
            break;
    }

    const bool complete = std::ranges::all_of(m_journal.lastAttempt(), [](const JournalEntry &entry) {
        return entry.outcome != ObjectOutcome::NotAttempted && entry.outcome != ObjectOutcome::Failed;
    });
    m_journal.finishAttempt(complete);
    if (Result<void> saved = m_journal.save(m_journalPath); !saved)
        co_return std::unexpected(saved.error());
    if (m_journalError)
        co_return std::unexpected(*m_journalError);
    if (!m_client || !m_scope)
        co_return fail(ErrorKind::Cancelled, operation + " was cancelled; " + failure().message);
    if (!complete)
        co_return std::unexpected(failure());
    co_return m_journal.lastAttempt();
}

QCoro::Task<void> PlanApplier::runItem(const ApplyItem &item) {
    if (m_progress)
        m_progress(item.object, std::nullopt, {});
    Result<ObjectOutcome> outcome = co_await write(item);
    if (outcome)
        finishItem(item, *outcome, {});
    else if (outcome.error().kind == ErrorKind::Cancelled)
        finishItem(item, ObjectOutcome::NotAttempted, outcome.error().message);
    else {
        if (!m_firstFailure)
            m_firstFailure = outcome.error();
        finishItem(item, ObjectOutcome::Failed, outcome.error().message);
    }
}

QCoro::Task<Result<ObjectOutcome>> PlanApplier::write(const ApplyItem &item) {
    if (!m_client || !m_scope)
        co_return fail(ErrorKind::Cancelled, "cancelled before " + item.object.describe() + " was written");
    KubeClient *client = m_client;
    QObject *scope = m_scope;
    const std::string path = item.object.path();

    if (item.action == ApplyItem::Action::Delete) {
        Result<Json> deleted = co_await client->remove(path, PropagationPolicy::Foreground, false, scope);
        if (!deleted && deleted.error().kind != ErrorKind::NotFound)
            co_return std::unexpected(deleted.error());
        co_return ObjectOutcome::Removed;
    }

    const bool dropping = item.action == ApplyItem::Action::DropFields;
    const Json intent = dropping ? item.object.emptyIntent() : item.manifest;
    const bool force = m_settings.force && !dropping;
    Result<Json> applied =
        co_await client->serverSideApply(path, intent, m_settings.fieldManager, force, false, scope);
    if (!applied) {
        if (dropping && applied.error().kind == ErrorKind::NotFound)
            co_return ObjectOutcome::Removed;
        co_return std::unexpected(applied.error());
    }
    if (dropping)
        co_return ObjectOutcome::Removed;

    // A Namespace we create is remembered by uid, so an undeploy never deletes a later namesake.
    if (item.object.kind == "Namespace" && !m_journal.namespacePreExisted().value_or(true))
        m_journal.setCreatedNamespaceUid(uidOf(*applied));
    const std::string after = resourceVersionOf(*applied);
    const bool unchanged = !item.liveResourceVersion.empty() && after == item.liveResourceVersion;
    co_return unchanged ? ObjectOutcome::Unchanged : ObjectOutcome::Applied;
}

void PlanApplier::finishItem(const ApplyItem &item, ObjectOutcome outcome, const std::string &reason) {
    m_journal.recordOutcome(item.object, outcome, reason);
    if (Result<void> saved = m_journal.save(m_journalPath); !saved && !m_journalError)
        m_journalError = saved.error();
    if (outcome == ObjectOutcome::Failed)
        qCWarning(lcDeploy) << item.object.describe().c_str() << "failed:" << reason.c_str();
    if (m_progress)
        m_progress(item.object, outcome, reason);
}

std::vector<std::vector<const ApplyItem *>> PlanApplier::waves(const std::vector<ApplyItem> &items) {
    std::map<int, std::vector<const ApplyItem *>> writes;
    std::map<int, std::vector<const ApplyItem *>> removals;
    for (const ApplyItem &item : items) {
        auto &byWave = item.action == ApplyItem::Action::Apply ? writes : removals;
        byWave[item.object.applyWave()].push_back(&item);
    }
    std::vector<std::vector<const ApplyItem *>> ordered;
    for (auto &[wave, members] : writes)
        ordered.push_back(std::move(members));
    // Removals run last and backwards: a workload goes before the ConfigMap it mounts, the Namespace last.
    for (auto wave = removals.rbegin(); wave != removals.rend(); ++wave)
        ordered.push_back(std::move(wave->second));
    return ordered;
}

Error PlanApplier::failure() const {
    std::vector<std::string> done;
    std::vector<std::string> notDone;
    // The first refusal's kind tells callers whether credentials, rights or a conflict are at stake.
    Error error = m_firstFailure.value_or(Error{ErrorKind::Cancelled, {}, {}, {}, 0, {}});
    error.causes.clear();
    std::string reasons;
    for (const JournalEntry &entry : m_journal.lastAttempt()) {
        const bool written = entry.outcome == ObjectOutcome::Applied
                             || entry.outcome == ObjectOutcome::Unchanged
                             || entry.outcome == ObjectOutcome::Removed;
        (written ? done : notDone).push_back(entry.object.describe());
        if (entry.outcome != ObjectOutcome::Failed)
            continue;
        reasons += (reasons.empty() ? "" : "\n") + entry.object.describe() + ": " + entry.reason;
        error.causes.push_back({"ObjectFailed", entry.reason, entry.object.describe()});
    }
    error.message = reasons + "\nWritten: " + listOf(done) + ".\nNot written: " + listOf(notDone)
                    + ".\nFix the cause and run it again: what was written comes out unchanged.";
    return error;
}

} // namespace otelconsole
