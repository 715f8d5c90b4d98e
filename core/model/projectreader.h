// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/yamlfieldreader.h"

#include <string>

namespace otelconsole {

/// Reads the sections of a project file into a Project, field by field, so that every unknown key and
/// wrong type is reported with its place in the file.
class ProjectReader {
public:
    ProjectReader(const std::string &file, SourceMap &sources);

    [[nodiscard]] Result<Project> read(const YAML::Node &document);

private:
    void readFormatVersion(const YamlMap &top);
    void readDeployment(const YamlMap &top);
    void readResources(const YamlMap &top);
    void readRbac(const YamlMap &top);
    void readRbacMap(const YamlEntry &entry);
    [[nodiscard]] PolicyRule readPolicyRule(const YamlEntry &item);
    void readService(const YamlMap &top);
    void readHpa(const YamlMap &top);
    void readPdb(const YamlMap &top);
    [[nodiscard]] std::optional<IntOrPercent> readIntOrPercent(const YamlMap &parent, std::string_view key);
    void readAntiAffinity(const YamlMap &top);
    void readServiceMonitor(const YamlMap &top);
    void readSidecar(const YamlMap &top);
    void readTolerations(const YamlMap &top);

    YamlFieldReader m_fields;
    Project m_project;
};

} // namespace otelconsole
