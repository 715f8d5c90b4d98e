// SPDX-License-Identifier: Apache-2.0
#include "catalog/catalogparser.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

namespace otelconsole {

namespace {

constexpr int supportedCatalogVersion = 1;
constexpr std::array<std::string_view, 6> fieldTypes{"string", "int", "bool", "duration", "enum", "list"};

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

/// The error of the first failed result, for steps that read several keys before checking any.
template<typename... Results>
std::optional<Error> firstError(const Results &...results) {
    std::optional<Error> error;
    ((error || results ? void() : void(error = results.error())), ...);
    return error;
}

} // namespace

Result<CatalogData> CatalogParser::parse(std::string_view text) const {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception &exception) {
        return fail(ErrorKind::InvalidInput, "the catalog is not valid YAML: " + exception.msg,
                    m_reader.location(exception.mark));
    }

    // The accessors below check node types before converting; this only keeps an overlooked case
    // from throwing out of the module.
    try {
        return parseDocument(root);
    } catch (const YAML::Exception &exception) {
        return fail(ErrorKind::InvalidInput, "unexpected catalog content: " + exception.msg,
                    m_reader.location(exception.mark));
    }
}

Result<CatalogData> CatalogParser::parseDocument(const YAML::Node &root) const {
    if (auto checked =
            m_reader.expectMap(root, "the catalog", {"catalog_version", "newest_release", "components"});
        !checked)
        return std::unexpected(checked.error());

    const auto formatVersion = m_reader.number(root, "catalog_version");
    if (!formatVersion)
        return std::unexpected(formatVersion.error());
    if (*formatVersion != supportedCatalogVersion)
        return m_reader.error(root["catalog_version"], "catalog_version " + std::to_string(*formatVersion)
                                                           + " is not supported; this build reads version "
                                                           + std::to_string(supportedCatalogVersion));

    auto newest = m_reader.version(root, "newest_release");
    if (!newest)
        return std::unexpected(newest.error());

    auto components = listOf(root, "components", &CatalogParser::parseComponent);
    if (!components)
        return std::unexpected(components.error());

    if (auto unique = checkNames(root["components"], *components); !unique)
        return std::unexpected(unique.error());
    return CatalogData{std::move(*components), *newest};
}

Result<ComponentInfo> CatalogParser::parseComponent(const YAML::Node &node) const {
    if (auto checked =
            m_reader.expectMap(node, "a component",
                               {"kind", "names", "description", "signals", "availability", "ports", "rbac",
                                "host_mounts", "env", "needs_root", "needs_root_why", "cluster_scoped",
                                "replacement", "replaced_by", "default_config", "fields"});
        !checked)
        return std::unexpected(checked.error());

    ComponentInfo info;
    const auto kindText = m_reader.text(node, "kind");
    if (!kindText)
        return std::unexpected(kindText.error());
    const auto kind = componentKindFromString(*kindText);
    if (!kind)
        return m_reader.error(node["kind"],
                              "unknown kind " + inQuotes(*kindText)
                                  + "; expected receiver, processor, exporter, extension or connector");
    info.kind = *kind;

    auto names = listOf(node, "names", &CatalogParser::parseName);
    if (!names)
        return std::unexpected(names.error());
    if (names->empty())
        return m_reader.error(node, "a component needs at least one name");
    for (size_t i = 1; i < names->size(); ++i) {
        if ((*names)[i].since < (*names)[i - 1].since)
            return m_reader.error(node["names"][i], "names must be listed oldest first");
    }
    info.names = std::move(*names);

    auto availability = parseAvailability(node);
    if (!availability)
        return std::unexpected(availability.error());
    info.availability = std::move(*availability);

    if (auto described = parseDescriptions(node, info); !described)
        return std::unexpected(described.error());
    if (auto required = parseRequirements(node, info); !required)
        return std::unexpected(required.error());
    if (auto flags = parseFlags(node, info); !flags)
        return std::unexpected(flags.error());
    return info;
}

