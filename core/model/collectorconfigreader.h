// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/yamlfieldreader.h"

#include <string>

namespace otelconsole {

/// Reads a collector configuration in the collector's own format (receivers, processors, exporters,
/// extensions, connectors, service), keeping component ids and settings in the order written.
class CollectorConfigReader {
public:
    /// `path` is the field path of the configuration itself: "collector" inside a project, empty for a
    /// standalone config.yaml, whose fields are then named without prefix (`receivers.otlp`).
    CollectorConfigReader(YamlFieldReader &fields, std::string path);

    /// Reads `node` into a configuration; on a problem the reader's error is set and the result is partial.
    [[nodiscard]] CollectorConfig read(const YAML::Node &node);

private:
    [[nodiscard]] std::vector<Component> readComponents(const YamlMap &root, std::string_view section);
    void readService(const YamlMap &root, CollectorConfig &config);
    [[nodiscard]] Pipeline readPipeline(const YamlEntry &entry);

    YamlFieldReader &m_fields;
    std::string m_path;
};

} // namespace otelconsole
