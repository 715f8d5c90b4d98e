// SPDX-License-Identifier: Apache-2.0
#include "clusterbootstrap.h"

#include "api/defaulter.h"
#include "api/rbacbootstrap.h"
#include "api/resourceregistry.h"
#include "sandboxlogging.h"
#include "store/objectstore.h"

#include <algorithm>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

json nodeCondition(const std::string &type, const std::string &status, const std::string &reason,
                   const std::string &message) {
    return {{"type", type}, {"status", status}, {"reason", reason}, {"message", message}};
}

json nodeObject(int index, const std::string &kubeletVersion) {
    static const char *const zones[] = {"sandbox-zone-a", "sandbox-zone-b", "sandbox-zone-c"};
    const std::string name = "sandbox-node-" + std::to_string(index);
    const std::string address = "10.0." + std::to_string(index / 250) + "." + std::to_string(index % 250 + 1);
    const json resources{{"cpu", "4"}, {"memory", "16Gi"}, {"pods", "110"}, {"ephemeral-storage", "100Gi"}};
    return {
        {"apiVersion", "v1"},
        {"kind", "Node"},
        {"metadata",
         {{"name", name},
          {"labels",
           {{"kubernetes.io/hostname", name},
            {"kubernetes.io/os", "linux"},
            {"kubernetes.io/arch", "amd64"},
            {"topology.kubernetes.io/region", "sandbox"},
            {"topology.kubernetes.io/zone", zones[(index - 1) % 3]},
            {"node.kubernetes.io/instance-type", "sandbox.standard-4"}}}}},
        {"spec", {{"podCIDR", "10.244." + std::to_string(index % 256) + ".0/24"}}},
        {"status",
         {{"capacity", resources},
          {"allocatable", resources},
          {"conditions",
           json::array({nodeCondition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                                      "kubelet has sufficient memory available"),
                        nodeCondition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                                      "kubelet has no disk pressure"),
                        nodeCondition("PIDPressure", "False", "KubeletHasSufficientPID",
                                      "kubelet has sufficient PID available"),
                        nodeCondition("Ready", "True", "KubeletReady", "kubelet is posting ready status")})},
          {"addresses", json::array({{{"type", "InternalIP"}, {"address", address}},
                                     {{"type", "Hostname"}, {"address", name}}})},
          {"daemonEndpoints", {{"kubeletEndpoint", {{"Port", 10250}}}}},
          {"nodeInfo",
           {{"kubeletVersion", kubeletVersion},
            {"kubeProxyVersion", kubeletVersion},
            {"containerRuntimeVersion", "containerd://1.7.22"},
            {"osImage", "Debian GNU/Linux 12 (bookworm)"},
            {"kernelVersion", "6.1.0-sandbox"},
            {"operatingSystem", "linux"},
            {"architecture", "amd64"}}}}}};
}

} // namespace

ClusterBootstrap::ClusterBootstrap(ObjectStore &store, const ResourceRegistry &registry,
                                   const Defaulter &defaulter)
    : m_store(store)
    , m_registry(registry)
    , m_defaulter(defaulter) {}

void ClusterBootstrap::populate(const Settings &settings) {
    createNamespaces(settings.operatorNamespaces);
    createRbac(settings.operatorNamespaces);
    createApiService(settings.apiServerPort);
    createNodes(settings.nodeCount, settings.kubeletVersion);
}

void ClusterBootstrap::createNamespaces(const std::vector<std::string> &operatorNamespaces) {
    std::vector<std::string> names{"default", "kube-system", "kube-public", "kube-node-lease"};
    for (const auto &ns : operatorNamespaces) {
        if (std::find(names.begin(), names.end(), ns) == names.end()) {
            names.push_back(ns);
        }
    }
    const ResourceType *type = m_registry.find("", "v1", "namespaces");
    for (const auto &name : names) {
        json object{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
        m_defaulter.apply(*type, object);
        (void)m_store.create(type->storageKey(), std::move(object));
    }
}

void ClusterBootstrap::createRbac(const std::vector<std::string> &operatorNamespaces) {
    for (auto &[storageKey, object] : RbacBootstrap::objects(operatorNamespaces)) {
        (void)m_store.create(storageKey, std::move(object));
    }
}

void ClusterBootstrap::createApiService(int port) {
    const ResourceType *type = m_registry.find("", "v1", "services");
    json service{
        {"apiVersion", "v1"},
        {"kind", "Service"},
        {"metadata",
         {{"name", "kubernetes"},
          {"namespace", "default"},
          {"labels", {{"component", "apiserver"}, {"provider", "kubernetes"}}}}},
        {"spec",
         {{"clusterIP", "10.96.0.1"},
          {"clusterIPs", {"10.96.0.1"}},
          {"ports",
           json::array({{{"name", "https"}, {"port", 443}, {"protocol", "TCP"}, {"targetPort", port}}})}}},
        {"status", {{"loadBalancer", json::object()}}}};
    m_defaulter.apply(*type, service);
    (void)m_store.create(type->storageKey(), std::move(service));
    (void)m_store.create(
        "endpoints",
        {{"apiVersion", "v1"},
         {"kind", "Endpoints"},
         {"metadata", {{"name", "kubernetes"}, {"namespace", "default"}}},
         {"subsets",
          json::array(
              {{{"addresses", json::array({{{"ip", "127.0.0.1"}}})},
                {"ports", json::array({{{"name", "https"}, {"port", port}, {"protocol", "TCP"}}})}}})}});
}

void ClusterBootstrap::createNodes(int count, const std::string &kubeletVersion) {
    for (int index = 1; index <= count; ++index) {
        (void)m_store.create("nodes", nodeObject(index, kubeletVersion));
    }
    qCDebug(lcSandboxStore) << "created" << count << "nodes";
}

} // namespace otelconsole::sandbox
