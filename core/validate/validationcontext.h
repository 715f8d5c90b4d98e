// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "model/project.h"
#include "validate/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// What every family of checks shares: the project, the catalog, the parsed image and the findings so
/// far. Also answers the questions several families ask about the collector config.
class ValidationContext {
public:
    ValidationContext(const Project &project, const Catalog &catalog);

    [[nodiscard]] const Project &project() const { return m_project; }
    [[nodiscard]] const Catalog &catalog() const { return m_catalog; }
    [[nodiscard]] DeploymentMode mode() const { return m_project.deployment.mode; }

    /// The collector image, or nullopt when the reference is not one the catalog can judge.
    [[nodiscard]] const std::optional<CollectorImage> &image() const { return m_image; }
    /// The image's version; images without one (latest, digests, unknown repositories) count as the
    /// newest release the catalog knows, which is what such a tag pulls today.
    [[nodiscard]] Version imageVersion() const;

    void report(Severity severity, std::string code, std::string path, std::string message,
                std::string fix = {});
    [[nodiscard]] std::vector<Diagnostic> takeDiagnostics() { return std::move(m_diagnostics); }

    /// The components of one section of the collector config.
    [[nodiscard]] const std::vector<Component> &components(ComponentKind kind) const;
    [[nodiscard]] const Component *findComponent(ComponentKind kind, std::string_view id) const;
    /// Whether the collector starts the component: referenced by a pipeline, or for extensions listed in
    /// service.extensions. Defined components that nothing uses are ignored by the collector.
    [[nodiscard]] bool isUsed(ComponentKind kind, std::string_view id) const;
    /// What the catalog knows about a component type, by any of its names; nullptr when nothing.
    [[nodiscard]] const ComponentInfo *info(ComponentKind kind, std::string_view id) const;

    /// The field path of a component: `collector.receivers.otlp/2`.
    [[nodiscard]] static std::string componentPath(ComponentKind kind, std::string_view id);
    /// The field path of a pipeline: `collector.service.pipelines.traces/2`.
    [[nodiscard]] static std::string pipelinePath(std::string_view pipelineId);
    /// The section name in the collector config: receivers, processors, exporters, extensions, connectors.
    [[nodiscard]] static std::string_view sectionName(ComponentKind kind);
    /// The type part of a component id (`otlp` of `otlp/2`).
    [[nodiscard]] static std::string_view typeOf(std::string_view id);

private:
    const Project &m_project;
    const Catalog &m_catalog;
    std::optional<CollectorImage> m_image;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace otelconsole