/// What the component is and does: description, signals, replacement advice, defaults and form fields.
Result<void> CatalogParser::parseDescriptions(const YAML::Node &node, ComponentInfo &info) const {
    auto description = m_reader.text(node, "description");
    auto replacement = m_reader.text(node, "replacement", false);
    auto replacedBy = m_reader.text(node, "replaced_by", false);
    if (auto failure = firstError(description, replacement, replacedBy))
        return std::unexpected(*failure);
    info.description = std::move(*description);
    info.replacement = std::move(*replacement);
    info.replacedBy = std::move(*replacedBy);

    auto signals = parseSignals(node);
    if (!signals)
        return std::unexpected(signals.error());
    info.signals = std::move(*signals);

    auto defaultConfig = m_reader.json(node, "default_config");
    if (!defaultConfig)
        return std::unexpected(defaultConfig.error());
    info.defaultConfig = std::move(*defaultConfig);

    auto fields = listOf(node, "fields", &CatalogParser::parseField);
    if (!fields)
        return std::unexpected(fields.error());
    info.fields = std::move(*fields);
    return {};
}

/// What the component needs from Kubernetes: ports, RBAC rules, host mounts and environment.
Result<void> CatalogParser::parseRequirements(const YAML::Node &node, ComponentInfo &info) const {
    auto ports = listOf(node, "ports", &CatalogParser::parsePort);
    if (!ports)
        return std::unexpected(ports.error());
    info.ports = std::move(*ports);

    auto rbac = listOf(node, "rbac", &CatalogParser::parseRbacRule);
    if (!rbac)
        return std::unexpected(rbac.error());
    info.rbac = std::move(*rbac);

    auto hostMounts = listOf(node, "host_mounts", &CatalogParser::parseHostMount);
    if (!hostMounts)
        return std::unexpected(hostMounts.error());
    info.hostMounts = std::move(*hostMounts);

    auto env = listOf(node, "env", &CatalogParser::parseEnv);
    if (!env)
        return std::unexpected(env.error());
    info.env = std::move(*env);
    return {};
}

Result<void> CatalogParser::parseFlags(const YAML::Node &node, ComponentInfo &info) const {
    const auto needsRoot = m_reader.flag(node, "needs_root");
    const auto clusterScoped = m_reader.flag(node, "cluster_scoped");
    auto needsRootWhy = m_reader.text(node, "needs_root_why", false);
    if (auto failure = firstError(needsRoot, clusterScoped, needsRootWhy))
        return std::unexpected(*failure);

    // Running as root is the most sensitive thing a component can ask for; the RBAC page shows why.
    if (*needsRoot && needsRootWhy->empty())
        return m_reader.error(node["needs_root"], "needs_root: true needs a needs_root_why");
    info.needsRoot = *needsRoot;
    info.needsRootWhy = std::move(*needsRootWhy);
    info.clusterScoped = *clusterScoped;
    return {};
}

Result<CatalogName> CatalogParser::parseName(const YAML::Node &node) const {
    if (auto checked = m_reader.expectMap(node, "a name", {"name", "since"}); !checked)
        return std::unexpected(checked.error());

    auto name = m_reader.text(node, "name");
    if (!name)
        return std::unexpected(name.error());
    const auto since = m_reader.version(node, "since");
    if (!since)
        return std::unexpected(since.error());
    return CatalogName{std::move(*name), *since};
}

Result<std::vector<CatalogAvailability>> CatalogParser::parseAvailability(const YAML::Node &node) const {
    const YAML::Node map = node["availability"];
    if (YamlMapReader::isAbsent(map))
        return m_reader.error(node, "a component needs \"availability\"");
    if (auto checked = m_reader.expectMap(map, "availability", {"core", "k8s", "contrib"}); !checked)
        return std::unexpected(checked.error());

    std::vector<CatalogAvailability> availability;
    for (const auto &entry : map) {
        const YAML::Node &releases = entry.second;
        if (auto checked = m_reader.expectMap(releases, "an availability", {"since", "until"}); !checked)
            return std::unexpected(checked.error());

        CatalogAvailability item;
        item.distribution = *distributionFromString(entry.first.Scalar());
        const auto since = m_reader.version(releases, "since");
        if (!since)
            return std::unexpected(since.error());
        item.since = *since;
        if (!YamlMapReader::isAbsent(releases["until"])) {
            const auto until = m_reader.version(releases, "until");
            if (!until)
                return std::unexpected(until.error());
            if (*until <= *since)
                return m_reader.error(releases["until"], "until must be a later release than since");
            item.until = *until;
        }
        availability.push_back(item);
    }
    if (availability.empty())
        return m_reader.error(map, "availability must name at least one distribution");
    return availability;
}

