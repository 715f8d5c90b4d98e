// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/error.h"
#include "common/json.h"
#include "model/project.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// The list of a pipeline a component id sits in.
enum class PipelineRole { Receiver, Processor, Exporter };

[[nodiscard]] std::string_view toString(PipelineRole role);

/// Edits a collector configuration and keeps it consistent: component ids stay unique, and renaming
/// or removing a component updates every pipeline and service.extensions entry that names it. Each
/// operation either succeeds completely or leaves the configuration untouched and says why.
class CollectorConfigEditor {
public:
    /// `catalog` decides which renames keep a component's type (`otlp` → `otlp_grpc/jaeger` does) and
    /// which signals a component can carry.
    CollectorConfigEditor(CollectorConfig &config, const Catalog &catalog);

    [[nodiscard]] static std::vector<Component> &components(CollectorConfig &config, ComponentKind kind);
    [[nodiscard]] static const std::vector<Component> &components(const CollectorConfig &config,
                                                                  ComponentKind kind);
    [[nodiscard]] static std::vector<std::string> &members(Pipeline &pipeline, PipelineRole role);
    [[nodiscard]] static const std::vector<std::string> &members(const Pipeline &pipeline, PipelineRole role);
    /// The pipeline lists a component of `kind` can appear in: connectors end one pipeline and start another.
    [[nodiscard]] static std::vector<PipelineRole> rolesOf(ComponentKind kind);

    /// nullopt for a valid `type[/name]`, otherwise what is wrong with it, as a sentence.
    [[nodiscard]] static std::optional<std::string> checkComponentId(std::string_view id);
    /// nullopt for a valid `signal[/name]` (traces, metrics, logs, profiles), otherwise what is wrong.
    [[nodiscard]] static std::optional<std::string> checkPipelineId(std::string_view id);
    /// nullopt when the catalog says a component of `kind` with `componentId` can carry the pipeline's
    /// signal (or does not know), otherwise why not.
    [[nodiscard]] static std::optional<std::string> checkSignal(const Catalog &catalog,
                                                                std::string_view pipelineId,
                                                                ComponentKind kind,
                                                                std::string_view componentId);

    [[nodiscard]] static const Component *find(const CollectorConfig &config, ComponentKind kind,
                                               std::string_view id);
    [[nodiscard]] static const Pipeline *findPipeline(const CollectorConfig &config, std::string_view id);
    /// Which section defines the id a pipeline lists under `role`: the role's own kind, else connectors.
    [[nodiscard]] static std::optional<ComponentKind> resolve(const CollectorConfig &config,
                                                              PipelineRole role, std::string_view id);
    /// `type` (or `type/name`) if that id is free in `config`, else the first free of `…/2`, `…/3` (or
    /// `type/name-2`…). Receivers and exporters share their ids with connectors, so those are checked
    /// together.
    [[nodiscard]] static std::string uniqueId(const CollectorConfig &config, ComponentKind kind,
                                              std::string_view type, std::string_view name = {});
    /// Whether a component of `kind` could not take `id` in `config` without a clash, not counting
    /// `ignoring`.
    [[nodiscard]] static bool isTaken(const CollectorConfig &config, ComponentKind kind, std::string_view id,
                                      std::string_view ignoring = {});
    /// The ids of the pipelines that list the component.
    [[nodiscard]] std::vector<std::string> pipelinesUsing(ComponentKind kind, std::string_view id) const;

    /// Adds a component of `type` with `config` under a unique id and returns that id.
    Result<std::string> addComponent(ComponentKind kind, std::string_view type, Json config);
    Result<void> renameComponent(ComponentKind kind, std::string_view oldId, const std::string &newId);
    /// Puts `replacement` where `oldId` was, in the component list and in every reference.
    Result<void> replaceComponent(ComponentKind kind, std::string_view oldId, Component replacement);
    /// Removes the component and every reference to it.
    Result<void> removeComponent(ComponentKind kind, std::string_view id);
    Result<void> setComponentConfig(ComponentKind kind, std::string_view id, Json config);

    Result<void> addPipeline(const std::string &id);
    Result<void> removePipeline(std::string_view id);
    /// Adds the component to the pipeline's list for `role`: at the end, except that a memory_limiter
    /// processor goes first and other processors go before a batch processor that ends the list.
    Result<void> addToPipeline(std::string_view pipelineId, PipelineRole role,
                               const std::string &componentId);
    Result<void> removeFromPipeline(std::string_view pipelineId, PipelineRole role,
                                    std::string_view componentId);
    /// Moves the processor at `from` so that it ends up at `to`; the others keep their relative order.
    Result<void> moveProcessor(std::string_view pipelineId, std::size_t from, std::size_t to);
    /// Lists the extension in service.extensions (so that it starts), or takes it out; an id that no
    /// section defines can be taken out too.
    Result<void> setExtensionEnabled(std::string_view id, bool enabled);

private:
    [[nodiscard]] std::optional<std::string> checkSameComponent(ComponentKind kind, std::string_view oldId,
                                                                std::string_view newId) const;
    [[nodiscard]] std::size_t insertionPoint(PipelineRole role, const std::vector<std::string> &list,
                                             std::string_view componentId) const;
    void replaceReferences(ComponentKind kind, std::string_view oldId, const std::string &newId);
    void eraseReferences(ComponentKind kind, std::string_view id);
    [[nodiscard]] Pipeline *pipeline(std::string_view id);

    CollectorConfig &m_config;
    const Catalog &m_catalog;
};

} // namespace otelconsole
