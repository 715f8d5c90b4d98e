// SPDX-License-Identifier: Apache-2.0
#include "validate/validationcontext.h"

#include <algorithm>

namespace otelconsole {

ValidationContext::ValidationContext(const Project &project, const Catalog &catalog)
    : m_project(project)
    , m_catalog(catalog) {
    if (auto image = CollectorImage::parse(project.deployment.collectorImage))
        m_image = std::move(*image);
}

Version ValidationContext::imageVersion() const {
    if (m_image && m_image->version)
        return *m_image->version;
    return m_catalog.newestRelease();
}

void ValidationContext::report(Severity severity, std::string code, std::string path, std::string message,
                               std::string fix) {
    m_diagnostics.push_back(
        Diagnostic{severity, std::move(code), std::move(path), std::move(message), std::move(fix), {}});
}

const std::vector<Component> &ValidationContext::components(ComponentKind kind) const {
    const CollectorConfig &collector = m_project.collector;
    switch (kind) {
    case ComponentKind::Receiver:
        return collector.receivers;
    case ComponentKind::Processor:
        return collector.processors;
    case ComponentKind::Exporter:
        return collector.exporters;
    case ComponentKind::Extension:
        return collector.extensions;
    case ComponentKind::Connector:
        return collector.connectors;
    }
    return collector.receivers;
}

const Component *ValidationContext::findComponent(ComponentKind kind, std::string_view id) const {
    const std::vector<Component> &section = components(kind);
    const auto found = std::ranges::find(section, id, &Component::id);
    return found == section.end() ? nullptr : &*found;
}

bool ValidationContext::isUsed(ComponentKind kind, std::string_view id) const {
    const CollectorConfig &collector = m_project.collector;
    if (kind == ComponentKind::Extension)
        return std::ranges::find(collector.serviceExtensions, id) != collector.serviceExtensions.end();

    const auto mentions = [id](const std::vector<std::string> &ids) {
        return std::ranges::find(ids, id) != ids.end();
    };
    return std::ranges::any_of(collector.pipelines, [&](const Pipeline &pipeline) {
        switch (kind) {
        case ComponentKind::Receiver:
            return mentions(pipeline.receivers);
        case ComponentKind::Processor:
            return mentions(pipeline.processors);
        case ComponentKind::Exporter:
            return mentions(pipeline.exporters);
        case ComponentKind::Connector:
            return mentions(pipeline.receivers) || mentions(pipeline.exporters);
        case ComponentKind::Extension:
            break;
        }
        return false;
    });
}

const ComponentInfo *ValidationContext::info(ComponentKind kind, std::string_view id) const {
    return m_catalog.find(kind, typeOf(id));
}

std::string ValidationContext::componentPath(ComponentKind kind, std::string_view id) {
    return "collector." + std::string(sectionName(kind)) + "." + std::string(id);
}

std::string ValidationContext::pipelinePath(std::string_view pipelineId) {
    return "collector.service.pipelines." + std::string(pipelineId);
}

std::string_view ValidationContext::sectionName(ComponentKind kind) {
    switch (kind) {
    case ComponentKind::Receiver:
        return "receivers";
    case ComponentKind::Processor:
        return "processors";
    case ComponentKind::Exporter:
        return "exporters";
    case ComponentKind::Extension:
        return "extensions";
    case ComponentKind::Connector:
        return "connectors";
    }
    return "receivers";
}

std::string_view ValidationContext::typeOf(std::string_view id) {
    return id.substr(0, id.find('/'));
}

} // namespace otelconsole
