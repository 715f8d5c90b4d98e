// SPDX-License-Identifier: Apache-2.0
#include "render/usedcomponent.h"

#include <set>
#include <string>

namespace otelconsole {

namespace {

using IdSet = std::set<std::string, std::less<>>;

struct PipelineReferences {
    IdSet receivers; ///< receivers and connectors acting as receivers
    IdSet processors;
    IdSet exporters; ///< exporters and connectors acting as exporters
};

PipelineReferences collectReferences(const CollectorConfig &config) {
    PipelineReferences references;
    for (const Pipeline &pipeline : config.pipelines) {
        references.receivers.insert(pipeline.receivers.begin(), pipeline.receivers.end());
        references.processors.insert(pipeline.processors.begin(), pipeline.processors.end());
        references.exporters.insert(pipeline.exporters.begin(), pipeline.exporters.end());
    }
    return references;
}

void appendReferenced(std::vector<UsedComponent> &used, ComponentKind kind,
                      const std::vector<Component> &defined, const IdSet &referenced,
                      const Catalog &catalog) {
    for (const Component &component : defined) {
        if (referenced.contains(component.id)) {
            used.push_back({kind, &component, catalog.find(kind, component.type())});
        }
    }
}

} // namespace

std::vector<UsedComponent> findUsedComponents(const CollectorConfig &config, const Catalog &catalog) {
    const PipelineReferences references = collectReferences(config);

    // A connector is used when it appears on either side of a pipeline.
    IdSet connectorReferences = references.receivers;
    connectorReferences.insert(references.exporters.begin(), references.exporters.end());

    const IdSet serviceExtensions(config.serviceExtensions.begin(), config.serviceExtensions.end());

    std::vector<UsedComponent> used;
    appendReferenced(used, ComponentKind::Receiver, config.receivers, references.receivers, catalog);
    appendReferenced(used, ComponentKind::Processor, config.processors, references.processors, catalog);
    appendReferenced(used, ComponentKind::Exporter, config.exporters, references.exporters, catalog);
    appendReferenced(used, ComponentKind::Connector, config.connectors, connectorReferences, catalog);
    appendReferenced(used, ComponentKind::Extension, config.extensions, serviceExtensions, catalog);
    return used;
}

} // namespace otelconsole
