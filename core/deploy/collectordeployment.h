// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/error.h"
#include "deploy/clusterevent.h"
#include "deploy/deploymentjournal.h"
#include "deploy/deployplanner.h"
#include "deploy/deployreport.h"
#include "deploy/objectreference.h"
#include "deploy/resourceusage.h"
#include "deploy/rolloutcheck.h"
#include "deploy/statusreader.h"
#include "deploy/workloadhealth.h"
#include "model/project.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace otelconsole {

class KubeClient;

/// The steps of an operation, announced so that a view can show where it is.
enum class DeployPhase { Preflight, DryRun, Apply, Wait, Remove };

[[nodiscard]] std::string_view toString(DeployPhase phase);

/// One collector deployment — a project on one cluster — and everything that can be done to it: deploy
/// safely (preflight, dry run with a semantic diff, apply in dependency waves with a journal), change
/// its config, scale it, add the high-availability objects, watch its rollout, read its health, events,
/// resource use and throughput, roll it back and remove it.
///
/// Every operation is a coroutine that never blocks and ends with a Result. cancel() (or destroying the
/// object) aborts the requests in flight; the operations then end with ErrorKind::Cancelled. Progress of
/// writes is reported per object through the signals, for a Deploy page with one row per object.
class CollectorDeployment : public QObject {
    Q_OBJECT

public:
    /// `client` and `catalog` must outlive the deployment.
    CollectorDeployment(Project project, KubeClient *client, const Catalog &catalog = Catalog::builtin(),
                        QObject *parent = nullptr);
    ~CollectorDeployment() override;

    [[nodiscard]] const Project &project() const { return m_project; }

    /// Where journals are kept; DeploymentJournal::defaultRoot() unless set.
    void setJournalRoot(std::string root) { m_journalRoot = std::move(root); }
    [[nodiscard]] std::string journalPath() const;
    /// The journal as saved now (an empty one when there is none yet).
    [[nodiscard]] Result<DeploymentJournal> journal() const;

    /// Checks without writing: validation, missing permissions (all of them), missing APIs, the sidecar's
    /// target. Fails only when the cluster cannot be asked.
    QCoro::Task<Result<PreflightReport>> preflight();

    /// The preflight, then a server-side dry run of the whole plan, diffed against the live objects.
    QCoro::Task<Result<DeployReport>> planChanges(bool forceConflicts = false);

    /// Preflight, dry run and diff, then (unless `options.dryRun`) the apply in dependency waves, removal
    /// of what earlier deploys applied and the project no longer has, and optionally the wait for the
    /// rollout. A blocked preflight or refused dry run writes nothing and fails listing every reason; a
    /// refused object stops the apply, failing with what was written and what was not.
    QCoro::Task<Result<DeployReport>> deploy(const DeployOptions &options = {});

    /// Only the ServiceAccount, ClusterRole and ClusterRoleBinding (and the Namespace they live in).
    QCoro::Task<Result<DeployReport>> createRbac();

    /// Replaces the collector config: a new ConfigMap and, through the checksum on the pod template, a
    /// rolling restart of the collector pods, waited for when `waitTimeout` is given.
    QCoro::Task<Result<ConfigUpdateReport>>
    updateConfig(const CollectorConfig &config, std::optional<std::chrono::milliseconds> waitTimeout = {});

    /// Sets the gateway's replica count. Refused, with the reason, for DaemonSets and sidecars (their
    /// pod count follows nodes or the application) and when an HPA owns the replica count.
    QCoro::Task<Result<DeployReport>> scale(int replicas);

    QCoro::Task<Result<DeployReport>> createService(const ServiceSpec &spec);
    QCoro::Task<Result<DeployReport>> createHeadlessService();
    QCoro::Task<Result<DeployReport>> createHpa(const HpaConfig &config);
    QCoro::Task<Result<DeployReport>> createPdb(const PdbConfig &config);
    QCoro::Task<Result<DeployReport>> setAntiAffinity(const AntiAffinityConfig &config);
    /// Explains instead of failing obscurely when the cluster has no ServiceMonitor CRD.
    QCoro::Task<Result<DeployReport>> createServiceMonitor(const ServiceMonitorSpec &spec);

    /// Sidecar mode: the collector's ConfigMap and RBAC, then the collector container applied into the
    /// target workload's pod template (a native sidecar from Kubernetes 1.29 on).
    QCoro::Task<Result<DeployReport>> injectSidecar();

    /// Waits for the rollout with the rules of `kubectl rollout status`.
    QCoro::Task<Result<RolloutStatus>> waitUntilReady(std::chrono::milliseconds timeout);

    QCoro::Task<Result<HealthStatus>> healthCheck();
    QCoro::Task<Result<std::vector<PodHealth>>> podStatus();
    QCoro::Task<Result<DeploymentMetrics>>
    metrics(std::chrono::milliseconds sampleInterval = std::chrono::seconds(5));
    QCoro::Task<Result<std::vector<ClusterEvent>>> events();
    QCoro::Task<Result<std::vector<NodeResources>>> nodeResources();

    /// Removes what the journal says otel-console created, in reverse dependency order, and drops its
    /// fields from what existed before (the sidecar's container from the application, for instance). A
    /// Namespace it did not create stays. Waits up to `waitForDeletion` for the objects to be gone.
    QCoro::Task<Result<std::vector<JournalEntry>>>
    undeploy(std::chrono::milliseconds waitForDeletion = std::chrono::seconds(60));

    /// Re-applies the state before the last successful apply, removing what that apply added.
    QCoro::Task<Result<std::vector<JournalEntry>>> rollback();

    /// Aborts every request of every operation in flight.
    void cancel();

Q_SIGNALS:
    void phaseStarted(otelconsole::DeployPhase phase);
    void objectStarted(const otelconsole::ObjectReference &object);
    void objectFinished(const otelconsole::ObjectReference &object, otelconsole::ObjectOutcome outcome,
                        const QString &reason);
    void rolloutProgress(const otelconsole::RolloutStatus &status);

private:
    struct Operation;

    QCoro::Task<Result<DeployReport>> applyPart(const std::string &operation, const ObjectFilter &filter,
                                                const DeployOptions &options);
    QCoro::Task<Result<DeployReport>> runApply(const Operation &operation);
    QCoro::Task<Result<ClusterCapabilities>> capabilities();
    QCoro::Task<Result<std::vector<JournalEntry>>> writeItems(DeploymentJournal &journal,
                                                              const std::vector<ApplyItem> &items,
                                                              const std::string &operation, bool wholePlan,
                                                              bool force);
    [[nodiscard]] Result<DeploymentJournal> loadJournal() const;
    [[nodiscard]] ObjectReference workloadReference() const;
    [[nodiscard]] CollectorLocation location() const;
    [[nodiscard]] QObject *scope();
    [[nodiscard]] std::string fieldManager() const;
    [[nodiscard]] Error cancelledError(const std::string &what) const;
    void announce(const ObjectReference &object, std::optional<ObjectOutcome> outcome,
                  const std::string &reason);

    Project m_project;
    QPointer<KubeClient> m_client;
    const Catalog &m_catalog;
    std::string m_journalRoot;
    QPointer<QObject> m_scope;
};

} // namespace otelconsole

Q_DECLARE_METATYPE(otelconsole::DeployPhase)
Q_DECLARE_METATYPE(otelconsole::ObjectReference)
Q_DECLARE_METATYPE(otelconsole::ObjectOutcome)
Q_DECLARE_METATYPE(otelconsole::RolloutStatus)
