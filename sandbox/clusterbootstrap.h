// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace otelconsole::sandbox {

class Defaulter;
class ObjectStore;
class ResourceRegistry;

/// What a fresh sandbox cluster contains before the first request: the system and operator
/// namespaces, the RBAC policy, the `kubernetes` Service and the nodes.
class ClusterBootstrap {
public:
    struct Settings {
        std::vector<std::string> operatorNamespaces;
        int nodeCount = 3;
        std::string kubeletVersion; ///< "v1.31.4"
        int apiServerPort = 443;
    };

    ClusterBootstrap(ObjectStore &store, const ResourceRegistry &registry, const Defaulter &defaulter);

    void populate(const Settings &settings);

private:
    void createNamespaces(const std::vector<std::string> &operatorNamespaces);
    void createRbac(const std::vector<std::string> &operatorNamespaces);
    void createApiService(int port);
    void createNodes(int count, const std::string &kubeletVersion);

    ObjectStore &m_store;
    const ResourceRegistry &m_registry;
    const Defaulter &m_defaulter;
};

} // namespace otelconsole::sandbox
