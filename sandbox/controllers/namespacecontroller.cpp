// SPDX-License-Identifier: Apache-2.0
#include "controllers/namespacecontroller.h"

#include "api/jsonpath.h"
#include "api/resourceregistry.h"
#include "sandboxlogging.h"
#include "store/objectstore.h"

namespace otelconsole::sandbox {

using nlohmann::json;

NamespaceController::NamespaceController(ObjectStore &store, const ResourceRegistry &registry,
                                         std::string caCertificatePem,
                                         std::chrono::milliseconds finalizeDelay)
    : m_store(store)
    , m_registry(registry)
    , m_caCertificatePem(std::move(caCertificatePem))
    , m_finalizeDelay(finalizeDelay) {
    m_subscription = m_store.subscribe([this](const StoreEvent &event) { observe(event); });
}

NamespaceController::~NamespaceController() {
    stop();
}

void NamespaceController::stop() {
    if (m_subscription) {
        m_store.unsubscribe(m_subscription);
        m_subscription = 0;
    }
    m_queue.stop();
}

void NamespaceController::observe(const StoreEvent &event) {
    if (event.resource != "namespaces") {
        return;
    }
    const std::string ns = event.name;
    if (event.type == StoreEventType::Added) {
        m_queue.post([this, ns] { populate(ns); });
    } else if (event.type == StoreEventType::Modified
               && JsonPath::find(event.object->object, "metadata.deletionTimestamp")
               && !(event.previous && JsonPath::find(event.previous->object, "metadata.deletionTimestamp"))) {
        m_queue.postAfter(m_finalizeDelay, [this, ns] { finalize(ns); });
    }
}

void NamespaceController::populate(const std::string &ns) {
    // Creation races with a client creating the same objects are harmless: AlreadyExists is ignored.
    (void)m_store.create("serviceaccounts", {{"apiVersion", "v1"},
                                             {"kind", "ServiceAccount"},
                                             {"metadata", {{"name", "default"}, {"namespace", ns}}}});
    if (!m_caCertificatePem.empty()) {
        (void)m_store.create("configmaps", {{"apiVersion", "v1"},
                                            {"kind", "ConfigMap"},
                                            {"metadata", {{"name", "kube-root-ca.crt"}, {"namespace", ns}}},
                                            {"data", {{"ca.crt", m_caCertificatePem}}}});
    }
}

void NamespaceController::finalize(const std::string &ns) {
    // TODO: contents are removed regardless of their own finalizers; a real cluster waits for
    // them, so objects guarded by a finalizer vanish sooner here than there.
    for (const auto &type : m_registry.all()) {
        if (!type.namespaced || !type.stored) {
            continue;
        }
        for (const auto &object : m_store.list(type.storageKey(), ns).items) {
            (void)m_store.remove(type.storageKey(), ns, JsonPath::string(object->object, "metadata.name"));
        }
    }
    qCInfo(lcSandboxControllers) << "namespace" << ns.c_str() << "finalized";
    (void)m_store.remove("namespaces", "", ns);
}

} // namespace otelconsole::sandbox