Result<std::vector<Signal>> CatalogParser::parseSignals(const YAML::Node &node) const {
    const auto words = m_reader.texts(node, "signals", false);
    if (!words)
        return std::unexpected(words.error());

    std::vector<Signal> signals;
    for (const std::string &word : *words) {
        const auto signal = signalFromString(word);
        if (!signal)
            return m_reader.error(node["signals"], "unknown signal " + inQuotes(word)
                                                       + "; expected traces, metrics, logs or profiles");
        signals.push_back(*signal);
    }
    return signals;
}

Result<CatalogPort> CatalogParser::parsePort(const YAML::Node &node) const {
    if (auto checked = m_reader.expectMap(node, "a port",
                                          {"name", "port", "protocol", "endpoint_key", "enabled_by_default"});
        !checked)
        return std::unexpected(checked.error());

    auto name = m_reader.text(node, "name");
    const auto port = m_reader.number(node, "port");
    auto protocol = m_reader.text(node, "protocol");
    auto endpointKey = m_reader.text(node, "endpoint_key", false);
    const auto enabledByDefault = m_reader.flag(node, "enabled_by_default", true);
    if (auto failure = firstError(name, port, protocol, endpointKey, enabledByDefault))
        return std::unexpected(*failure);

    if (*port < 1 || *port > 65535)
        return m_reader.error(node["port"], "a port number must be between 1 and 65535");
    if (*protocol != "TCP" && *protocol != "UDP")
        return m_reader.error(node["protocol"], "protocol must be TCP or UDP, not " + inQuotes(*protocol));
    return CatalogPort{std::move(*name), *port, std::move(*protocol), std::move(*endpointKey),
                       *enabledByDefault};
}

Result<CatalogRbacRule> CatalogParser::parseRbacRule(const YAML::Node &node) const {
    if (auto checked = m_reader.expectMap(
            node, "an RBAC rule", {"api_groups", "resources", "verbs", "resource_names", "why", "when"});
        !checked)
        return std::unexpected(checked.error());

    CatalogRbacRule rule;
    for (const auto &[key, target] :
         {std::pair{"api_groups", &rule.rule.apiGroups}, std::pair{"resources", &rule.rule.resources},
          std::pair{"verbs", &rule.rule.verbs}}) {
        auto values = m_reader.texts(node, key);
        if (!values)
            return std::unexpected(values.error());
        if (values->empty())
            return m_reader.error(node[key], inQuotes(key) + " must not be empty");
        *target = std::move(*values);
    }

    auto resourceNames = m_reader.texts(node, "resource_names", false);
    auto why = m_reader.text(node, "why");
    if (auto failure = firstError(resourceNames, why))
        return std::unexpected(*failure);
    rule.rule.resourceNames = std::move(*resourceNames);
    rule.why = std::move(*why);

    if (!YamlMapReader::isAbsent(node["when"])) {
        auto condition = parseCondition(node["when"]);
        if (!condition)
            return std::unexpected(condition.error());
        rule.when = std::move(*condition);
    }
    return rule;
}

Result<CatalogCondition> CatalogParser::parseCondition(const YAML::Node &node) const {
    if (auto checked = m_reader.expectMap(node, "a condition", {"key", "contains"}); !checked)
        return std::unexpected(checked.error());

    auto key = m_reader.text(node, "key");
    if (!key)
        return std::unexpected(key.error());

    // `contains: value` is shorthand for a list of one.
    const YAML::Node contains = node["contains"];
    if (!YamlMapReader::isAbsent(contains) && contains.IsScalar())
        return CatalogCondition{std::move(*key), {contains.Scalar()}};
    auto values = m_reader.texts(node, "contains", false);
    if (!values)
        return std::unexpected(values.error());
    return CatalogCondition{std::move(*key), std::move(*values)};
}

