// SPDX-License-Identifier: Apache-2.0
#include "deploy/collectordeployment.h"

#include "common/logging.h"
#include "deploy/deploymentremover.h"
#include "deploy/planapplier.h"
#include "deploy/rolloutwatcher.h"
#include "kube/kubeclient.h"
#include "render/renderer.h"

#include <algorithm>

namespace otelconsole {

namespace {

std::string joinLines(const std::vector<std::string> &lines) {
    std::string text;
    for (const std::string &line : lines)
        text += "\n- " + line;
    return text;
}

Error preflightError(const PreflightReport &report) {
    Error error;
    error.kind = !report.missingPermissions.empty() ? ErrorKind::Forbidden
                 : !report.validationErrors.empty() ? ErrorKind::InvalidInput
                                                    : ErrorKind::Api;
    const std::vector<std::string> problems = report.problems();
    error.message =
        "the preflight check stopped the deploy before anything was written:" + joinLines(problems);
    for (const std::string &problem : problems)
        error.causes.push_back({"Preflight", problem, {}});
    return error;
}

bool isRbacKind(const ObjectReference &object) {
    return object.kind == "ServiceAccount" || object.kind == "ClusterRole"
           || object.kind == "ClusterRoleBinding" || object.kind == "Role" || object.kind == "RoleBinding"
           || object.kind == "Namespace";
}

} // namespace

/// What one apply operation writes and how.
struct CollectorDeployment::Operation {
    std::string name;
    std::string what; ///< for "the project renders no ..." when the filter matches nothing
    ObjectFilter filter;
    DeployOptions options;
    bool wholePlan = false;
};

std::string_view toString(DeployPhase phase) {
    switch (phase) {
    case DeployPhase::Preflight:
        return "preflight";
    case DeployPhase::DryRun:
        return "dry run";
    case DeployPhase::Apply:
        return "apply";
    case DeployPhase::Wait:
        return "wait";
    case DeployPhase::Remove:
        break;
    }
    return "remove";
}

CollectorDeployment::CollectorDeployment(Project project, KubeClient *client, const Catalog &catalog,
                                         QObject *parent)
    : QObject(parent)
    , m_project(std::move(project))
    , m_client(client)
    , m_catalog(catalog)
    , m_journalRoot(DeploymentJournal::defaultRoot()) {}

CollectorDeployment::~CollectorDeployment() = default;

std::string CollectorDeployment::journalPath() const {
    const std::string cluster = m_client ? m_client->connection().clusterName : std::string("unknown");
    return DeploymentJournal::pathFor(m_journalRoot, cluster, m_project.deployment.namespaceName,
                                      m_project.name);
}

Result<DeploymentJournal> CollectorDeployment::journal() const {
    return loadJournal();
}

Result<DeploymentJournal> CollectorDeployment::loadJournal() const {
    Result<DeploymentJournal> loaded = DeploymentJournal::load(journalPath());
    if (loaded || loaded.error().kind != ErrorKind::NotFound)
        return loaded;
    const std::string cluster = m_client ? m_client->connection().clusterName : std::string();
    return DeploymentJournal(cluster, m_project.deployment.namespaceName, m_project.name);
}

QObject *CollectorDeployment::scope() {
    if (!m_scope)
        m_scope = new QObject(this);
    return m_scope;
}

void CollectorDeployment::cancel() {
    delete m_scope;
}

std::string CollectorDeployment::fieldManager() const {
    return m_client ? m_client->options().fieldManager : std::string("otel-console");
}

Error CollectorDeployment::cancelledError(const std::string &what) const {
    return fail(ErrorKind::Cancelled, what + " was cancelled").error();
}

ObjectReference CollectorDeployment::workloadReference() const {
    return CollectorLocation::of(m_project, m_catalog).workload;
}

CollectorLocation CollectorDeployment::location() const {
    return CollectorLocation::of(m_project, m_catalog);
}

void CollectorDeployment::announce(const ObjectReference &object, std::optional<ObjectOutcome> outcome,
                                   const std::string &reason) {
    if (!outcome)
        Q_EMIT objectStarted(object);
    else
        Q_EMIT objectFinished(object, *outcome, QString::fromStdString(reason));
}

QCoro::Task<Result<PreflightReport>> CollectorDeployment::preflight() {
    QPointer<CollectorDeployment> self(this);
    QPointer<QObject> operationScope = scope();
    Result<DeploymentJournal> journal = loadJournal();
    if (!journal)
        co_return std::unexpected(journal.error());
    const Project project = m_project;
    DeployPlanner planner(m_client, operationScope, project, m_catalog, *journal);
    Q_EMIT phaseStarted(DeployPhase::Preflight);
    const ObjectFilter everything = [](const ObjectReference &) { return true; };
    Result<PreparedPlan> prepared = co_await planner.prepare(everything);
    if (!prepared)
        co_return std::unexpected(prepared.error());
    co_return prepared->report;
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::planChanges(bool forceConflicts) {
    const Operation operation{"plan", "objects", [](const ObjectReference &) { return true; },
                              DeployOptions{true, forceConflicts, std::nullopt}, true};
    co_return co_await runApply(operation);
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::deploy(const DeployOptions &options) {
    const Operation operation{"deploy", "objects", [](const ObjectReference &) { return true; }, options,
                              true};
    co_return co_await runApply(operation);
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::applyPart(const std::string &name,
                                                                 const ObjectFilter &filter,
                                                                 const DeployOptions &options) {
    const Operation operation{name, name, filter, options, false};
    co_return co_await runApply(operation);
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::runApply(const Operation &operation) {
    QPointer<CollectorDeployment> self(this);
    QPointer<QObject> operationScope = scope();
    const auto gone = [&] { return !self || !operationScope || !m_client; };
    Result<DeploymentJournal> journal = loadJournal();
    if (!journal)
        co_return std::unexpected(journal.error());
    const Project project = m_project;
    const std::string manager = fieldManager();
    DeployPlanner planner(m_client, operationScope, project, m_catalog, *journal);

    Q_EMIT phaseStarted(DeployPhase::Preflight);
    Result<PreparedPlan> prepared = co_await planner.prepare(operation.filter);
    if (!prepared)
        co_return std::unexpected(prepared.error());
    if (gone())
        co_return std::unexpected(cancelledError(operation.name));
    if (!prepared->report.passed())
        co_return std::unexpected(preflightError(prepared->report));
    if (prepared->items.empty() && !operation.wholePlan)
        co_return fail(ErrorKind::InvalidInput, "nothing to apply: the project renders no " + operation.what
                                                    + " in " + std::string(toString(project.deployment.mode))
                                                    + " mode");

    Q_EMIT phaseStarted(DeployPhase::DryRun);
    DeployReport report;
    report.preflight = prepared->report;
    report.dryRun = operation.options.dryRun;
    Result<std::vector<ObjectDiff>> changes =
        co_await planner.dryRun(*prepared, manager, operation.options.forceConflicts, operation.wholePlan);
    if (!changes)
        co_return std::unexpected(changes.error());
    if (gone())
        co_return std::unexpected(cancelledError(operation.name));
    report.changes = std::move(*changes);
    if (operation.options.dryRun)
        co_return report;

    Q_EMIT phaseStarted(DeployPhase::Apply);
    std::vector<ApplyItem> items = prepared->items;
    if (operation.wholePlan) {
        for (ApplyItem &removal : planner.pruneItems(*prepared))
            items.push_back(std::move(removal));
    }
    Result<std::vector<JournalEntry>> written = co_await writeItems(
        *journal, items, operation.name, operation.wholePlan, operation.options.forceConflicts);
    if (!written)
        co_return std::unexpected(written.error());
    if (gone())
        co_return std::unexpected(cancelledError(operation.name));
    report.objects = std::move(*written);

    if (operation.options.waitTimeout) {
        Result<RolloutStatus> rollout = co_await waitUntilReady(*operation.options.waitTimeout);
        if (!rollout)
            co_return std::unexpected(rollout.error());
        report.rollout = *rollout;
    }
    co_return report;
}

QCoro::Task<Result<std::vector<JournalEntry>>>
CollectorDeployment::writeItems(DeploymentJournal &journal, const std::vector<ApplyItem> &items,
                                const std::string &operation, bool wholePlan, bool force) {
    QPointer<CollectorDeployment> self(this);
    const ApplyProgress progress = [self](const ObjectReference &object, std::optional<ObjectOutcome> outcome,
                                          const std::string &reason) {
        if (self)
            self->announce(object, outcome, reason);
    };
    PlanApplier applier(m_client, scope(), journal, journalPath(),
                        PlanApplier::Settings{fieldManager(), force}, progress);
    co_return co_await applier.run(items, operation, wholePlan);
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::createRbac() {
    co_return co_await applyPart("RBAC objects", isRbacKind, DeployOptions{});
}

QCoro::Task<Result<ConfigUpdateReport>>
CollectorDeployment::updateConfig(const CollectorConfig &config,
                                  std::optional<std::chrono::milliseconds> waitTimeout) {
    const CollectorConfig next = config;
    Result<Plan> before = renderPlan(m_project, m_catalog);
    m_project.collector = next;
    Result<Plan> after = renderPlan(m_project, m_catalog);
    if (!before || !after)
        co_return std::unexpected(before ? after.error() : before.error());

    ConfigUpdateReport update;
    update.previousChecksum = before->configChecksum;
    update.checksum = after->configChecksum;
    update.podsRestart = update.previousChecksum != update.checksum;
    const ObjectFilter configAndWorkload = [](const ObjectReference &object) {
        return object.kind == "ConfigMap" || object.isWorkload();
    };
    Result<DeployReport> applied =
        co_await applyPart("collector config", configAndWorkload, DeployOptions{false, false, waitTimeout});
    if (!applied)
        co_return std::unexpected(applied.error());
    update.objects = std::move(applied->objects);
    update.rollout = applied->rollout;
    co_return update;
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::scale(int replicas) {
    QPointer<CollectorDeployment> self(this);
    if (m_project.deployment.mode != DeploymentMode::Gateway)
        co_return fail(
            ErrorKind::InvalidInput,
            "only a Gateway has a replica count to scale: a DaemonSet runs one collector per node and a "
            "sidecar one per application pod; scale the nodes or the application instead");
    if (replicas < 0)
        co_return fail(ErrorKind::InvalidInput, "a replica count cannot be negative");
    if (m_project.hpa)
        co_return fail(
            ErrorKind::Conflict,
            "the HorizontalPodAutoscaler " + m_project.name + " owns the replica count (between "
                + std::to_string(m_project.hpa->minReplicas) + " and "
                + std::to_string(m_project.hpa->maxReplicas)
                + "); change hpa.min_replicas and hpa.max_replicas, or remove the HPA to scale by hand");

    // An HPA created outside the project owns the count just as well.
    const std::string hpaPath =
        "/apis/autoscaling/v2/namespaces/" + m_project.deployment.namespaceName + "/horizontalpodautoscalers";
    const Selectors noSelectors;
    Result<Json> autoscalers = co_await m_client->list(hpaPath, noSelectors, scope());
    if (!self)
        co_return std::unexpected(cancelledError("scaling"));
    if (autoscalers) {
        for (const Json &hpa : autoscalers->value("items", Json::array())) {
            const Json target = hpa.value("spec", Json::object()).value("scaleTargetRef", Json::object());
            if (target.value("kind", "") == "Deployment" && target.value("name", "") == m_project.name)
                co_return fail(ErrorKind::Conflict,
                               "the HorizontalPodAutoscaler "
                                   + hpa.value("metadata", Json::object()).value("name", std::string())
                                   + " owns the replica count of " + m_project.name
                                   + "; change its limits or delete it to scale by hand");
        }
    }

    m_project.deployment.replicas = replicas;
    const ObjectFilter workload = [](const ObjectReference &object) { return object.isWorkload(); };
    co_return co_await applyPart("replica count", workload, DeployOptions{});
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::createService(const ServiceSpec &spec) {
    const bool headless = m_project.service && m_project.service->headless;
    m_project.service = spec;
    m_project.service->headless = m_project.service->headless || headless;
    const std::string name = m_project.name;
    const ObjectFilter service = [name](const ObjectReference &object) {
        return object.kind == "Service" && object.name == name;
    };
    co_return co_await applyPart("Service", service, DeployOptions{});
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::createHeadlessService() {
    if (!m_project.service)
        m_project.service = ServiceSpec{};
    m_project.service->headless = true;
    const std::string name = m_project.name + "-headless";
    const ObjectFilter service = [name](const ObjectReference &object) {
        return object.kind == "Service" && object.name == name;
    };
    co_return co_await applyPart("headless Service", service, DeployOptions{});
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::createHpa(const HpaConfig &config) {
    m_project.hpa = config;
    const ObjectFilter hpa = [](const ObjectReference &object) {
        return object.kind == "HorizontalPodAutoscaler";
    };
    co_return co_await applyPart("HorizontalPodAutoscaler", hpa, DeployOptions{});
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::createPdb(const PdbConfig &config) {
    m_project.pdb = config;
    const ObjectFilter pdb = [](const ObjectReference &object) {
        return object.kind == "PodDisruptionBudget";
    };
    co_return co_await applyPart("PodDisruptionBudget", pdb, DeployOptions{});
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::setAntiAffinity(const AntiAffinityConfig &config) {
    if (m_project.deployment.mode != DeploymentMode::Gateway)
        co_return fail(ErrorKind::InvalidInput,
                       "pod anti-affinity spreads a gateway's replicas; a DaemonSet "
                       "already runs one pod per node and a sidecar follows its application");
    m_project.antiAffinity = config;
    const ObjectFilter workload = [](const ObjectReference &object) { return object.isWorkload(); };
    co_return co_await applyPart("workload", workload, DeployOptions{});
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::createServiceMonitor(const ServiceMonitorSpec &spec) {
    QPointer<CollectorDeployment> self(this);
    Result<ClusterCapabilities> cluster = co_await capabilities();
    if (!cluster)
        co_return std::unexpected(cluster.error());
    if (!self)
        co_return std::unexpected(cancelledError("creating the ServiceMonitor"));
    if (!cluster->serviceMonitors)
        co_return fail(
            ErrorKind::NotFound,
            "the cluster does not serve monitoring.coreos.com/v1, so it has no ServiceMonitor kind: the "
            "Prometheus Operator (or kube-prometheus-stack) is not installed. Install it first, or let "
            "Prometheus scrape the collector's metrics port another way");
    m_project.serviceMonitor = spec;
    const ObjectFilter monitor = [](const ObjectReference &object) {
        return object.kind == "ServiceMonitor";
    };
    co_return co_await applyPart("ServiceMonitor", monitor, DeployOptions{});
}

QCoro::Task<Result<DeployReport>> CollectorDeployment::injectSidecar() {
    if (m_project.deployment.mode != DeploymentMode::Sidecar)
        co_return fail(ErrorKind::InvalidInput, "the project is not in Sidecar mode; deploy it instead");
    const ObjectFilter everything = [](const ObjectReference &) { return true; };
    co_return co_await applyPart("sidecar", everything, DeployOptions{});
}

QCoro::Task<Result<ClusterCapabilities>> CollectorDeployment::capabilities() {
    if (!m_client)
        co_return fail(ErrorKind::Cancelled, "the cluster connection was closed");
    co_return co_await m_client->capabilities(scope());
}

QCoro::Task<Result<RolloutStatus>> CollectorDeployment::waitUntilReady(std::chrono::milliseconds timeout) {
    if (!m_client)
        co_return fail(ErrorKind::Cancelled, "the cluster connection was closed");
    QPointer<CollectorDeployment> self(this);
    Q_EMIT phaseStarted(DeployPhase::Wait);
    RolloutWatcher watcher(m_client, workloadReference());
    const RolloutWatcher::Progress progress = [self](const RolloutStatus &status) {
        if (self)
            Q_EMIT self->rolloutProgress(status);
    };
    co_return co_await watcher.wait(timeout, scope(), progress);
}

QCoro::Task<Result<HealthStatus>> CollectorDeployment::healthCheck() {
    StatusReader reader(m_client, location(), scope());
    co_return co_await reader.health();
}

QCoro::Task<Result<std::vector<PodHealth>>> CollectorDeployment::podStatus() {
    StatusReader reader(m_client, location(), scope());
    Result<HealthStatus> health = co_await reader.health();
    if (!health)
        co_return std::unexpected(health.error());
    co_return health->pods;
}

QCoro::Task<Result<DeploymentMetrics>>
CollectorDeployment::metrics(std::chrono::milliseconds sampleInterval) {
    QPointer<CollectorDeployment> self(this);
    Result<ClusterCapabilities> cluster = co_await capabilities();
    if (!cluster)
        co_return std::unexpected(cluster.error());
    if (!self)
        co_return std::unexpected(cancelledError("reading metrics"));
    StatusReader reader(m_client, location(), scope());
    co_return co_await reader.metrics(sampleInterval, cluster->metricsApi);
}

QCoro::Task<Result<std::vector<ClusterEvent>>> CollectorDeployment::events() {
    StatusReader reader(m_client, location(), scope());
    co_return co_await reader.events();
}

QCoro::Task<Result<std::vector<NodeResources>>> CollectorDeployment::nodeResources() {
    StatusReader reader(m_client, location(), scope());
    co_return co_await reader.nodeResources();
}

QCoro::Task<Result<std::vector<JournalEntry>>>
CollectorDeployment::undeploy(std::chrono::milliseconds waitForDeletion) {
    QPointer<CollectorDeployment> self(this);
    Result<DeploymentJournal> journal = loadJournal();
    if (!journal)
        co_return std::unexpected(journal.error());
    Q_EMIT phaseStarted(DeployPhase::Remove);
    DeploymentRemover remover(m_client, scope(), m_project, m_catalog);
    Result<std::vector<ApplyItem>> items = co_await remover.undeployItems(*journal);
    if (!items)
        co_return std::unexpected(items.error());
    if (!self)
        co_return std::unexpected(cancelledError("the undeploy"));

    Result<std::vector<JournalEntry>> written =
        co_await writeItems(*journal, *items, "undeploy", true, false);
    if (!written)
        co_return std::unexpected(written.error());
    if (!self)
        co_return std::unexpected(cancelledError("the undeploy"));
    std::vector<ObjectReference> deleted;
    for (const ApplyItem &item : *items) {
        if (item.action == ApplyItem::Action::Delete)
            deleted.push_back(item.object);
    }
    if (Result<void> gone = co_await remover.waitUntilGone(deleted, waitForDeletion); !gone)
        co_return std::unexpected(gone.error());
    co_return written;
}

QCoro::Task<Result<std::vector<JournalEntry>>> CollectorDeployment::rollback() {
    Result<DeploymentJournal> journal = loadJournal();
    if (!journal)
        co_return std::unexpected(journal.error());
    if (journal->previous().empty())
        co_return fail(
            ErrorKind::NotFound,
            journal->applied().empty()
                ? "there is nothing to roll back: nothing has been applied to this cluster yet"
                : "there is nothing to roll back to: only one state was ever applied (undeploy removes it)");

    const std::vector<ApplyItem> items = DeploymentRemover::rollbackItems(*journal);
    Q_EMIT phaseStarted(DeployPhase::Apply);
    co_return co_await writeItems(*journal, items, "rollback", true, false);
}

} // namespace otelconsole
