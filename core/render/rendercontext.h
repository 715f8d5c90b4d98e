// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/json.h"
#include "model/project.h"
#include "render/containerports.h"
#include "render/renderer.h"
#include "render/usedcomponent.h"

#include <string>
#include <vector>

namespace otelconsole {

/// Everything the object builders share, derived once from the project: names, labels, the components
/// in use, the collector's ports and the rendered config.yaml with its checksum.
class RenderContext {
public:
    RenderContext(const Project &project, const Catalog &catalog, const ClusterTraits &cluster);

    [[nodiscard]] const Project &project() const { return m_project; }
    [[nodiscard]] const Catalog &catalog() const { return m_catalog; }
    [[nodiscard]] const ClusterTraits &cluster() const { return m_cluster; }
    [[nodiscard]] DeploymentMode mode() const { return m_project.deployment.mode; }

    [[nodiscard]] const std::vector<UsedComponent> &usedComponents() const { return m_usedComponents; }
    [[nodiscard]] const std::vector<ContainerPort> &containerPorts() const { return m_containerPorts; }
    [[nodiscard]] const std::optional<HealthCheckEndpoint> &healthCheck() const { return m_healthCheck; }

    [[nodiscard]] const Json &collectorConfig() const { return m_collectorConfig; }
    [[nodiscard]] const std::string &collectorConfigYaml() const { return m_collectorConfigYaml; }
    [[nodiscard]] const std::string &configChecksum() const { return m_configChecksum; }

    [[nodiscard]] const std::string &name() const { return m_project.name; }
    [[nodiscard]] const std::string &namespaceName() const { return m_project.deployment.namespaceName; }
    [[nodiscard]] std::string serviceAccountName() const;
    [[nodiscard]] std::string clusterRoleName() const;
    [[nodiscard]] std::string configMapName() const { return name() + "-config"; }
    [[nodiscard]] std::string headlessServiceName() const { return name() + "-headless"; }

    /// The labels of every object and of the pod template.
    [[nodiscard]] Json labels() const;
    /// The labels that pick out the collector's pods; selectors are immutable, so never the version.
    [[nodiscard]] Json selectorLabels() const;
    /// `metadata` of an object in the project's namespace.
    [[nodiscard]] Json namespacedMetadata(const std::string &objectName) const;
    /// `metadata` of a cluster-scoped object.
    [[nodiscard]] Json clusterMetadata(const std::string &objectName) const;

private:
    const Project &m_project;
    const Catalog &m_catalog;
    ClusterTraits m_cluster;
    std::vector<UsedComponent> m_usedComponents;
    std::vector<ContainerPort> m_containerPorts;
    std::optional<HealthCheckEndpoint> m_healthCheck;
    Json m_collectorConfig;
    std::string m_collectorConfigYaml;
    std::string m_configChecksum;
    std::string m_componentLabel;
    std::string m_versionLabel;
};

} // namespace otelconsole
