// SPDX-License-Identifier: Apache-2.0
#include "catalog/catalog.h"

#include "catalog/catalogparser.h"
#include "catalog/rbacruleset.h"
#include "common/logging.h"

#include <QFile>

#include <algorithm>
#include <array>

namespace otelconsole {

namespace {

constexpr std::array componentKinds{ComponentKind::Receiver, ComponentKind::Processor,
                                    ComponentKind::Exporter, ComponentKind::Extension,
                                    ComponentKind::Connector};
constexpr std::array signals{Signal::Traces, Signal::Metrics, Signal::Logs, Signal::Profiles};
constexpr std::array distributions{Distribution::Core, Distribution::K8s, Distribution::Contrib};
constexpr auto builtinPath = ":/catalog/components.yaml";

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string release(const Version &version) {
    return "v" + version.toString();
}

bool containsRelease(const CatalogAvailability &availability, const Version &version) {
    return availability.since <= version && (!availability.until || version < *availability.until);
}

bool isAvailable(const ComponentInfo &info, Distribution distribution, const Version &version) {
    const CatalogAvailability *availability = info.availabilityIn(distribution);
    return availability != nullptr && containsRelease(*availability, version);
}

/// "the "file_log" receiver"
std::string describe(const ComponentInfo &info, std::string_view type) {
    return "the " + inQuotes(type) + " " + std::string(toString(info.kind));
}

/// The image lacks the component's distribution: say which distributions have it in that release.
std::string missingFromDistribution(const ComponentInfo &info, std::string_view type,
                                    Distribution distribution, const Version &version) {
    std::vector<std::string> others;
    for (const Distribution other : distributions) {
        if (other != distribution && isAvailable(info, other, version))
            others.emplace_back(dockerHubRepository(other));
    }

    std::string reason = describe(info, type) + " is not in the " + std::string(toString(distribution))
                         + " distribution (" + std::string(dockerHubRepository(distribution)) + ")";
    for (size_t i = 0; i < others.size(); ++i)
        reason += (i == 0 ? "; it is in " : (i + 1 == others.size() ? " and " : ", ")) + others[i];
    return reason;
}

std::string removed(const ComponentInfo &info, std::string_view type, const Version &until) {
    std::string reason = describe(info, type) + " was removed in " + release(until);
    if (!info.replacement.empty())
        reason += "; " + info.replacement;
    return reason;
}

/// Why `type` cannot be used in `distribution` at `version`; empty when it can.
std::string unavailableReason(const ComponentInfo &info, std::string_view type, Distribution distribution,
                              const Version &version) {
    const CatalogAvailability *availability = info.availabilityIn(distribution);
    if (availability == nullptr)
        return missingFromDistribution(info, type, distribution, version);
    if (version < availability->since)
        return describe(info, type) + " first appears in " + release(availability->since) + "; "
               + release(version) + " does not have it";
    if (availability->until && version >= *availability->until)
        return removed(info, type, *availability->until);

    // Old names stay valid as aliases; a new name is unknown before its rename.
    const std::optional<Version> nameSince = info.nameSince(type);
    if (nameSince && version < *nameSince)
        return inQuotes(type) + " is the name from " + release(*nameSince) + " on; " + release(version)
               + " knows this " + std::string(toString(info.kind)) + " as " + inQuotes(info.nameAt(version));
    return {};
}

/// A component a pipeline or service.extensions references, and which list defines it.
struct UsedComponent {
    ComponentKind kind;
    const Component *component;
};

const Component *findById(const std::vector<Component> &components, std::string_view id) {
    const auto found = std::ranges::find(components, id, &Component::id);
    return found == components.end() ? nullptr : &*found;
}

/// The referenced components, each once; ids defined nowhere are left to the validator.
std::vector<UsedComponent> usedComponents(const CollectorConfig &config) {
    std::vector<UsedComponent> used;
    const auto use = [&](ComponentKind kind, const Component *component) {
        const auto same = [&](const UsedComponent &entry) { return entry.component == component; };
        if (component != nullptr && std::ranges::none_of(used, same))
            used.push_back({kind, component});
    };
    // A connector appears as an exporter of one pipeline and a receiver of another.
    const auto useEnd = [&](ComponentKind kind, const std::vector<Component> &defined,
                            const std::string &id) {
        if (const Component *component = findById(defined, id))
            use(kind, component);
        else
            use(ComponentKind::Connector, findById(config.connectors, id));
    };

    for (const Pipeline &pipeline : config.pipelines) {
        for (const std::string &id : pipeline.receivers)
            useEnd(ComponentKind::Receiver, config.receivers, id);
        for (const std::string &id : pipeline.processors)
            use(ComponentKind::Processor, findById(config.processors, id));
        for (const std::string &id : pipeline.exporters)
            useEnd(ComponentKind::Exporter, config.exporters, id);
    }
    for (const std::string &id : config.serviceExtensions)
        use(ComponentKind::Extension, findById(config.extensions, id));
    return used;
}

/// The part of an id before '/': `otlp/jaeger` is an `otlp` component.
std::string_view typeOf(std::string_view id) {
    return id.substr(0, id.find('/'));
}

bool holdsValue(const Json &value, const std::string &wanted) {
    if (value.is_string())
        return value.get_ref<const std::string &>() == wanted;
    if (value.is_array())
        return std::ranges::any_of(value, [&](const Json &item) { return holdsValue(item, wanted); });
    if (value.is_object())
        return value.contains(wanted);
    return false;
}

Catalog loadBuiltin() {
    QFile file(QString::fromLatin1(builtinPath));
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcCatalog) << "the built-in component catalog is missing:" << file.errorString();
        return {};
    }

