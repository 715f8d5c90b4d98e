// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controllers/workqueue.h"
#include "store/storedobject.h"

#include <chrono>
#include <string>

namespace otelconsole::sandbox {

class ObjectStore;
class ResourceRegistry;

/// The namespace lifecycle: a new namespace gets its "default" ServiceAccount and the
/// kube-root-ca.crt ConfigMap; a Terminating one is emptied and then removed.
class NamespaceController {
public:
    NamespaceController(ObjectStore &store, const ResourceRegistry &registry, std::string caCertificatePem,
                        std::chrono::milliseconds finalizeDelay);
    ~NamespaceController();

    NamespaceController(const NamespaceController &) = delete;
    NamespaceController &operator=(const NamespaceController &) = delete;

    void stop();

    bool waitIdle(std::chrono::milliseconds timeout) { return m_queue.waitIdle(timeout); }

private:
    void observe(const StoreEvent &event);
    void populate(const std::string &ns);
    void finalize(const std::string &ns);

    ObjectStore &m_store;
    const ResourceRegistry &m_registry;
    std::string m_caCertificatePem;
    std::chrono::milliseconds m_finalizeDelay;
    int m_subscription = 0;
    WorkQueue m_queue;
};

} // namespace otelconsole::sandbox
