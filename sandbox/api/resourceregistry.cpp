// SPDX-License-Identifier: Apache-2.0
#include "api/resourceregistry.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

const std::vector<std::string> kAllVerbs{"create", "delete", "deletecollection", "get",
                                         "list",   "patch",  "update",           "watch"};
const std::vector<std::string> kNoCollectionVerbs{"create", "delete", "get",  "list",
                                                  "patch",  "update", "watch"};
const std::vector<std::string> kCreateOnly{"create"};
const std::vector<std::string> kReadOnly{"get", "list"};

SubresourceType status(const std::string &group, const std::string &version, const std::string &kind) {
    return {"status", group, version, kind, {"get", "patch", "update"}};
}

SubresourceType scale() {
    return {"scale", "autoscaling", "v1", "Scale", {"get", "patch", "update"}};
}

struct Row {
    std::string group;
    std::string version;
    std::string resource;
    std::string kind;
    bool namespaced = true;
    std::vector<std::string> shortNames;
};

ResourceType makeType(const Row &row, const std::vector<std::string> &verbs) {
    ResourceType type;
    type.group = row.group;
    type.version = row.version;
    type.resource = row.resource;
    type.kind = row.kind;
    type.singular = row.kind;
    std::transform(type.singular.begin(), type.singular.end(), type.singular.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    type.namespaced = row.namespaced;
    type.verbs = verbs;
    type.shortNames = row.shortNames;
    return type;
}

// A workload kind in apps/v1: status and generation tracking, optionally /scale.
ResourceType workload(const std::string &resource, const std::string &kind, const std::string &shortName,
                      bool scalable) {
    ResourceType type = makeType({"apps", "v1", resource, kind, true, {shortName}}, kAllVerbs);
    type.categories = {"all"};
    type.tracksGeneration = true;
    type.hasStatusSubresource = true;
    if (scalable) {
        type.subresources.push_back(scale());
    }
    type.subresources.push_back(status("apps", "v1", kind));
    return type;
}

std::vector<ResourceType> coreTypes() {
    ResourceType namespaces =
        makeType({"", "v1", "namespaces", "Namespace", false, {"ns"}}, kNoCollectionVerbs);
    namespaces.subresources = {status("", "v1", "Namespace")};
    namespaces.nameRule = NameRule::Dns1123Label;
    namespaces.hasStatusSubresource = true;

    ResourceType nodes = makeType({"", "v1", "nodes", "Node", false, {"no"}}, kAllVerbs);
    nodes.subresources = {status("", "v1", "Node")};
    nodes.hasStatusSubresource = true;

    ResourceType pods = makeType({"", "v1", "pods", "Pod", true, {"po"}}, kAllVerbs);
    pods.categories = {"all"};
    pods.subresources = {{"log", "", "v1", "Pod", {"get"}}, status("", "v1", "Pod")};
    pods.hasStatusSubresource = true;

    ResourceType services = makeType({"", "v1", "services", "Service", true, {"svc"}}, kAllVerbs);
    services.categories = {"all"};
    services.subresources = {status("", "v1", "Service")};
    services.nameRule = NameRule::Dns1035Label;
    services.hasStatusSubresource = true;

    return {namespaces,
            nodes,
            pods,
            services,
            makeType({"", "v1", "serviceaccounts", "ServiceAccount", true, {"sa"}}, kAllVerbs),
            makeType({"", "v1", "configmaps", "ConfigMap", true, {"cm"}}, kAllVerbs),
            makeType({"", "v1", "secrets", "Secret", true, {}}, kAllVerbs),
            makeType({"", "v1", "events", "Event", true, {"ev"}}, kAllVerbs),
            makeType({"", "v1", "endpoints", "Endpoints", true, {"ep"}}, kAllVerbs)};
}

std::vector<ResourceType> rbacTypes() {
    std::vector<ResourceType> types{
        makeType({"rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, {}}, kAllVerbs),
        makeType({"rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, {}},
                 kAllVerbs),
        makeType({"rbac.authorization.k8s.io", "v1", "roles", "Role", true, {}}, kAllVerbs),
        makeType({"rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, {}}, kAllVerbs)};
    for (auto &type : types) {
        type.nameRule = NameRule::PathSegment;
    }
    return types;
}

std::vector<ResourceType> policyAndScalingTypes() {
    ResourceType hpa =
        makeType({"autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, {"hpa"}},
                 kAllVerbs);
    hpa.categories = {"all"};
    hpa.subresources = {status("autoscaling", "v2", "HorizontalPodAutoscaler")};
    hpa.tracksGeneration = true;
    hpa.hasStatusSubresource = true;

    ResourceType pdb =
        makeType({"policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, {"pdb"}}, kAllVerbs);
    pdb.subresources = {status("policy", "v1", "PodDisruptionBudget")};
    pdb.tracksGeneration = true;
    pdb.hasStatusSubresource = true;

    ResourceType leases = makeType({"coordination.k8s.io", "v1", "leases", "Lease", true, {}}, kAllVerbs);
    return {hpa, pdb, leases};
}

std::vector<ResourceType> optionalTypes() {
    ResourceType serviceMonitors = makeType(
        {"monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor", true, {"smon"}}, kAllVerbs);
    serviceMonitors.categories = {"prometheus-operator"};
    serviceMonitors.tracksGeneration = true;
    serviceMonitors.feature = ApiFeature::ServiceMonitor;

    ResourceType nodeMetrics =
        makeType({"metrics.k8s.io", "v1beta1", "nodes", "NodeMetrics", false, {}}, kReadOnly);
    nodeMetrics.feature = ApiFeature::Metrics;
    ResourceType podMetrics =
        makeType({"metrics.k8s.io", "v1beta1", "pods", "PodMetrics", true, {}}, kReadOnly);
    podMetrics.feature = ApiFeature::Metrics;
    return {serviceMonitors, nodeMetrics, podMetrics};
}

std::vector<ResourceType> reviewTypes() {
    std::vector<ResourceType> types{
        makeType(
            {"authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, {}},
            kCreateOnly),
        makeType(
            {"authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false, {}},
            kCreateOnly),
        makeType({"authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", false, {}},
                 kCreateOnly),
        makeType({"authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", false, {}},
                 kCreateOnly)};
    for (auto &type : types) {
        type.stored = false;
    }
    return types;
}

} // namespace

ResourceRegistry::ResourceRegistry(bool serviceMonitorCrd, bool metricsApi) {
    for (auto part : {coreTypes(),
                      std::vector<ResourceType>{workload("deployments", "Deployment", "deploy", true),
                                                workload("daemonsets", "DaemonSet", "ds", false),
                                                workload("statefulsets", "StatefulSet", "sts", true),
                                                workload("replicasets", "ReplicaSet", "rs", true)},
                      rbacTypes(), policyAndScalingTypes(), reviewTypes(), optionalTypes()}) {
        for (auto &type : part) {
            if ((type.feature == ApiFeature::ServiceMonitor && !serviceMonitorCrd)
                || (type.feature == ApiFeature::Metrics && !metricsApi)) {
                continue;
            }
            m_types.push_back(std::move(type));
        }
    }
}

const ResourceType *ResourceRegistry::find(const std::string &group, const std::string &version,
                                           const std::string &resource) const {
    for (const auto &type : m_types) {
        if (type.group == group && type.version == version && type.resource == resource) {
            return &type;
        }
    }
    return nullptr;
}

const ResourceType *ResourceRegistry::findByKind(const std::string &apiVersion,
                                                 const std::string &kind) const {
    for (const auto &type : m_types) {
        if (type.apiVersion() == apiVersion && type.kind == kind) {
            return &type;
        }
    }
    return nullptr;
}

const ResourceType *ResourceRegistry::findByStorageKey(const std::string &storageKey) const {
    for (const auto &type : m_types) {
        if (type.storageKey() == storageKey) {
            return &type;
        }
    }
    return nullptr;
}

const ResourceType *ResourceRegistry::findInGroup(const std::string &group,
                                                  const std::string &resource) const {
    for (const auto &type : m_types) {
        if (type.group == group && type.resource == resource) {
            return &type;
        }
    }
    return nullptr;
}

std::vector<const ResourceType *> ResourceRegistry::resourcesIn(const std::string &group,
                                                                const std::string &version) const {
    std::vector<const ResourceType *> types;
    for (const auto &type : m_types) {
        if (type.group == group && type.version == version) {
            types.push_back(&type);
        }
    }
    return types;
}

std::vector<ApiGroupVersions> ResourceRegistry::groups() const {
    std::vector<ApiGroupVersions> groups;
    for (const auto &type : m_types) {
        auto existing = std::find_if(groups.begin(), groups.end(),
                                     [&](const ApiGroupVersions &g) { return g.group == type.group; });
        if (existing == groups.end()) {
            groups.push_back({type.group, {type.version}});
        } else if (std::find(existing->versions.begin(), existing->versions.end(), type.version)
                   == existing->versions.end()) {
            existing->versions.push_back(type.version);
        }
    }
    return groups;
}

} // namespace otelconsole::sandbox
