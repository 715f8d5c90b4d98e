// SPDX-License-Identifier: Apache-2.0
#include "document/componentmigrator.h"

#include "document/collectorconfigeditor.h"

#include <algorithm>
#include <array>

namespace otelconsole {

namespace {

constexpr std::array allKinds{ComponentKind::Receiver, ComponentKind::Processor, ComponentKind::Exporter,
                              ComponentKind::Extension, ComponentKind::Connector};

// Jaeger ingests OTLP on gRPC port 4317 from release 1.35 on; its old gRPC port 14250 speaks only the
// Jaeger protocol, so the endpoint has to change along with the exporter.
constexpr int jaegerOtlpPort = 4317;
// The jaeger exporter required an endpoint; this stands in only for configs that never had one.
constexpr std::string_view jaegerFallbackHost = "jaeger-collector";

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

/// The part of an id after '/', empty when there is none.
std::string_view nameOf(std::string_view id) {
    const std::size_t slash = id.find('/');
    return slash == std::string_view::npos ? std::string_view{} : id.substr(slash + 1);
}

/// `endpoint` with its port replaced by (or, lacking one, extended with) `port`; IPv6 literals keep their
/// brackets and `dns:///` prefixes stay.
std::string withPort(std::string_view endpoint, int port) {
    const std::size_t colon = endpoint.rfind(':');
    const bool hasPort =
        colon != std::string_view::npos && colon + 1 < endpoint.size()
        && std::ranges::all_of(endpoint.substr(colon + 1), [](char c) { return c >= '0' && c <= '9'; });
    const std::string_view host = hasPort ? endpoint.substr(0, colon) : endpoint;
    return std::string(host) + ":" + std::to_string(port);
}

/// The keys of `from` other than `skipped`, copied after whatever `into` already holds.
void copyOtherKeys(const Json &from, Json &into, std::initializer_list<std::string_view> skipped) {
    if (!from.is_object())
        return;
    for (const auto &[key, value] : from.items()) {
        if (std::ranges::find(skipped, std::string_view(key)) == skipped.end())
            into[key] = value;
    }
}

struct Translation {
    Json config;
    std::string nameHint; ///< used as the new id's name when the old id had none
    std::string details;  ///< what the new settings do, for the summary
};

/// The jaeger exporter's gRPC client settings carry over unchanged; only the port moves to OTLP.
Translation fromJaeger(const Json &old) {
    const Json *endpoint = old.is_object() && old.contains("endpoint") ? &old["endpoint"] : nullptr;
    const std::string oldEndpoint = endpoint != nullptr && endpoint->is_string()
                                        ? endpoint->get<std::string>()
                                        : std::string(jaegerFallbackHost);
    Translation translation;
    translation.nameHint = "jaeger";
    translation.config = Json::object();
    translation.config["endpoint"] = withPort(oldEndpoint, jaegerOtlpPort);

    const bool keepsTls = old.is_object() && old.contains("tls");
    translation.config["tls"] = keepsTls ? old["tls"] : Json{{"insecure", true}};
    copyOtherKeys(old, translation.config, {"endpoint", "tls"});

    translation.details = "sending to " + translation.config["endpoint"].get<std::string>()
                          + ", the Jaeger collector's OTLP port (Jaeger 1.35 or newer), "
                          + (keepsTls ? "with the TLS settings it had" : "without TLS");
    return translation;
}

/// logging's `loglevel` chose how much it printed; debug expresses the same through `verbosity`.
std::string verbosityFor(const Json &old) {
    if (old.is_object() && old.contains("verbosity") && old["verbosity"].is_string())
        return old["verbosity"].get<std::string>();
    const std::string level = old.is_object() && old.contains("loglevel") && old["loglevel"].is_string()
                                  ? old["loglevel"].get<std::string>()
                                  : std::string("info");
    if (level == "debug")
        return "detailed";
    if (level == "info")
        return "normal";
    return "basic";
}

Translation fromLogging(const Json &old) {
    Translation translation;
    translation.config = Json::object();
    translation.config["verbosity"] = verbosityFor(old);
    copyOtherKeys(old, translation.config, {"verbosity", "loglevel"});
    translation.details = "at verbosity " + translation.config["verbosity"].get<std::string>()
                          + ", which prints as much as the logging exporter did";
    return translation;
}

Translation fromDefaults(const ComponentInfo &replacement, std::string_view replacementType) {
    Translation translation;
    translation.config = replacement.defaultConfig;
    translation.details = "starting from the default settings of " + inQuotes(replacementType)
                          + "; review them, the old settings do not carry over";
    return translation;
}

} // namespace

ComponentMigrator::ComponentMigrator(const Catalog &catalog, CollectorImage image)
    : m_catalog(catalog)
    , m_image(std::move(image)) {}

std::vector<AvailabilityIssue> ComponentMigrator::issues(const CollectorConfig &config) const {
    std::vector<AvailabilityIssue> found;
    for (const ComponentKind kind : allKinds) {
        for (const Component &component : CollectorConfigEditor::components(config, kind)) {
            const ComponentSupport support = m_catalog.support(kind, component.type(), m_image);
            if (support.available)
                continue;
            found.push_back(AvailabilityIssue{kind, component.id, support.component != nullptr,
                                              support.reason, migrationFor(kind, component, config)});
        }
    }
    return found;
}

std::optional<ComponentMigration> ComponentMigrator::migrationFor(ComponentKind kind,
                                                                  const Component &component,
                                                                  const CollectorConfig &config) const {
    const ComponentSupport support = m_catalog.support(kind, component.type(), m_image);
    if (support.available || support.component == nullptr)
        return std::nullopt;
    if (auto renamed = renameMigration(kind, component, support, config))
        return renamed;
    if (!support.component->replacedBy.empty())
        return replacementMigration(kind, component, *support.component, config);
    return std::nullopt;
}

std::optional<ComponentMigration> ComponentMigrator::renameMigration(ComponentKind kind,
                                                                     const Component &component,
                                                                     const ComponentSupport &support,
                                                                     const CollectorConfig &config) const {
    // Only a name the image does not know yet: the same component under the name it does know.
    if (support.preferredName == component.type()
        || !m_catalog.support(kind, support.preferredName, m_image).available)
        return std::nullopt;

    ComponentMigration migration;
    migration.kind = kind;
    migration.fromId = component.id;
    migration.replacement.id =
        CollectorConfigEditor::uniqueId(config, kind, support.preferredName, nameOf(component.id));
    migration.replacement.config = component.config;
    migration.summary = "Rename " + inQuotes(component.id) + " to " + inQuotes(migration.replacement.id)
                        + ", the name this image knows it by; the settings stay as they are";
    return migration;
}

std::optional<ComponentMigration>
ComponentMigrator::replacementMigration(ComponentKind kind, const Component &component,
                                        const ComponentInfo &removed, const CollectorConfig &config) const {
    const ComponentSupport target = m_catalog.support(kind, removed.replacedBy, m_image);
    if (!target.available)
        return std::nullopt;

    const std::string &type = target.preferredName;
    const std::string &original = removed.originalName();
    Translation translation;
    if (kind == ComponentKind::Exporter && original == "jaeger")
        translation = fromJaeger(component.config);
    else if (kind == ComponentKind::Exporter && original == "logging")
        translation = fromLogging(component.config);
    else
        translation = fromDefaults(*target.component, type);

    const std::string_view oldName = nameOf(component.id);
    const std::string_view name = oldName.empty() ? std::string_view(translation.nameHint) : oldName;

    ComponentMigration migration;
    migration.kind = kind;
    migration.fromId = component.id;
    migration.replacement.id = CollectorConfigEditor::uniqueId(config, kind, type, name);
    migration.replacement.config = std::move(translation.config);
    migration.summary = "Replace " + inQuotes(component.id) + " with " + inQuotes(migration.replacement.id)
                        + " " + translation.details;
    return migration;
}

Result<std::string> ComponentMigrator::migrate(CollectorConfig &config, ComponentKind kind,
                                               std::string_view id) const {
    const Component *component = nullptr;
    for (const Component &candidate : CollectorConfigEditor::components(config, kind)) {
        if (candidate.id == id)
            component = &candidate;
    }
    if (component == nullptr)
        return fail(ErrorKind::NotFound, "there is no " + std::string(toString(kind)) + " " + inQuotes(id));

    std::optional<ComponentMigration> migration = migrationFor(kind, *component, config);
    if (!migration)
        return fail(ErrorKind::InvalidInput, "otel-console has no automatic migration for " + inQuotes(id)
                                                 + "; change the collector image or replace it by hand");

    std::string newId = migration->replacement.id;
    const Result<void> replaced = CollectorConfigEditor(config, m_catalog)
                                      .replaceComponent(kind, id, std::move(migration->replacement));
    if (!replaced)
        return std::unexpected(replaced.error());
    return newId;
}

} // namespace otelconsole
