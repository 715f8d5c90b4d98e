// SPDX-License-Identifier: Apache-2.0
#include "render/rendercontext.h"

#include "catalog/version.h"
#include "common/yaml.h"
#include "model/names.h"
#include "render/collectorconfigbuilder.h"

namespace otelconsole {

namespace {

std::string componentLabelFor(DeploymentMode mode) {
    switch (mode) {
    case DeploymentMode::DaemonSet:
        return "agent";
    case DeploymentMode::Gateway:
        return "gateway";
    case DeploymentMode::Sidecar:
        return "sidecar";
    }
    return "gateway";
}

/// The tag of an image reference, read the way a container runtime does when the reference is not one
/// of the collector images the catalog knows: after the last ':' of the last path segment, else latest.
std::string tagOf(std::string_view reference) {
    if (const auto parsed = CollectorImage::parse(reference)) {
        return parsed->tag;
    }

    reference = reference.substr(0, reference.find('@'));
    const auto lastSlash = reference.rfind('/');
    const auto colon = reference.rfind(':');
    if (colon == std::string_view::npos || (lastSlash != std::string_view::npos && colon < lastSlash)) {
        return "latest";
    }
    return std::string(reference.substr(colon + 1));
}

} // namespace

RenderContext::RenderContext(const Project &project, const Catalog &catalog, const ClusterTraits &cluster)
    : m_project(project)
    , m_catalog(catalog)
    , m_cluster(cluster)
    , m_usedComponents(findUsedComponents(project.collector, catalog))
    , m_containerPorts(deriveContainerPorts(project.collector, m_usedComponents))
    , m_healthCheck(findHealthCheck(project.collector))
    , m_collectorConfig(renderCollectorConfig(project.collector))
    , m_collectorConfigYaml(toYaml(m_collectorConfig))
    , m_configChecksum(sha256Hex(m_collectorConfigYaml))
    , m_componentLabel(componentLabelFor(project.deployment.mode)) {
    // A tag that is not a valid label value (a digest, say) is left off rather than mangled.
    std::string tag = tagOf(project.deployment.collectorImage);
    if (!names::checkLabelValue(tag)) {
        m_versionLabel = std::move(tag);
    }
}

std::string RenderContext::serviceAccountName() const {
    const std::string &configured = m_project.deployment.rbac.serviceAccount;
    return configured.empty() ? name() : configured;
}

std::string RenderContext::clusterRoleName() const {
    // ClusterRoles are cluster-wide: the namespace keeps two projects of the same name apart.
    return "otel-console:" + namespaceName() + ":" + name();
}

Json RenderContext::selectorLabels() const {
    Json labels = Json::object();
    labels["app.kubernetes.io/name"] = "opentelemetry-collector";
    labels["app.kubernetes.io/instance"] = name();
    labels["app.kubernetes.io/component"] = m_componentLabel;
    return labels;
}

Json RenderContext::labels() const {
    Json labels = selectorLabels();
    labels["app.kubernetes.io/managed-by"] = "otel-console";
    if (!m_versionLabel.empty()) {
        labels["app.kubernetes.io/version"] = m_versionLabel;
    }
    return labels;
}

Json RenderContext::namespacedMetadata(const std::string &objectName) const {
    Json metadata = Json::object();
    metadata["name"] = objectName;
    metadata["namespace"] = namespaceName();
    metadata["labels"] = labels();
    return metadata;
}

Json RenderContext::clusterMetadata(const std::string &objectName) const {
    Json metadata = Json::object();
    metadata["name"] = objectName;
    metadata["labels"] = labels();
    return metadata;
}

} // namespace otelconsole
