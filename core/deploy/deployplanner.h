// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/error.h"
#include "deploy/deploymentjournal.h"
#include "deploy/deployreport.h"
#include "deploy/planapplier.h"
#include "kube/clustercapabilities.h"
#include "model/project.h"
#include "render/plan.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace otelconsole {

class KubeClient;

/// A plan checked against the cluster: what to write and what is there now.
struct PreparedPlan {
    Plan plan;
    ClusterCapabilities capabilities;
    std::vector<ApplyItem> items;     ///< in plan order; a Namespace that existed before is left out
    std::map<std::string, Json> live; ///< live objects by ObjectReference::key(); absent: not found
    PreflightReport report;
};

/// Which objects of the plan an operation writes.
using ObjectFilter = std::function<bool(const ObjectReference &)>;

/// Gets a deploy ready without writing anything: validates the project, renders it for the cluster's
/// version and APIs, reads the live objects, asks the API server with SelfSubjectAccessReviews for every
/// permission the apply needs, and runs the apply as a server-side dry run to diff it.
class DeployPlanner {
public:
    DeployPlanner(KubeClient *client, QObject *scope, const Project &project, const Catalog &catalog,
                  DeploymentJournal &journal);

    /// Everything that would stop the apply is collected, not just the first problem. Fails only when
    /// the cluster cannot be asked at all (connection, credentials, TLS) or the project cannot render.
    QCoro::Task<Result<PreparedPlan>> prepare(const ObjectFilter &filter);

    /// Dry-runs every item with the given field manager and force setting and compares it with the live
    /// object, the last applied manifest and what a whole-plan apply would remove (`prune`). Failing
    /// objects (invalid, conflicting, refused) are collected into one error.
    QCoro::Task<Result<std::vector<ObjectDiff>>>
    dryRun(PreparedPlan &prepared, const std::string &fieldManager, bool force, bool prune);

    /// Removals a whole-plan apply implies: objects applied before that the plan no longer has.
    [[nodiscard]] std::vector<ApplyItem> pruneItems(const PreparedPlan &prepared) const;

private:
    QCoro::Task<Result<void>> readLive(PreparedPlan &prepared);
    QCoro::Task<Result<void>> checkAccess(PreparedPlan &prepared);
    void noteCapabilities(PreparedPlan &prepared) const;
    void settleNamespace(PreparedPlan &prepared);
    void checkSidecarTarget(PreparedPlan &prepared) const;
    [[nodiscard]] bool cancelled() const { return m_client.isNull() || m_scope.isNull(); }

    QPointer<KubeClient> m_client;
    QPointer<QObject> m_scope;
    const Project &m_project;
    const Catalog &m_catalog;
    DeploymentJournal &m_journal;
};

} // namespace otelconsole
