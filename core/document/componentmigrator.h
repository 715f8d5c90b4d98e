// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "catalog/version.h"
#include "common/error.h"
#include "model/project.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// What "Migrate" would do to one component the image lacks.
struct ComponentMigration {
    ComponentKind kind = ComponentKind::Exporter;
    std::string fromId;
    Component replacement; ///< the id and settings that take the old component's place
    std::string summary;   ///< one sentence saying what changes, for the Migrate button's tooltip
};

/// A configured component the chosen image cannot run, or whose type the catalog does not know.
struct AvailabilityIssue {
    ComponentKind kind = ComponentKind::Receiver;
    std::string id;
    bool known = true;  ///< false: the catalog does not know the type, so availability is unchecked
    std::string reason; ///< why the image cannot run it, with the catalog's advice
    std::optional<ComponentMigration> migration;
};

/// Finds the components of a collector configuration that a given image does not contain and, where
/// the catalog names a replacement, rewrites them: the removed `jaeger` exporter becomes an OTLP
/// exporter to the Jaeger collector's OTLP port, `logging` becomes `debug` with its verbosity, and a
/// name newer than the image goes back to the name that image knows.
class ComponentMigrator {
public:
    ComponentMigrator(const Catalog &catalog, CollectorImage image);

    /// Every defined component the image cannot run, in the order receivers, processors, exporters,
    /// extensions, connectors.
    [[nodiscard]] std::vector<AvailabilityIssue> issues(const CollectorConfig &config) const;
    /// The automatic fix for `component`, or nullopt when it is available or nothing replaces it.
    [[nodiscard]] std::optional<ComponentMigration>
    migrationFor(ComponentKind kind, const Component &component, const CollectorConfig &config) const;
    /// Applies migrationFor() in place, references included, and returns the replacement's id.
    [[nodiscard]] Result<std::string> migrate(CollectorConfig &config, ComponentKind kind,
                                              std::string_view id) const;

private:
    [[nodiscard]] std::optional<ComponentMigration> renameMigration(ComponentKind kind,
                                                                    const Component &component,
                                                                    const ComponentSupport &support,
                                                                    const CollectorConfig &config) const;
    [[nodiscard]] std::optional<ComponentMigration> replacementMigration(ComponentKind kind,
                                                                         const Component &component,
                                                                         const ComponentInfo &removed,
                                                                         const CollectorConfig &config) const;

    const Catalog &m_catalog;
    CollectorImage m_image;
};

} // namespace otelconsole
