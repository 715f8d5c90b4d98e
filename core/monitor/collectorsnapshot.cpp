// SPDX-License-Identifier: Apache-2.0
#include "monitor/collectorsnapshot.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace otelconsole {

namespace {

struct CounterPrefix {
    std::string_view prefix;
    PipelineCounter counter;
};

struct SignalSuffix {
    std::string_view suffix;
    TelemetrySignal signal;
};

constexpr std::array counterPrefixes{
    CounterPrefix{"otelcol_receiver_accepted_", PipelineCounter::Accepted},
    CounterPrefix{"otelcol_receiver_refused_", PipelineCounter::Refused},
    CounterPrefix{"otelcol_exporter_sent_", PipelineCounter::Sent},
    CounterPrefix{"otelcol_exporter_send_failed_", PipelineCounter::SendFailed},
};

constexpr std::array signalSuffixes{
    SignalSuffix{"spans", TelemetrySignal::Spans},
    SignalSuffix{"metric_points", TelemetrySignal::MetricPoints},
    SignalSuffix{"log_records", TelemetrySignal::LogRecords},
};

std::string_view withoutTotalSuffix(std::string_view name) {
    constexpr std::string_view total = "_total";
    return name.ends_with(total) ? name.substr(0, name.size() - total.size()) : name;
}

/// The key of a series: the name without `_total` and its labels sorted, so that the same series is
/// found again whatever order the exporter wrote the labels in.
std::string seriesKey(std::string_view baseName, std::vector<std::pair<std::string, std::string>> labels) {
    std::sort(labels.begin(), labels.end());
    std::string key(baseName);
    for (const auto &[name, value] : labels)
        key += '\x1f' + name + '=' + value;
    return key;
}

} // namespace

std::optional<PipelineSeries> CollectorSnapshot::classify(std::string_view metricName) {
    const std::string_view name = withoutTotalSuffix(metricName);
    for (const CounterPrefix &prefix : counterPrefixes) {
        if (!name.starts_with(prefix.prefix))
            continue;
        const std::string_view rest = name.substr(prefix.prefix.size());
        for (const SignalSuffix &suffix : signalSuffixes) {
            if (rest == suffix.suffix)
                return PipelineSeries{suffix.signal, prefix.counter, 0.0};
        }
    }
    return std::nullopt;
}

CollectorSnapshot CollectorSnapshot::fromSamples(const std::vector<MetricSample> &samples,
                                                 std::chrono::milliseconds takenAt) {
    CollectorSnapshot snapshot;
    snapshot.m_takenAt = takenAt;
    for (const MetricSample &sample : samples) {
        std::optional<PipelineSeries> series = classify(sample.name);
        if (!series || std::isnan(sample.value))
            continue;
        series->value = sample.value;
        snapshot.m_series[seriesKey(withoutTotalSuffix(sample.name), sample.labels)] = *series;
    }
    return snapshot;
}

double CollectorSnapshot::total(TelemetrySignal signal, PipelineCounter counter) const {
    double sum = 0.0;
    for (const auto &[key, series] : m_series) {
        if (series.signal == signal && series.counter == counter)
            sum += series.value;
    }
    return sum;
}

} // namespace otelconsole
