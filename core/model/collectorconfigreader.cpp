// SPDX-License-Identifier: Apache-2.0
#include "model/collectorconfigreader.h"

#include <array>

namespace otelconsole {

namespace {

constexpr std::array<std::string_view, 6> configKeys{"receivers",  "processors", "exporters",
                                                     "extensions", "connectors", "service"};
constexpr std::array<std::string_view, 3> serviceKeys{"extensions", "pipelines", "telemetry"};
constexpr std::array<std::string_view, 3> pipelineKeys{"receivers", "processors", "exporters"};

} // namespace

CollectorConfigReader::CollectorConfigReader(YamlFieldReader &fields, std::string path)
    : m_fields(fields)
    , m_path(std::move(path)) {}

CollectorConfig CollectorConfigReader::read(const YAML::Node &node) {
    CollectorConfig config;
    const auto root = m_fields.map(node, m_path, configKeys);
    if (!root)
        return config;

    config.receivers = readComponents(*root, "receivers");
    config.processors = readComponents(*root, "processors");
    config.exporters = readComponents(*root, "exporters");
    config.extensions = readComponents(*root, "extensions");
    config.connectors = readComponents(*root, "connectors");
    readService(*root, config);
    return config;
}

std::vector<Component> CollectorConfigReader::readComponents(const YamlMap &root, std::string_view section) {
    // Component ids are open-ended (`otlp`, `otlp/jaeger`): any key is allowed here, the validator
    // checks them against the catalog.
    std::vector<Component> components;
    const auto entries = m_fields.map(root, section, {});
    if (!entries)
        return components;

    for (const YamlEntry &entry : entries->entries) {
        if (!entry.value.IsNull() && !entry.value.IsMap()) {
            m_fields.fail(entry.value.Mark(), "expected a map of settings for " + entry.path + ", found "
                                                  + YamlFieldReader::shapeOf(entry.value));
            return components;
        }
        auto settings = m_fields.json(entry);
        if (!settings)
            return components;
        components.push_back(Component{entry.key, std::move(*settings)});
    }
    return components;
}

void CollectorConfigReader::readService(const YamlMap &root, CollectorConfig &config) {
    const auto service = m_fields.map(root, "service", serviceKeys);
    if (!service)
        return;

    m_fields.read(*service, "extensions", config.serviceExtensions);

    if (const auto pipelines = m_fields.map(*service, "pipelines", {})) {
        for (const YamlEntry &entry : pipelines->entries) {
            Pipeline pipeline = readPipeline(entry);
            if (m_fields.failed())
                return;
            config.pipelines.push_back(std::move(pipeline));
        }
    }

    if (const YamlEntry *telemetry = service->find("telemetry")) {
        if (auto value = m_fields.json(*telemetry))
            config.telemetry = std::move(*value);
    }
}

Pipeline CollectorConfigReader::readPipeline(const YamlEntry &entry) {
    Pipeline pipeline;
    pipeline.id = entry.key;
    const auto lists = m_fields.map(entry.value, entry.path, pipelineKeys);
    if (!lists)
        return pipeline;

    m_fields.read(*lists, "receivers", pipeline.receivers);
    m_fields.read(*lists, "processors", pipeline.processors);
    m_fields.read(*lists, "exporters", pipeline.exporters);
    return pipeline;
}

} // namespace otelconsole
