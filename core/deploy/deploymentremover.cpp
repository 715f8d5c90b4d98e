// SPDX-License-Identifier: Apache-2.0
#include "deploy/deploymentremover.h"

#include "kube/kubeclient.h"
#include "render/renderer.h"

#include <QCoroTimer>

#include <algorithm>

namespace otelconsole {

namespace {

constexpr std::chrono::milliseconds deletionPollInterval{250};

Error cancelledError() {
    return fail(ErrorKind::Cancelled, "the removal was cancelled").error();
}

} // namespace

DeploymentRemover::DeploymentRemover(KubeClient *client, QObject *scope, const Project &project,
                                     const Catalog &catalog)
    : m_client(client)
    , m_scope(scope)
    , m_project(project)
    , m_catalog(catalog) {}

QCoro::Task<Result<std::vector<ApplyItem>>>
DeploymentRemover::undeployItems(const DeploymentJournal &journal) {
    const std::vector<ObjectReference> touched = journal.touchedObjects();
    if (touched.empty())
        co_return co_await unjournaledItems();

    std::vector<ApplyItem> items;
    for (const ObjectReference &object : touched) {
        if (object.kind != "Namespace") {
            const bool theirs = journal.existedBefore(object);
            items.push_back(
                {object, {}, theirs ? ApplyItem::Action::DropFields : ApplyItem::Action::Delete, {}});
            continue;
        }
        if (journal.namespacePreExisted().value_or(true) || journal.createdNamespaceUid().empty())
            continue;
        // Only the very Namespace we created: a namesake someone made after an earlier undeploy stays.
        const std::string path = object.path();
        Result<Json> live = co_await m_client->get(path, m_scope);
        if (cancelled())
            co_return std::unexpected(cancelledError());
        const Json metadata = live ? live->value("metadata", Json::object()) : Json::object();
        if (live && metadata.value("uid", "") == journal.createdNamespaceUid())
            items.push_back({object, {}, ApplyItem::Action::Delete, {}});
    }
    co_return items;
}

QCoro::Task<Result<std::vector<ApplyItem>>> DeploymentRemover::unjournaledItems() {
    // Without a journal, only objects that say they are ours go: the managed-by and instance labels.
    // The Namespace stays, since nothing tells whether otel-console created it.
    Result<ClusterCapabilities> cluster = co_await m_client->capabilities(m_scope);
    if (!cluster)
        co_return std::unexpected(cluster.error());
    const ClusterTraits traits{cluster->nativeSidecars, cluster->serviceMonitors};
    Result<Plan> plan = renderPlan(m_project, m_catalog, traits);
    if (!plan)
        co_return std::unexpected(plan.error());
    const bool sidecar = m_project.deployment.mode == DeploymentMode::Sidecar;
    const std::string instance = m_project.name;

    std::vector<ApplyItem> items;
    for (const Json &manifest : plan->objects) {
        Result<ObjectReference> object = ObjectReference::fromManifest(manifest);
        if (!object || object->kind == "Namespace" || cancelled())
            continue;
        const std::string path = object->path();
        Result<Json> live = co_await m_client->get(path, m_scope);
        if (cancelled())
            co_return std::unexpected(cancelledError());
        if (!live)
            continue;
        const Json labels = live->value("metadata", Json::object()).value("labels", Json::object());
        const bool ours = labels.value("app.kubernetes.io/managed-by", "") == "otel-console"
                          && labels.value("app.kubernetes.io/instance", "") == instance;
        if (sidecar && object->isWorkload())
            items.push_back({*object, {}, ApplyItem::Action::DropFields, {}});
        else if (ours)
            items.push_back({*object, {}, ApplyItem::Action::Delete, {}});
    }
    co_return items;
}

QCoro::Task<Result<void>> DeploymentRemover::waitUntilGone(const std::vector<ObjectReference> &objects,
                                                           std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::vector<ObjectReference> remaining = objects;
    while (!remaining.empty()) {
        std::vector<ObjectReference> still;
        for (const ObjectReference &object : remaining) {
            const std::string path = object.path();
            Result<Json> live = co_await m_client->get(path, m_scope);
            if (cancelled())
                co_return std::unexpected(cancelledError());
            if (live || live.error().kind != ErrorKind::NotFound)
                still.push_back(object);
        }
        remaining = std::move(still);
        if (remaining.empty())
            break;
        if (std::chrono::steady_clock::now() >= deadline) {
            std::string names;
            for (const ObjectReference &object : remaining)
                names += (names.empty() ? "" : ", ") + object.describe();
            co_return fail(ErrorKind::Timeout,
                           "the delete requests were accepted, but after "
                               + std::to_string(limit.count() / 1000)
                               + " s these objects still exist (finalizers or terminating "
                                 "pods): "
                               + names);
        }
        co_await QCoro::sleepFor(deletionPollInterval);
        if (cancelled())
            co_return std::unexpected(cancelledError());
    }
    co_return Result<void>{};
}

std::vector<ApplyItem> DeploymentRemover::rollbackItems(const DeploymentJournal &journal) {
    std::vector<ApplyItem> items;
    for (const AppliedObject &previous : journal.previous())
        items.push_back({previous.object, previous.manifest, ApplyItem::Action::Apply, {}});
    for (const AppliedObject &current : journal.applied()) {
        const bool kept = std::ranges::any_of(journal.previous(), [&current](const AppliedObject &previous) {
            return previous.object == current.object;
        });
        if (kept || current.object.kind == "Namespace")
            continue;
        const bool theirs = journal.existedBefore(current.object);
        items.push_back(
            {current.object, {}, theirs ? ApplyItem::Action::DropFields : ApplyItem::Action::Delete, {}});
    }
    return items;
}

} // namespace otelconsole
