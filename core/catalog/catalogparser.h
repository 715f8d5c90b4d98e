// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "catalog/yamlmapreader.h"
#include "common/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace otelconsole {

/// The content of a catalog file.
struct CatalogData {
    std::vector<ComponentInfo> components;
    Version newestRelease;
};

/// Reads the catalog file format (catalog_version 1, described at the top of
/// resources/catalog/components.yaml). Unknown keys are errors, and every error carries the line and
/// column it refers to, so a mistake in the data is found when the file is edited, not when a
/// component silently loses a port or an RBAC rule.
class CatalogParser {
public:
    explicit CatalogParser(std::string file)
        : m_reader(std::move(file)) {}

    [[nodiscard]] Result<CatalogData> parse(std::string_view text) const;

private:
    template<typename Item>
    using ItemParser = Result<Item> (CatalogParser::*)(const YAML::Node &) const;

    [[nodiscard]] Result<CatalogData> parseDocument(const YAML::Node &root) const;
    [[nodiscard]] Result<ComponentInfo> parseComponent(const YAML::Node &node) const;
    [[nodiscard]] Result<void> parseDescriptions(const YAML::Node &node, ComponentInfo &info) const;
    [[nodiscard]] Result<void> parseRequirements(const YAML::Node &node, ComponentInfo &info) const;
    [[nodiscard]] Result<void> parseFlags(const YAML::Node &node, ComponentInfo &info) const;
    [[nodiscard]] Result<CatalogName> parseName(const YAML::Node &node) const;
    [[nodiscard]] Result<std::vector<CatalogAvailability>> parseAvailability(const YAML::Node &node) const;
    [[nodiscard]] Result<std::vector<Signal>> parseSignals(const YAML::Node &node) const;
    [[nodiscard]] Result<CatalogPort> parsePort(const YAML::Node &node) const;
    [[nodiscard]] Result<CatalogRbacRule> parseRbacRule(const YAML::Node &node) const;
    [[nodiscard]] Result<CatalogCondition> parseCondition(const YAML::Node &node) const;
    [[nodiscard]] Result<CatalogHostMount> parseHostMount(const YAML::Node &node) const;
    [[nodiscard]] Result<CatalogEnv> parseEnv(const YAML::Node &node) const;
    [[nodiscard]] Result<CatalogField> parseField(const YAML::Node &node) const;
    [[nodiscard]] Result<void> checkNames(const YAML::Node &sequence,
                                          const std::vector<ComponentInfo> &components) const;

    template<typename Item>
    [[nodiscard]] Result<std::vector<Item>> listOf(const YAML::Node &map, std::string_view key,
                                                   ItemParser<Item> parseItem) const;

    YamlMapReader m_reader;
};

} // namespace otelconsole
