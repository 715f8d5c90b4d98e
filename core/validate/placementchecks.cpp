// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/configvalues.h"
#include "validate/validationcontext.h"

#include <algorithm>
#include <array>

namespace otelconsole {

namespace {

/// Whether the component is one of the named types, under any of its names old or new.
bool isOneOf(const ComponentInfo *info, std::string_view type,
             std::initializer_list<std::string_view> names) {
    return std::ranges::any_of(
        names, [&](std::string_view name) { return info ? info->hasName(name) : type == name; });
}

/// How many copies of the collector the mode runs, in words; empty when it is a single one.
std::string multipleInstances(const Project &project) {
    switch (project.deployment.mode) {
    case DeploymentMode::DaemonSet:
        return "the DaemonSet runs one collector on every node";
    case DeploymentMode::Sidecar:
        return "a sidecar runs in every pod of "
               + (project.sidecar ? project.sidecar->target.name : "its workload");
    case DeploymentMode::Gateway:
        if (project.hpa)
            return "the HPA may run up to " + std::to_string(project.hpa->maxReplicas) + " replicas";
        if (project.deployment.replicas.value_or(1) > 1)
            return "the gateway runs " + std::to_string(*project.deployment.replicas) + " replicas";
        return {};
    }
    return {};
}

void checkClusterScoped(ValidationContext &context, const Component &receiver, const ComponentInfo &info) {
    // k8s_cluster can elect a leader among its copies, which avoids the duplicates.
    if (!info.clusterScoped || findSetting(receiver.config, "k8s_leader_elector"))
        return;
    const std::string copies = multipleInstances(context.project());
    if (copies.empty())
        return;
    context.report(Severity::Warning, "receiver.cluster-scoped-duplicated",
                   ValidationContext::componentPath(ComponentKind::Receiver, receiver.id),
                   "\"" + receiver.id + "\" reads cluster-wide state, and " + copies
                       + ": each instance reports the same cluster data, so every series and event arrives "
                         "several times",
                   "run \"" + receiver.id
                       + "\" in a separate single-replica Gateway project (replicas: 1, no HPA), or use "
                         "leader election (k8s_leader_elector) so only one instance collects");
}

void checkNodeLocal(ValidationContext &context, const Component &receiver, const ComponentInfo *info) {
    const std::string_view type = ValidationContext::typeOf(receiver.id);
    if (context.mode() == DeploymentMode::DaemonSet
        || !isOneOf(info, type, {"filelog", "file_log", "hostmetrics", "kubeletstats", "kubelet_stats"}))
        return;
    const std::string why =
        context.mode() == DeploymentMode::Gateway
            ? "gateway pods land on arbitrary nodes, so most nodes are never covered and some are read twice"
            : "a sidecar in every application pod reads the same node once per pod";
    context.report(
        Severity::Warning, "receiver.node-local-outside-daemonset",
        ValidationContext::componentPath(ComponentKind::Receiver, receiver.id),
        "\"" + receiver.id + "\" collects from the node it runs on, but " + why,
        "collect node data with a DaemonSet project: node-local receivers belong on every node, once");
}

void checkAttributesNodeFilter(ValidationContext &context, const Component &processor) {
    const ComponentInfo *info = context.info(ComponentKind::Processor, processor.id);
    if (context.mode() != DeploymentMode::DaemonSet
        || !isOneOf(info, ValidationContext::typeOf(processor.id), {"k8sattributes", "k8s_attributes"})
        || findSetting(processor.config, "filter.node_from_env_var"))
        return;
    context.report(Severity::Info, "k8sattributes.no-node-filter",
                   ValidationContext::componentPath(ComponentKind::Processor, processor.id),
                   "\"" + processor.id
                       + "\" watches every pod in the cluster from each node; in a DaemonSet it only needs "
                         "the pods of its own node",
                   "set filter: {node_from_env_var: K8S_NODE_NAME} to cut the API server load and the "
                   "collector's memory");
}

} // namespace

void checkPlacement(ValidationContext &context) {
    for (const Component &receiver : context.components(ComponentKind::Receiver)) {
        if (!context.isUsed(ComponentKind::Receiver, receiver.id))
            continue;
        const ComponentInfo *info = context.info(ComponentKind::Receiver, receiver.id);
        if (info)
            checkClusterScoped(context, receiver, *info);
        checkNodeLocal(context, receiver, info);
    }
    for (const Component &processor : context.components(ComponentKind::Processor)) {
        if (context.isUsed(ComponentKind::Processor, processor.id))
            checkAttributesNodeFilter(context, processor);
    }
}

} // namespace otelconsole
