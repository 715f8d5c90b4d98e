// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace otelconsole {

/// One line of the Prometheus text exposition format: a series name, its labels in the order written,
/// the value and the optional timestamp in milliseconds since the epoch.
struct MetricSample {
    std::string name;
    std::vector<std::pair<std::string, std::string>> labels;
    double value = 0.0;
    std::optional<std::int64_t> timestampMs;

    /// The value of a label, or an empty string when the sample has no such label.
    [[nodiscard]] std::string label(std::string_view key) const;
};

/// Parses a Prometheus text exposition (what a `/metrics` endpoint returns). Comments, `# HELP` and
/// `# TYPE` lines and blank lines are skipped; label values may contain `\\`, `\"` and `\n` escapes;
/// values may be `NaN`, `+Inf` or `-Inf`. A malformed line is an error naming its line number.
[[nodiscard]] Result<std::vector<MetricSample>> parsePrometheusText(std::string_view text);

} // namespace otelconsole
