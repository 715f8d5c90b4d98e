// SPDX-License-Identifier: Apache-2.0
#include "document/collectorconfigeditor.h"

#include <algorithm>
#include <array>

namespace otelconsole {

namespace {

constexpr std::array pipelineSignals{"traces", "metrics", "logs", "profiles"};
constexpr std::size_t longestType = 63;
constexpr std::size_t longestName = 1024;

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

template<typename Range, typename Value>
bool contains(const Range &range, const Value &value) {
    return std::ranges::find(range, value) != std::ranges::end(range);
}

std::string_view typeOf(std::string_view id) {
    return id.substr(0, id.find('/'));
}

bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

/// The collector's rule for the type part: a letter, then letters, digits and underscores.
std::optional<std::string> checkType(std::string_view type) {
    if (type.empty())
        return "the type before '/' is empty";
    if (type.size() > longestType)
        return "the type " + inQuotes(type) + " is longer than 63 characters";
    if (!isAsciiLetter(type.front()))
        return "the type " + inQuotes(type) + " must start with a letter";
    const auto allowed = [](char c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == '_'; };
    if (!std::ranges::all_of(type, allowed))
        return "the type " + inQuotes(type) + " may only hold letters, digits and '_'";
    return std::nullopt;
}

/// The collector rejects spaces, control characters and symbols such as $ or | in the name part.
std::optional<std::string> checkName(std::string_view name) {
    if (name.empty())
        return "the name after '/' is empty";
    if (name.size() > longestName)
        return "the name after '/' is longer than 1024 characters";
    constexpr std::string_view symbols = "$+<=>^`|~";
    const auto forbidden = [&](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= ' ' || byte == 0x7f || symbols.find(c) != std::string_view::npos;
    };
    if (std::ranges::any_of(name, forbidden))
        return "the name " + inQuotes(name) + " may not hold spaces, control characters or any of $+<=>^`|~";
    return std::nullopt;
}

void replaceAll(std::vector<std::string> &ids, std::string_view oldId, const std::string &newId) {
    std::ranges::replace(ids, std::string(oldId), newId);
}

/// The section of `config` (const or not) that defines components of `kind`.
template<typename Config>
auto &sectionOf(Config &config, ComponentKind kind) {
    switch (kind) {
    case ComponentKind::Receiver:
        return config.receivers;
    case ComponentKind::Processor:
        return config.processors;
    case ComponentKind::Exporter:
        return config.exporters;
    case ComponentKind::Extension:
        return config.extensions;
    case ComponentKind::Connector:
        return config.connectors;
    }
    return config.receivers;
}

/// The list of `pipeline` (const or not) for `role`.
template<typename P>
auto &listOf(P &pipeline, PipelineRole role) {
    switch (role) {
    case PipelineRole::Receiver:
        return pipeline.receivers;
    case PipelineRole::Processor:
        return pipeline.processors;
    case PipelineRole::Exporter:
        return pipeline.exporters;
    }
    return pipeline.receivers;
}

bool eraseAll(std::vector<std::string> &ids, std::string_view id) {
    return std::erase(ids, std::string(id)) > 0;
}

} // namespace

std::string_view toString(PipelineRole role) {
    switch (role) {
    case PipelineRole::Receiver:
        return "receivers";
    case PipelineRole::Processor:
        return "processors";
    case PipelineRole::Exporter:
        return "exporters";
    }
    return {};
}

CollectorConfigEditor::CollectorConfigEditor(CollectorConfig &config, const Catalog &catalog)
    : m_config(config)
    , m_catalog(catalog) {}

std::vector<Component> &CollectorConfigEditor::components(CollectorConfig &config, ComponentKind kind) {
    return sectionOf(config, kind);
}

const std::vector<Component> &CollectorConfigEditor::components(const CollectorConfig &config,
                                                                ComponentKind kind) {
    return sectionOf(config, kind);
}

std::vector<std::string> &CollectorConfigEditor::members(Pipeline &pipeline, PipelineRole role) {
    return listOf(pipeline, role);
}

const std::vector<std::string> &CollectorConfigEditor::members(const Pipeline &pipeline, PipelineRole role) {
    return listOf(pipeline, role);
}

std::vector<PipelineRole> CollectorConfigEditor::rolesOf(ComponentKind kind) {
    switch (kind) {
    case ComponentKind::Receiver:
        return {PipelineRole::Receiver};
    case ComponentKind::Processor:
        return {PipelineRole::Processor};
    case ComponentKind::Exporter:
        return {PipelineRole::Exporter};
    case ComponentKind::Connector:
        return {PipelineRole::Exporter, PipelineRole::Receiver};
    case ComponentKind::Extension:
        return {};
    }
    return {};
}

std::optional<std::string> CollectorConfigEditor::checkComponentId(std::string_view id) {
    const std::size_t slash = id.find('/');
    if (const auto problem = checkType(id.substr(0, slash)))
        return problem;
    if (slash == std::string_view::npos)
        return std::nullopt;
    return checkName(id.substr(slash + 1));
}

std::optional<std::string> CollectorConfigEditor::checkPipelineId(std::string_view id) {
    const std::size_t slash = id.find('/');
    const std::string_view signal = id.substr(0, slash);
    if (std::ranges::find(pipelineSignals, signal) == pipelineSignals.end())
        return "a pipeline id starts with its signal (traces, metrics, logs or profiles), not "
               + inQuotes(signal);
    if (slash == std::string_view::npos)
        return std::nullopt;
    return checkName(id.substr(slash + 1));
}

const Component *CollectorConfigEditor::find(const CollectorConfig &config, ComponentKind kind,
                                             std::string_view id) {
    const std::vector<Component> &list = components(config, kind);
    const auto found = std::ranges::find(list, id, &Component::id);
    return found == list.end() ? nullptr : &*found;
}

const Pipeline *CollectorConfigEditor::findPipeline(const CollectorConfig &config, std::string_view id) {
    const auto found = std::ranges::find(config.pipelines, id, &Pipeline::id);
    return found == config.pipelines.end() ? nullptr : &*found;
}

Pipeline *CollectorConfigEditor::pipeline(std::string_view id) {
    const auto found = std::ranges::find(m_config.pipelines, id, &Pipeline::id);
    return found == m_config.pipelines.end() ? nullptr : &*found;
}

std::optional<ComponentKind> CollectorConfigEditor::resolve(const CollectorConfig &config, PipelineRole role,
                                                            std::string_view id) {
    const ComponentKind own = role == PipelineRole::Receiver    ? ComponentKind::Receiver
                              : role == PipelineRole::Processor ? ComponentKind::Processor
                                                                : ComponentKind::Exporter;
    if (find(config, own, id) != nullptr)
        return own;
    if (role != PipelineRole::Processor && find(config, ComponentKind::Connector, id) != nullptr)
        return ComponentKind::Connector;
    return std::nullopt;
}

bool CollectorConfigEditor::isTaken(const CollectorConfig &config, ComponentKind kind, std::string_view id,
                                    std::string_view ignoring) {
    const auto takenIn = [&](ComponentKind other) {
        return id != ignoring && find(config, other, id) != nullptr;
    };
    if (takenIn(kind))
        return true;

    // A pipeline's receiver and exporter lists name connectors too, so those ids must not collide.
    switch (kind) {
    case ComponentKind::Receiver:
    case ComponentKind::Exporter:
        return takenIn(ComponentKind::Connector);
    case ComponentKind::Connector:
        return takenIn(ComponentKind::Receiver) || takenIn(ComponentKind::Exporter);
    case ComponentKind::Processor:
    case ComponentKind::Extension:
        return false;
    }
    return false;
}

std::string CollectorConfigEditor::uniqueId(const CollectorConfig &config, ComponentKind kind,
                                            std::string_view type, std::string_view name) {
    const std::string base = name.empty() ? std::string(type) : std::string(type) + "/" + std::string(name);
    if (!isTaken(config, kind, base))
        return base;

    const std::string prefix = name.empty() ? base + "/" : base + "-";
    for (int counter = 2;; ++counter) {
        std::string candidate = prefix + std::to_string(counter);
        if (!isTaken(config, kind, candidate))
            return candidate;
    }
}

std::vector<std::string> CollectorConfigEditor::pipelinesUsing(ComponentKind kind,
                                                               std::string_view id) const {
    std::vector<std::string> used;
    for (const Pipeline &candidate : m_config.pipelines) {
        const auto lists = [&](PipelineRole role) { return contains(members(candidate, role), id); };
        if (std::ranges::any_of(rolesOf(kind), lists))
            used.push_back(candidate.id);
    }
    return used;
}

Result<std::string> CollectorConfigEditor::addComponent(ComponentKind kind, std::string_view type,
                                                        Json config) {
    if (const auto problem = checkType(type))
        return fail(ErrorKind::InvalidInput, "cannot add " + inQuotes(type) + ": " + *problem);

    std::string id = uniqueId(m_config, kind, type);
    components(m_config, kind).push_back(Component{id, std::move(config)});
    return id;
}

std::optional<std::string> CollectorConfigEditor::checkSameComponent(ComponentKind kind,
                                                                     std::string_view oldId,
                                                                     std::string_view newId) const {
    const std::string_view oldType = typeOf(oldId);
    const std::string_view newType = typeOf(newId);
    if (oldType == newType)
        return std::nullopt;

    // Another name of the same component is fine (filelog → file_log); another component is not.
    const ComponentInfo *before = m_catalog.find(kind, oldType);
    if (before != nullptr && before == m_catalog.find(kind, newType))
        return std::nullopt;
    return "renaming keeps the component's type: " + inQuotes(newId) + " would be a " + inQuotes(newType)
           + " " + std::string(toString(kind)) + ", not the " + inQuotes(oldType)
           + " whose settings these are; keep " + inQuotes(std::string(oldType) + "/")
           + " in front, or add a " + inQuotes(newType) + " from the palette";
}

Result<void> CollectorConfigEditor::renameComponent(ComponentKind kind, std::string_view oldId,
                                                    const std::string &newId) {
    const Component *existing = find(m_config, kind, oldId);
    if (existing == nullptr)
        return fail(ErrorKind::NotFound,
                    "there is no " + std::string(toString(kind)) + " " + inQuotes(oldId));
    if (oldId == newId)
        return {};
    if (isTaken(m_config, kind, newId, oldId))
        return fail(ErrorKind::Conflict, inQuotes(newId) + " is already the id of another component");
    if (const auto problem = checkSameComponent(kind, oldId, newId))
        return fail(ErrorKind::InvalidInput, *problem);
    return replaceComponent(kind, oldId, Component{newId, existing->config});
}

Result<void> CollectorConfigEditor::replaceComponent(ComponentKind kind, std::string_view oldId,
                                                     Component replacement) {
    std::vector<Component> &list = components(m_config, kind);
    const auto found = std::ranges::find(list, oldId, &Component::id);
    if (found == list.end())
        return fail(ErrorKind::NotFound,
                    "there is no " + std::string(toString(kind)) + " " + inQuotes(oldId));
    if (const auto problem = checkComponentId(replacement.id))
        return fail(ErrorKind::InvalidInput, inQuotes(replacement.id) + " is not a valid id: " + *problem);
    if (isTaken(m_config, kind, replacement.id, oldId))
        return fail(ErrorKind::Conflict,
                    inQuotes(replacement.id) + " is already the id of another component");

    const std::string previousId(oldId);
    const std::string newId = replacement.id;
    *found = std::move(replacement);
    replaceReferences(kind, previousId, newId);
    return {};
}

Result<void> CollectorConfigEditor::removeComponent(ComponentKind kind, std::string_view id) {
    std::vector<Component> &list = components(m_config, kind);
    const auto found = std::ranges::find(list, id, &Component::id);
    if (found == list.end())
        return fail(ErrorKind::NotFound, "there is no " + std::string(toString(kind)) + " " + inQuotes(id));

    const std::string removedId = found->id;
    list.erase(found);
    eraseReferences(kind, removedId);
    return {};
}

Result<void> CollectorConfigEditor::setComponentConfig(ComponentKind kind, std::string_view id, Json config) {
    std::vector<Component> &list = components(m_config, kind);
    const auto found = std::ranges::find(list, id, &Component::id);
    if (found == list.end())
        return fail(ErrorKind::NotFound, "there is no " + std::string(toString(kind)) + " " + inQuotes(id));
    found->config = std::move(config);
    return {};
}

void CollectorConfigEditor::replaceReferences(ComponentKind kind, std::string_view oldId,
                                              const std::string &newId) {
    if (kind == ComponentKind::Extension) {
        replaceAll(m_config.serviceExtensions, oldId, newId);
        return;
    }
    for (Pipeline &each : m_config.pipelines) {
        for (const PipelineRole role : rolesOf(kind))
            replaceAll(members(each, role), oldId, newId);
    }
}

void CollectorConfigEditor::eraseReferences(ComponentKind kind, std::string_view id) {
    if (kind == ComponentKind::Extension) {
        eraseAll(m_config.serviceExtensions, id);
        return;
    }
    for (Pipeline &each : m_config.pipelines) {
        for (const PipelineRole role : rolesOf(kind))
            eraseAll(members(each, role), id);
    }
}

Result<void> CollectorConfigEditor::addPipeline(const std::string &id) {
    if (const auto problem = checkPipelineId(id))
        return fail(ErrorKind::InvalidInput, inQuotes(id) + " is not a valid pipeline id: " + *problem);
    if (findPipeline(m_config, id) != nullptr)
        return fail(ErrorKind::Conflict, "there already is a pipeline " + inQuotes(id));

    m_config.pipelines.push_back(Pipeline{id, {}, {}, {}});
    return {};
}

Result<void> CollectorConfigEditor::removePipeline(std::string_view id) {
    if (std::erase_if(m_config.pipelines, [&](const Pipeline &each) { return each.id == id; }) == 0)
        return fail(ErrorKind::NotFound, "there is no pipeline " + inQuotes(id));
    return {};
}

std::optional<std::string> CollectorConfigEditor::checkSignal(const Catalog &catalog,
                                                              std::string_view pipelineId, ComponentKind kind,
                                                              std::string_view componentId) {
    const ComponentInfo *info = catalog.find(kind, typeOf(componentId));
    const std::optional<Signal> signal = signalFromString(typeOf(pipelineId));
    if (info == nullptr || info->signals.empty() || !signal)
        return std::nullopt;
    if (contains(info->signals, *signal))
        return std::nullopt;

    std::string handled;
    for (const Signal each : info->signals)
        handled += (handled.empty() ? "" : ", ") + std::string(toString(each));
    return inQuotes(componentId) + " handles " + handled + ", not the " + std::string(toString(*signal))
           + " of pipeline " + inQuotes(pipelineId);
}

Result<void> CollectorConfigEditor::addToPipeline(std::string_view pipelineId, PipelineRole role,
                                                  const std::string &componentId) {
    Pipeline *target = pipeline(pipelineId);
    if (target == nullptr)
        return fail(ErrorKind::NotFound, "there is no pipeline " + inQuotes(pipelineId));
    const std::optional<ComponentKind> kind = resolve(m_config, role, componentId);
    if (!kind)
        return fail(ErrorKind::NotFound, "no component that can be one of the " + std::string(toString(role))
                                             + " of a pipeline has the id " + inQuotes(componentId));
    std::vector<std::string> &list = members(*target, role);
    if (contains(list, componentId))
        return fail(ErrorKind::Conflict, inQuotes(componentId) + " already is one of the "
                                             + std::string(toString(role)) + " of pipeline "
                                             + inQuotes(pipelineId));
    if (const auto problem = checkSignal(m_catalog, pipelineId, *kind, componentId))
        return fail(ErrorKind::InvalidInput, *problem);

    list.insert(list.begin() + static_cast<std::ptrdiff_t>(insertionPoint(role, list, componentId)),
                componentId);
    return {};
}

std::size_t CollectorConfigEditor::insertionPoint(PipelineRole role, const std::vector<std::string> &list,
                                                  std::string_view componentId) const {
    if (role != PipelineRole::Processor)
        return list.size();

    // The collector docs put memory_limiter first, so it can refuse data before anything else works on
    // it, and batch last, so it batches what the others produced.
    const auto isType = [&](std::string_view id, std::string_view original) {
        const ComponentInfo *info = m_catalog.find(ComponentKind::Processor, typeOf(id));
        return info != nullptr ? info->originalName() == original : typeOf(id) == original;
    };
    if (isType(componentId, "memory_limiter"))
        return 0;
    if (!isType(componentId, "batch") && !list.empty() && isType(list.back(), "batch"))
        return list.size() - 1;
    return list.size();
}

Result<void> CollectorConfigEditor::removeFromPipeline(std::string_view pipelineId, PipelineRole role,
                                                       std::string_view componentId) {
    Pipeline *target = pipeline(pipelineId);
    if (target == nullptr)
        return fail(ErrorKind::NotFound, "there is no pipeline " + inQuotes(pipelineId));
    if (!eraseAll(members(*target, role), componentId))
        return fail(ErrorKind::NotFound, inQuotes(componentId) + " is not one of the "
                                             + std::string(toString(role)) + " of pipeline "
                                             + inQuotes(pipelineId));
    return {};
}

Result<void> CollectorConfigEditor::moveProcessor(std::string_view pipelineId, std::size_t from,
                                                  std::size_t to) {
    Pipeline *target = pipeline(pipelineId);
    if (target == nullptr)
        return fail(ErrorKind::NotFound, "there is no pipeline " + inQuotes(pipelineId));
    std::vector<std::string> &processors = target->processors;
    if (from >= processors.size() || to >= processors.size())
        return fail(ErrorKind::InvalidInput, "pipeline " + inQuotes(pipelineId) + " has "
                                                 + std::to_string(processors.size())
                                                 + " processors; cannot move " + std::to_string(from + 1)
                                                 + " to " + std::to_string(to + 1));

    if (from < to)
        std::rotate(processors.begin() + static_cast<std::ptrdiff_t>(from),
                    processors.begin() + static_cast<std::ptrdiff_t>(from) + 1,
                    processors.begin() + static_cast<std::ptrdiff_t>(to) + 1);
    else
        std::rotate(processors.begin() + static_cast<std::ptrdiff_t>(to),
                    processors.begin() + static_cast<std::ptrdiff_t>(from),
                    processors.begin() + static_cast<std::ptrdiff_t>(from) + 1);
    return {};
}

Result<void> CollectorConfigEditor::setExtensionEnabled(std::string_view id, bool enabled) {
    if (enabled && find(m_config, ComponentKind::Extension, id) == nullptr)
        return fail(ErrorKind::NotFound, "there is no extension " + inQuotes(id));

    std::vector<std::string> &listed = m_config.serviceExtensions;
    const bool isListed = contains(listed, id);
    if (enabled && !isListed)
        listed.emplace_back(id);
    else if (!enabled)
        eraseAll(listed, id);
    return {};
}

} // namespace otelconsole