    const QByteArray bytes = file.readAll();
    auto catalog =
        Catalog::parse(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), builtinPath);
    if (!catalog) {
        qCCritical(lcCatalog).noquote() << "the built-in component catalog is broken:"
                                        << QString::fromStdString(catalog.error().toString());
        return {};
    }
    return std::move(*catalog);
}

} // namespace

std::string_view toString(ComponentKind kind) {
    switch (kind) {
    case ComponentKind::Receiver:
        return "receiver";
    case ComponentKind::Processor:
        return "processor";
    case ComponentKind::Exporter:
        return "exporter";
    case ComponentKind::Extension:
        return "extension";
    case ComponentKind::Connector:
        return "connector";
    }
    return {};
}

std::string_view toString(Signal signal) {
    switch (signal) {
    case Signal::Traces:
        return "traces";
    case Signal::Metrics:
        return "metrics";
    case Signal::Logs:
        return "logs";
    case Signal::Profiles:
        return "profiles";
    }
    return {};
}

std::optional<ComponentKind> componentKindFromString(std::string_view text) {
    const auto found =
        std::ranges::find(componentKinds, text, [](ComponentKind kind) { return toString(kind); });
    return found == componentKinds.end() ? std::nullopt : std::optional(*found);
}

std::optional<Signal> signalFromString(std::string_view text) {
    const auto found = std::ranges::find(signals, text, [](Signal signal) { return toString(signal); });
    return found == signals.end() ? std::nullopt : std::optional(*found);
}

bool CatalogCondition::holds(const Json &config) const {
    const Json *value = &config;
    for (size_t start = 0; start <= key.size();) {
        const size_t dot = std::min(key.find('.', start), key.size());
        const std::string segment = key.substr(start, dot - start);
        if (!value->is_object() || !value->contains(segment))
            return false;
        value = &(*value)[segment];
        start = dot + 1;
    }

    if (values.empty())
        return true;
    return std::ranges::any_of(values, [&](const std::string &wanted) { return holdsValue(*value, wanted); });
}

bool ComponentInfo::hasName(std::string_view type) const {
    return nameSince(type).has_value();
}

std::optional<Version> ComponentInfo::nameSince(std::string_view type) const {
    const auto name = std::ranges::find(names, type, &CatalogName::name);
    return name == names.end() ? std::nullopt : std::optional(name->since);
}

const std::string &ComponentInfo::nameAt(const Version &version) const {
    const std::string *newest = &names.front().name;
    for (const CatalogName &name : names) {
        if (name.since <= version)
            newest = &name.name;
    }
    return *newest;
}

const CatalogAvailability *ComponentInfo::availabilityIn(Distribution distribution) const {
    const auto found = std::ranges::find(availability, distribution, &CatalogAvailability::distribution);
    return found == availability.end() ? nullptr : &*found;
}

Catalog::Catalog(std::vector<ComponentInfo> components, Version newestRelease)
    : m_components(std::move(components))
    , m_newestRelease(newestRelease) {}

const Catalog &Catalog::builtin() {
    static const Catalog catalog = loadBuiltin();
    return catalog;
}

Result<Catalog> Catalog::parse(std::string_view yamlText, const std::string &file) {
    auto data = CatalogParser(file).parse(yamlText);
    if (!data)
        return std::unexpected(data.error());
    return Catalog(std::move(data->components), data->newestRelease);
}

const ComponentInfo *Catalog::find(ComponentKind kind, std::string_view type) const {
    const auto found = std::ranges::find_if(
        m_components, [&](const ComponentInfo &info) { return info.kind == kind && info.hasName(type); });
    return found == m_components.end() ? nullptr : &*found;
}

ComponentSupport Catalog::support(ComponentKind kind, std::string_view type,
                                  const CollectorImage &image) const {
    ComponentSupport support;
    support.component = find(kind, type);
    if (support.component == nullptr) {
        support.preferredName = type;
        support.reason = "the catalog knows no " + std::string(toString(kind)) + " called " + inQuotes(type);
        return support;
    }

    const Version version = image.version.value_or(m_newestRelease);
    support.preferredName = support.component->nameAt(version);
    support.reason = unavailableReason(*support.component, type, image.distribution, version);
    support.available = support.reason.empty();
    return support;
}

std::vector<const ComponentInfo *> Catalog::available(ComponentKind kind, const CollectorImage &image) const {
    const Version version = image.version.value_or(m_newestRelease);
    std::vector<const ComponentInfo *> components;
    for (const ComponentInfo &info : m_components) {
        if (info.kind == kind && isAvailable(info, image.distribution, version))
            components.push_back(&info);
    }
    return components;
}

std::vector<CatalogRbacRule> Catalog::rbacFor(const CollectorConfig &config) const {
    RbacRuleSet rules;
    for (const UsedComponent &used : usedComponents(config)) {
        const ComponentInfo *info = find(used.kind, typeOf(used.component->id));
        if (info == nullptr)
            continue;
        for (const CatalogRbacRule &rule : info->rbac) {
            if (!rule.when || rule.when->holds(used.component->config))
                rules.add(rule.rule, used.component->id, rule.why);
        }
    }
    return rules.rules();
}

} // namespace otelconsole
