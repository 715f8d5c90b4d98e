// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "model/project.h"
#include "validate/diagnostic.h"

#include <vector>

namespace otelconsole {

class SourceMap;

/// Checks a project before it is rendered or deployed: Kubernetes grammar (quantities, names), mode rules,
/// HPA/PDB consistency, pipeline references, components against the chosen image, memory sizing and
/// duplicate-data risks. Diagnostics come sorted by path; `sources` (optional) fills in their locations.
[[nodiscard]] std::vector<Diagnostic> validateProject(const Project &project, const Catalog &catalog,
                                                      const SourceMap *sources = nullptr);

} // namespace otelconsole
