// SPDX-License-Identifier: Apache-2.0
#include "deploy/objectreference.h"

#include <array>
#include <string_view>

namespace otelconsole {

namespace {

struct KindInfo {
    std::string_view apiVersion;
    std::string_view kind;
    std::string_view resource;
    bool namespaced;
    int wave;
};

// Waves follow what refers to what: a pod needs its ServiceAccount and ConfigMap, a binding its role,
// an HPA or PDB its workload's selector.
constexpr std::array kinds{
    KindInfo{"v1", "Namespace", "namespaces", false, 0},
    KindInfo{"v1", "ServiceAccount", "serviceaccounts", true, 1},
    KindInfo{"v1", "ConfigMap", "configmaps", true, 1},
    KindInfo{"v1", "Secret", "secrets", true, 1},
    KindInfo{"rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false, 1},
    KindInfo{"rbac.authorization.k8s.io/v1", "Role", "roles", true, 1},
    KindInfo{"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false, 2},
    KindInfo{"rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true, 2},
    KindInfo{"v1", "Service", "services", true, 2},
    KindInfo{"apps/v1", "Deployment", "deployments", true, 3},
    KindInfo{"apps/v1", "DaemonSet", "daemonsets", true, 3},
    KindInfo{"apps/v1", "StatefulSet", "statefulsets", true, 3},
    KindInfo{"autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, 4},
    KindInfo{"policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true, 4},
    KindInfo{"monitoring.coreos.com/v1", "ServiceMonitor", "servicemonitors", true, 4},
};

const KindInfo *findKind(std::string_view apiVersion, std::string_view kind) {
    for (const KindInfo &info : kinds) {
        if (info.apiVersion == apiVersion && info.kind == kind)
            return &info;
    }
    return nullptr;
}

std::string stringField(const Json &object, const char *key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

} // namespace

Result<ObjectReference> ObjectReference::fromManifest(const Json &manifest) {
    if (!manifest.is_object())
        return fail(ErrorKind::InvalidInput, "a manifest is not a JSON object");
    ObjectReference reference;
    reference.apiVersion = stringField(manifest, "apiVersion");
    reference.kind = stringField(manifest, "kind");
    const auto metadata = manifest.find("metadata");
    if (metadata != manifest.end() && metadata->is_object()) {
        reference.name = stringField(*metadata, "name");
        reference.namespaceName = stringField(*metadata, "namespace");
    }

    const KindInfo *info = findKind(reference.apiVersion, reference.kind);
    if (!info)
        return fail(ErrorKind::InvalidInput, "otel-console does not know how to apply " + reference.kind
                                                 + " (" + reference.apiVersion + ")");
    if (reference.name.empty())
        return fail(ErrorKind::InvalidInput, "a " + reference.kind + " manifest has no metadata.name");
    if (info->namespaced && reference.namespaceName.empty())
        return fail(ErrorKind::InvalidInput,
                    reference.kind + " \"" + reference.name + "\" has no metadata.namespace");
    reference.resource = std::string(info->resource);
    reference.namespaced = info->namespaced;
    if (!reference.namespaced)
        reference.namespaceName.clear();
    return reference;
}

std::string ObjectReference::group() const {
    const std::size_t slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

std::string ObjectReference::version() const {
    const std::size_t slash = apiVersion.find('/');
    return slash == std::string::npos ? apiVersion : apiVersion.substr(slash + 1);
}

std::string ObjectReference::collectionPath() const {
    std::string path = group().empty() ? "/api/" + apiVersion : "/apis/" + apiVersion;
    if (namespaced)
        path += "/namespaces/" + namespaceName;
    return path + "/" + resource;
}

std::string ObjectReference::path() const {
    return collectionPath() + "/" + name;
}

std::string ObjectReference::qualifiedResource() const {
    return group().empty() ? resource : resource + "." + group();
}

std::string ObjectReference::key() const {
    return apiVersion + "/" + kind + "/" + namespaceName + "/" + name;
}

std::string ObjectReference::describe() const {
    return namespaced ? kind + " " + namespaceName + "/" + name : kind + " " + name;
}

Json ObjectReference::emptyIntent() const {
    Json intent = Json::object();
    intent["apiVersion"] = apiVersion;
    intent["kind"] = kind;
    intent["metadata"] = {{"name", name}};
    if (namespaced)
        intent["metadata"]["namespace"] = namespaceName;
    return intent;
}

bool ObjectReference::isWorkload() const {
    return kind == "Deployment" || kind == "DaemonSet" || kind == "StatefulSet";
}

int ObjectReference::applyWave() const {
    const KindInfo *info = findKind(apiVersion, kind);
    return info ? info->wave : 4;
}

} // namespace otelconsole