Result<CatalogHostMount> CatalogParser::parseHostMount(const YAML::Node &node) const {
    if (auto checked = m_reader.expectMap(
            node, "a host mount",
            {"name", "host_path", "mount_path", "read_only", "host_path_type", "mount_propagation", "why"});
        !checked)
        return std::unexpected(checked.error());

    CatalogHostMount mount;
    const std::pair<std::string_view, std::string *> required[] = {
        {"name", &mount.name},
        {"host_path", &mount.hostPath},
        {"mount_path", &mount.mountPath},
        {"why", &mount.why},
    };
    for (const auto &[key, target] : required) {
        auto value = m_reader.text(node, key);
        if (!value)
            return std::unexpected(value.error());
        *target = std::move(*value);
    }

    auto hostPathType = m_reader.text(node, "host_path_type", false);
    auto mountPropagation = m_reader.text(node, "mount_propagation", false);
    const auto readOnly = m_reader.flag(node, "read_only", true);
    if (auto failure = firstError(hostPathType, mountPropagation, readOnly))
        return std::unexpected(*failure);
    mount.hostPathType = std::move(*hostPathType);
    mount.mountPropagation = std::move(*mountPropagation);
    mount.readOnly = *readOnly;
    return mount;
}

Result<CatalogEnv> CatalogParser::parseEnv(const YAML::Node &node) const {
    if (auto checked = m_reader.expectMap(node, "an environment variable", {"name", "field_path", "why"});
        !checked)
        return std::unexpected(checked.error());

    auto name = m_reader.text(node, "name");
    auto fieldPath = m_reader.text(node, "field_path");
    auto why = m_reader.text(node, "why");
    if (auto failure = firstError(name, fieldPath, why))
        return std::unexpected(*failure);
    return CatalogEnv{std::move(*name), std::move(*fieldPath), std::move(*why)};
}

Result<CatalogField> CatalogParser::parseField(const YAML::Node &node) const {
    if (auto checked =
            m_reader.expectMap(node, "a field", {"key", "type", "default", "choices", "description"});
        !checked)
        return std::unexpected(checked.error());

    auto key = m_reader.text(node, "key");
    auto type = m_reader.text(node, "type");
    auto defaultValue = m_reader.json(node, "default");
    auto choices = m_reader.texts(node, "choices", false);
    auto description = m_reader.text(node, "description");
    if (auto failure = firstError(key, type, defaultValue, choices, description))
        return std::unexpected(*failure);

    if (std::ranges::find(fieldTypes, *type) == fieldTypes.end())
        return m_reader.error(node["type"], "unknown field type " + inQuotes(*type)
                                                + "; expected string, int, bool, duration, enum or list");
    if (*type == "enum" && choices->empty())
        return m_reader.error(node, "an enum field needs \"choices\"");
    return CatalogField{std::move(*key), std::move(*type), std::move(*defaultValue), std::move(*choices),
                        std::move(*description)};
}

/// Two components of one kind sharing a name would make find() depend on the file's order.
Result<void> CatalogParser::checkNames(const YAML::Node &sequence,
                                       const std::vector<ComponentInfo> &components) const {
    for (size_t i = 0; i < components.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (components[j].kind != components[i].kind)
                continue;
            for (const CatalogName &name : components[i].names) {
                if (components[j].hasName(name.name))
                    return m_reader.error(sequence[i], "the " + std::string(toString(components[i].kind))
                                                           + " name " + inQuotes(name.name)
                                                           + " is used by two components");
            }
        }
    }
    return {};
}

template<typename Item>
Result<std::vector<Item>> CatalogParser::listOf(const YAML::Node &map, std::string_view key,
                                                ItemParser<Item> parseItem) const {
    std::vector<Item> items;
    const YAML::Node sequence = map[std::string(key)];
    if (YamlMapReader::isAbsent(sequence))
        return items;
    if (!sequence.IsSequence())
        return m_reader.error(sequence, inQuotes(key) + " must be a list");

    for (const YAML::Node &item : sequence) {
        auto parsed = (this->*parseItem)(item);
        if (!parsed)
            return std::unexpected(parsed.error());
        items.push_back(std::move(*parsed));
    }
    return items;
}

} // namespace otelconsole
