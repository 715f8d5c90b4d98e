// SPDX-License-Identifier: Apache-2.0
#include "deploy/deployplanner.h"

#include "common/logging.h"
#include "deploy/accessrequirements.h"
#include "kube/kubeclient.h"
#include "render/renderer.h"
#include "validate/validator.h"

#include <algorithm>

namespace otelconsole {

namespace {

constexpr const char *reviewPath = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

Error cancelledError() {
    return fail(ErrorKind::Cancelled, "the deploy was cancelled before anything was written").error();
}

std::string uidOf(const Json &object) {
    if (!object.is_object() || !object.contains("metadata"))
        return {};
    return object["metadata"].value("uid", "");
}

std::string resourceVersionOf(const Json &object) {
    if (!object.is_object() || !object.contains("metadata"))
        return {};
    return object["metadata"].value("resourceVersion", "");
}

/// A dry run of an object in a Namespace the same plan creates fails with NotFound: the Namespace does
/// not exist until the real apply. That is expected, not a problem of the object.
bool missingNamespace(const Error &error, const PreparedPlan &prepared, const ObjectReference &object) {
    if (error.kind != ErrorKind::NotFound || !object.namespaced)
        return false;
    return std::ranges::any_of(prepared.items, [&object](const ApplyItem &item) {
        return item.object.kind == "Namespace" && item.object.name == object.namespaceName;
    });
}

} // namespace

DeployPlanner::DeployPlanner(KubeClient *client, QObject *scope, const Project &project,
                             const Catalog &catalog, DeploymentJournal &journal)
    : m_client(client)
    , m_scope(scope)
    , m_project(project)
    , m_catalog(catalog)
    , m_journal(journal) {}

QCoro::Task<Result<PreparedPlan>> DeployPlanner::prepare(const ObjectFilter &filter) {
    PreparedPlan prepared;
    for (Diagnostic &diagnostic : validateProject(m_project, m_catalog)) {
        if (diagnostic.severity == Severity::Error)
            prepared.report.validationErrors.push_back(std::move(diagnostic));
    }

    if (cancelled())
        co_return std::unexpected(cancelledError());
    Result<ClusterCapabilities> capabilities = co_await m_client->capabilities(m_scope);
    if (!capabilities)
        co_return std::unexpected(capabilities.error());
    prepared.capabilities = *capabilities;
    prepared.report.serverVersion = capabilities->gitVersion;

    const ClusterTraits traits{capabilities->nativeSidecars, capabilities->serviceMonitors};
    Result<Plan> plan = renderPlan(m_project, m_catalog, traits);
    if (!plan)
        co_return std::unexpected(plan.error());
    prepared.plan = std::move(*plan);
    for (const Json &manifest : prepared.plan.objects) {
        Result<ObjectReference> object = ObjectReference::fromManifest(manifest);
        if (!object)
            co_return std::unexpected(object.error());
        if (filter(*object))
            prepared.items.push_back({*object, manifest, ApplyItem::Action::Apply, {}});
    }
    noteCapabilities(prepared);

    if (Result<void> live = co_await readLive(prepared); !live)
        co_return std::unexpected(live.error());
    settleNamespace(prepared);
    checkSidecarTarget(prepared);
    if (Result<void> access = co_await checkAccess(prepared); !access)
        co_return std::unexpected(access.error());
    co_return prepared;
}

void DeployPlanner::noteCapabilities(PreparedPlan &prepared) const {
    const ClusterCapabilities &cluster = prepared.capabilities;
    std::vector<std::string> &notes = prepared.report.notes;
    if (m_project.serviceMonitor && !cluster.serviceMonitors)
        notes.push_back("the cluster does not serve monitoring.coreos.com/v1 (the Prometheus Operator is not "
                        "installed): the ServiceMonitor is left out");
    if (!cluster.metricsApi)
        notes.push_back(
            "the cluster does not serve metrics.k8s.io (metrics-server is not installed): CPU and "
            "memory of the collector cannot be shown");
    if (m_project.deployment.mode != DeploymentMode::Sidecar || cluster.nativeSidecars)
        return;
    const NativeSidecar native = m_project.sidecar ? m_project.sidecar->native : NativeSidecar::Auto;
    if (native == NativeSidecar::Always)
        prepared.report.blockers.push_back(
            "sidecar.native is \"always\" but the cluster runs Kubernetes " + cluster.gitVersion
            + ", which has no native sidecars before 1.29; set sidecar.native to auto or never");
    else
        notes.push_back(
            "Kubernetes " + cluster.gitVersion
            + " predates native sidecars (1.29): the collector joins the pod as a classic sidecar "
              "container");
}

QCoro::Task<Result<void>> DeployPlanner::readLive(PreparedPlan &prepared) {
    std::vector<std::string> paths;
    for (const ApplyItem &item : prepared.items)
        paths.push_back(item.object.path());
    std::vector<QCoro::Task<Result<Json>>> reads;
    for (const std::string &path : paths)
        reads.push_back(m_client->get(path, m_scope));

    for (std::size_t index = 0; index < reads.size(); ++index) {
        Result<Json> live = co_await reads[index];
        if (cancelled())
            co_return std::unexpected(cancelledError());
        ApplyItem &item = prepared.items[index];
        if (live) {
            item.liveResourceVersion = resourceVersionOf(*live);
            prepared.live[item.object.key()] = std::move(*live);
            continue;
        }
        // Not being allowed to read an object is one of the missing permissions the access check lists.
        if (live.error().kind != ErrorKind::NotFound && live.error().kind != ErrorKind::Forbidden)
            co_return std::unexpected(live.error());
    }
    for (const ApplyItem &item : prepared.items) {
        if (item.object.kind != "Namespace")
            m_journal.noteExistence(item.object, prepared.live.contains(item.object.key()));
    }
    co_return Result<void>{};
}

void DeployPlanner::settleNamespace(PreparedPlan &prepared) {
    const auto namespaceItem = std::ranges::find_if(
        prepared.items, [](const ApplyItem &item) { return item.object.kind == "Namespace"; });
    if (namespaceItem == prepared.items.end())
        return;
    const auto live = prepared.live.find(namespaceItem->object.key());
    if (live == prepared.live.end()) {
        m_journal.setNamespacePreExisted(false);
        return;
    }
    // Ours only while it is the very Namespace we created; a namesake made by someone else is theirs.
    const bool ours =
        !m_journal.createdNamespaceUid().empty() && uidOf(live->second) == m_journal.createdNamespaceUid();
    m_journal.setNamespacePreExisted(!ours);
    if (ours)
        return;
    prepared.report.notes.push_back(
        "Namespace " + namespaceItem->object.name
        + " exists already and was not created by otel-console: it is left as it is");
    prepared.live.erase(live);
    prepared.items.erase(namespaceItem);
}

void DeployPlanner::checkSidecarTarget(PreparedPlan &prepared) const {
    if (m_project.deployment.mode != DeploymentMode::Sidecar)
        return;
    for (const ApplyItem &item : prepared.items) {
        if (item.object.isWorkload() && !prepared.live.contains(item.object.key()))
            prepared.report.blockers.push_back("the sidecar's target " + item.object.describe()
                                               + " does not exist (or cannot be read); deploy the "
                                                 "application first, or correct sidecar.target");
    }
}

QCoro::Task<Result<void>> DeployPlanner::checkAccess(PreparedPlan &prepared) {
    std::vector<Json> manifests;
    std::map<std::string, bool> exists;
    for (const ApplyItem &item : prepared.items) {
        manifests.push_back(item.manifest);
        exists[item.object.key()] = prepared.live.contains(item.object.key());
    }
    const std::vector<AccessNeed> needs = AccessRequirements::forObjects(manifests, exists);
    const std::vector<AccessCheck> checks = AccessRequirements::checksOf(needs);

    std::vector<QCoro::Task<Result<Json>>> reviews;
    for (const AccessCheck &check : checks) {
        const Json review = {{"apiVersion", "authorization.k8s.io/v1"},
                             {"kind", "SelfSubjectAccessReview"},
                             {"spec", check.reviewSpec()}};
        const std::string path = reviewPath;
        reviews.push_back(m_client->post(path, review, m_scope));
    }
    std::map<std::string, bool> allowed;
    for (std::size_t index = 0; index < reviews.size(); ++index) {
        Result<Json> answer = co_await reviews[index];
        if (cancelled())
            co_return std::unexpected(cancelledError());
        if (!answer)
            co_return std::unexpected(answer.error());
        allowed[checks[index].key()] = answer->value("status", Json::object()).value("allowed", false);
    }

    const std::vector<AccessNeed> missing = AccessRequirements::missing(needs, allowed);
    const std::string user = m_client->connection().userName;
    prepared.report.missingPermissions = AccessRequirements::describe(missing, user);
    co_return Result<void>{};
}

QCoro::Task<Result<std::vector<ObjectDiff>>>
DeployPlanner::dryRun(PreparedPlan &prepared, const std::string &fieldManager, bool force, bool prune) {
    std::vector<std::string> paths;
    for (const ApplyItem &item : prepared.items)
        paths.push_back(item.object.path());
    std::vector<QCoro::Task<Result<Json>>> runs;
    for (std::size_t index = 0; index < prepared.items.size(); ++index)
        runs.push_back(m_client->serverSideApply(paths[index], prepared.items[index].manifest, fieldManager,
                                                 force, true, m_scope));

    std::vector<ObjectDiff> diffs;
    Error failure{ErrorKind::InvalidInput, {}, {}, {}, 0, {}};
    for (std::size_t index = 0; index < runs.size(); ++index) {
        Result<Json> after = co_await runs[index];
        if (cancelled())
            co_return std::unexpected(cancelledError());
        const ApplyItem &item = prepared.items[index];
        if (!after && !missingNamespace(after.error(), prepared, item.object)) {
            if (failure.message.empty())
                failure.kind = after.error().kind;
            failure.message += (failure.message.empty() ? "" : "\n") + after.error().message;
            failure.causes.push_back({"DryRunFailed", after.error().message, item.object.describe()});
            continue;
        }
        const auto live = prepared.live.find(item.object.key());
        const AppliedObject *previous = m_journal.appliedManifest(item.object);
        diffs.push_back(SemanticDiff::compare(
            item.object, item.manifest, live == prepared.live.end() ? nullptr : &live->second,
            after ? &*after : nullptr, previous ? &previous->manifest : nullptr));
    }
    if (!failure.message.empty()) {
        failure.message =
            "the server-side dry run refused the plan, so nothing was written:\n" + failure.message;
        co_return std::unexpected(failure);
    }
    if (prune) {
        for (const ApplyItem &removal : pruneItems(prepared))
            diffs.push_back({removal.object, ObjectChange::Remove, {}, false});
    }
    co_return diffs;
}

std::vector<ApplyItem> DeployPlanner::pruneItems(const PreparedPlan &prepared) const {
    std::vector<ApplyItem> removals;
    for (const AppliedObject &applied : m_journal.applied()) {
        const bool planned = std::ranges::any_of(prepared.plan.objects, [&applied](const Json &manifest) {
            Result<ObjectReference> object = ObjectReference::fromManifest(manifest);
            return object && *object == applied.object;
        });
        if (planned)
            continue;
        const ApplyItem::Action action = m_journal.existedBefore(applied.object)
                                             ? ApplyItem::Action::DropFields
                                             : ApplyItem::Action::Delete;
        removals.push_back({applied.object, applied.manifest, action, {}});
    }
    return removals;
}

} // namespace otelconsole
