// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/error.h"

#include <initializer_list>
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
        : m_file(std::move(file)) {}

    [[nodiscard]] Result<CatalogData> parse(std::string_view text) const;

private:
    using Keys = std::initializer_list<std::string_view>;
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
    [[nodiscard]] Result<void> expectMap(const YAML::Node &node, std::string_view what, Keys keys) const;
    [[nodiscard]] Result<std::string> text(const YAML::Node &map, std::string_view key,
                                           bool required = true) const;
    [[nodiscard]] Result<std::vector<std::string>> texts(const YAML::Node &map, std::string_view key,
                                                         bool required = true) const;
    [[nodiscard]] Result<bool> flag(const YAML::Node &map, std::string_view key, bool fallback = false) const;
    [[nodiscard]] Result<int> number(const YAML::Node &map, std::string_view key) const;
    [[nodiscard]] Result<Version> version(const YAML::Node &map, std::string_view key) const;
    [[nodiscard]] Result<Json> json(const YAML::Node &map, std::string_view key) const;
    [[nodiscard]] std::unexpected<Error> error(const YAML::Node &node, std::string message) const;

    std::string m_file;
};

} // namespace otelconsole
