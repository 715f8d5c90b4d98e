// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"
#include "model/project.h"

#include <string>
#include <string_view>

namespace otelconsole {

class RenderContext;

/// The name of the ConfigMap key, and so of the file the collector reads under /conf.
inline constexpr std::string_view collectorConfigKey = "config.yaml";

/// The collector's config.yaml as the ConfigMap carries it: the user's config verbatim, plus a
/// Prometheus pull reader on 0.0.0.0:8888 when service.telemetry is absent, because since v0.111 the
/// collector serves its own metrics on localhost only and nothing outside the pod could read them.
[[nodiscard]] Json renderCollectorConfig(const CollectorConfig &config);

/// Lowercase hex SHA-256 of `text`.
[[nodiscard]] std::string sha256Hex(std::string_view text);

/// The ConfigMap `<name>-config` holding config.yaml.
[[nodiscard]] Json buildConfigMap(const RenderContext &context);

} // namespace otelconsole
