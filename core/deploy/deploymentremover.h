// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/error.h"
#include "deploy/deploymentjournal.h"
#include "deploy/planapplier.h"
#include "model/project.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <vector>

namespace otelconsole {

class KubeClient;

/// Decides what an undeploy or a rollback writes, so that exactly what otel-console created goes and
/// what it found stays: objects that existed before only lose the fields otel-console applied (the
/// sidecar container leaves the application, the application stays), and a Namespace goes only if
/// otel-console created that very Namespace.
class DeploymentRemover {
public:
    DeploymentRemover(KubeClient *client, QObject *scope, const Project &project, const Catalog &catalog);

    /// From the journal; without one, the plan's objects that carry otel-console's managed-by and instance
    /// labels (and never the Namespace).
    QCoro::Task<Result<std::vector<ApplyItem>>> undeployItems(const DeploymentJournal &journal);

    /// The previous applied state re-applied, and what the last apply added removed.
    [[nodiscard]] static std::vector<ApplyItem> rollbackItems(const DeploymentJournal &journal);

    /// Polls until every object answers 404, up to `limit`; ErrorKind::Timeout names those still there.
    QCoro::Task<Result<void>> waitUntilGone(const std::vector<ObjectReference> &objects,
                                            std::chrono::milliseconds limit);

private:
    QCoro::Task<Result<std::vector<ApplyItem>>> unjournaledItems();
    [[nodiscard]] bool cancelled() const { return m_client.isNull() || m_scope.isNull(); }

    QPointer<KubeClient> m_client;
    QPointer<QObject> m_scope;
    const Project &m_project;
    const Catalog &m_catalog;
};

} // namespace otelconsole
