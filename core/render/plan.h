// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <string>
#include <vector>

namespace otelconsole {

/// The Kubernetes objects of a project in apply order, plus the collector config they carry.
struct Plan {
    std::vector<Json> objects; ///< complete manifests (for Sidecar: a partial apply intent of the target)
    Json collectorConfig;      ///< the collector's config.yaml as rendered into the ConfigMap
    std::string collectorConfigYaml; ///< the same, as text
    std::string configChecksum;      ///< sha256 of collectorConfigYaml, on the pod template

    /// All objects as multi-document YAML, in apply order.
    [[nodiscard]] std::string toYaml() const;
};

} // namespace otelconsole
