// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "model/project.h"

#include <map>
#include <string>
#include <string_view>

namespace otelconsole {

/// Where each field of a loaded file stands, by field path: `resources.limits.memory`,
/// `collector.processors.memory_limiter.limit_mib`, `collector.service.pipelines.traces.exporters[1]`.
class SourceMap {
public:
    void add(std::string path, SourceLocation location);

    /// The location of `path`, or of its nearest recorded parent; an empty location when none is known.
    [[nodiscard]] SourceLocation find(std::string_view path) const;

private:
    std::map<std::string, SourceLocation, std::less<>> m_locations;
};

struct LoadedProject {
    Project project;
    SourceMap sources;
};

/// Reads a project from YAML text. Malformed YAML, unknown keys and wrong types are errors naming the
/// file, line and what was expected; nothing is silently dropped.
[[nodiscard]] Result<LoadedProject> parseProject(std::string_view text, const std::string &file = {});
[[nodiscard]] Result<LoadedProject> loadProjectFile(const std::string &path);

/// The project as YAML in the documented key order; parseProject(writeProject(p)) == p.
[[nodiscard]] std::string writeProject(const Project &project);
/// Writes atomically: the old file stays intact until the new one is complete on disk.
[[nodiscard]] Result<void> saveProjectFile(const Project &project, const std::string &path);

/// Reads a collector config.yaml (receivers, processors, exporters, extensions, connectors, service) with
/// the same checks as the `collector:` section of a project. Messages name fields without the
/// `collector.` prefix (`receivers.otlp.protocols`), as they stand in the config file itself.
[[nodiscard]] Result<CollectorConfig> parseCollectorConfig(std::string_view text,
                                                           const std::string &file = {});
/// The collector config in the collector's own format, ready to be written as config.yaml.
[[nodiscard]] Json collectorConfigToJson(const CollectorConfig &config);

} // namespace otelconsole
