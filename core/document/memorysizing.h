// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace otelconsole {

/// memory_limiter settings for a container memory limit. The rule: limit_mib is 80 % of the container
/// limit and spike_limit_mib 20 % of it (a quarter of limit_mib), both rounded down to whole MiB. The
/// collector then starts refusing data at the soft limit of 60 % and forces garbage collection at 80 %,
/// leaving the remaining fifth for the Go runtime and buffers before the kernel's OOM killer acts.
struct MemorySizing {
    std::int64_t containerMib = 0;
    std::int64_t limitMib = 0;
    std::int64_t spikeLimitMib = 0;

    bool operator==(const MemorySizing &) const = default;
};

/// The sizing for a memory limit such as "4Gi"; nullopt when the text is no valid quantity or the
/// limit is too small (under 5 MiB) to leave a positive spike allowance.
[[nodiscard]] std::optional<MemorySizing> memorySizingFor(std::string_view memoryLimit);

/// Whether `config` already has a memory_limiter with exactly this sizing, first in every pipeline.
[[nodiscard]] bool hasMemoryLimiter(const CollectorConfig &config, const MemorySizing &sizing);

/// Sets limit_mib and spike_limit_mib on the config's first memory_limiter (adding `memory_limiter`
/// with check_interval 1s when there is none; percentages are dropped because limit_mib would win
/// anyway), and makes a memory_limiter the first processor of every pipeline.
void applyMemoryLimiter(CollectorConfig &config, const MemorySizing &sizing);

} // namespace otelconsole
