// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "model/project.h"

#include <vector>

namespace otelconsole {

/// A component that the collector actually starts: referenced by a pipeline or listed in
/// service.extensions. Defined but unused components are ignored by the collector, and so by us.
struct UsedComponent {
    ComponentKind kind = ComponentKind::Receiver;
    const Component *component = nullptr;
    const ComponentInfo *info = nullptr; ///< nullptr when the catalog does not know the type
};

/// The used components of `config`, receivers first, then processors, exporters, connectors and
/// extensions, each kind in the order the config defines them. Pointers refer into `config` and `catalog`.
[[nodiscard]] std::vector<UsedComponent> findUsedComponents(const CollectorConfig &config,
                                                            const Catalog &catalog);

} // namespace otelconsole
