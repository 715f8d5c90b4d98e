// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "monitor/prometheustext.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// The kinds of telemetry the collector counts.
enum class TelemetrySignal { Spans, MetricPoints, LogRecords };

/// Which of the collector's pipeline counters a series belongs to.
enum class PipelineCounter {
    Accepted,   ///< otelcol_receiver_accepted_*: taken in by a receiver
    Refused,    ///< otelcol_receiver_refused_*: turned away by a receiver (e.g. memory_limiter)
    Sent,       ///< otelcol_exporter_sent_*: delivered by an exporter
    SendFailed, ///< otelcol_exporter_send_failed_*: an exporter gave up on
};

/// One counter series of the collector's internal metrics.
struct PipelineSeries {
    TelemetrySignal signal = TelemetrySignal::Spans;
    PipelineCounter counter = PipelineCounter::Accepted;
    double value = 0.0;
};

/// The collector's pipeline counters at one moment, keyed by series (name without `_total` plus labels),
/// so that two snapshots can be compared series by series.
class CollectorSnapshot {
public:
    CollectorSnapshot() = default;

    /// Keeps the pipeline counters among the samples and drops everything else. Both the
    /// `otelcol_receiver_accepted_spans` and the `otelcol_receiver_accepted_spans_total` spelling count.
    static CollectorSnapshot fromSamples(const std::vector<MetricSample> &samples,
                                         std::chrono::milliseconds takenAt);

    /// Recognises a pipeline counter by its metric name.
    static std::optional<PipelineSeries> classify(std::string_view metricName);

    [[nodiscard]] std::chrono::milliseconds takenAt() const { return m_takenAt; }
    [[nodiscard]] const std::map<std::string, PipelineSeries> &series() const { return m_series; }

    /// The sum over all label sets of one counter.
    [[nodiscard]] double total(TelemetrySignal signal, PipelineCounter counter) const;

private:
    std::chrono::milliseconds m_takenAt{0};
    std::map<std::string, PipelineSeries> m_series;
};

} // namespace otelconsole
