// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <optional>
#include <string>
#include <string_view>

namespace otelconsole {

class RenderContext;

/// The collector container's name; a sidecar is merged into its application's pod template by it.
inline constexpr std::string_view collectorContainerName = "otel-collector";
/// The pod template annotation that rolls the pods when config.yaml changes.
inline constexpr std::string_view configChecksumAnnotation = "otel-console.io/config-checksum";

/// The collector container. A native sidecar is an init container with `restartPolicy: Always`: it starts
/// before the application's containers and keeps running beside them.
[[nodiscard]] Json buildCollectorContainer(const RenderContext &context, bool nativeSidecar = false);

/// The pod's volumes: the config.yaml ConfigMap, then the host paths the used components read.
[[nodiscard]] Json buildPodVolumes(const RenderContext &context);

/// GOMEMLIMIT for a memory limit: 80% of it in whole MiB (`4Gi` gives `3276MiB`), leaving the Go runtime
/// room to collect garbage before the kernel kills the pod. nullopt for an unparseable or tiny limit.
[[nodiscard]] std::optional<std::string> goMemoryLimitFor(std::string_view memoryLimit);

/// The pod template of the collector's own workload (DaemonSet or Deployment); `affinity` is added to
/// the pod spec when it is not null.
[[nodiscard]] Json buildPodTemplate(const RenderContext &context, const Json &affinity = nullptr);

} // namespace otelconsole
