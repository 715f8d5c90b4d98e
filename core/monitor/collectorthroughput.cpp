// SPDX-License-Identifier: Apache-2.0
#include "monitor/collectorthroughput.h"

namespace otelconsole {

namespace {

double &rateSlot(SignalRates &rates, PipelineCounter counter) {
    switch (counter) {
    case PipelineCounter::Accepted:
        return rates.accepted;
    case PipelineCounter::Refused:
        return rates.refused;
    case PipelineCounter::Sent:
        return rates.sent;
    case PipelineCounter::SendFailed:
        break;
    }
    return rates.sendFailed;
}

SignalRates &signalSlot(CollectorThroughput &throughput, TelemetrySignal signal) {
    switch (signal) {
    case TelemetrySignal::Spans:
        return throughput.spans;
    case TelemetrySignal::MetricPoints:
        return throughput.metricPoints;
    case TelemetrySignal::LogRecords:
        break;
    }
    return throughput.logRecords;
}

/// The increase of a monotonic counter; a decrease can only come from a restart that reset it to zero.
double counterIncrease(double earlier, double later) {
    return later >= earlier ? later - earlier : later;
}

} // namespace

double SignalRates::rate(PipelineCounter counter) const {
    switch (counter) {
    case PipelineCounter::Accepted:
        return accepted;
    case PipelineCounter::Refused:
        return refused;
    case PipelineCounter::Sent:
        return sent;
    case PipelineCounter::SendFailed:
        break;
    }
    return sendFailed;
}

const SignalRates &CollectorThroughput::forSignal(TelemetrySignal signal) const {
    switch (signal) {
    case TelemetrySignal::Spans:
        return spans;
    case TelemetrySignal::MetricPoints:
        return metricPoints;
    case TelemetrySignal::LogRecords:
        break;
    }
    return logRecords;
}

Result<CollectorThroughput> CollectorThroughput::between(const CollectorSnapshot &earlier,
                                                         const CollectorSnapshot &later) {
    const auto interval = later.takenAt() - earlier.takenAt();
    if (interval.count() <= 0)
        return fail(ErrorKind::InvalidInput,
                    "cannot compute a rate: the second metrics snapshot is not later than the first");

    CollectorThroughput throughput;
    throughput.intervalSeconds = static_cast<double>(interval.count()) / 1000.0;
    for (const auto &[key, series] : later.series()) {
        const auto previous = earlier.series().find(key);
        const double before = previous == earlier.series().end() ? 0.0 : previous->second.value;
        double &slot = rateSlot(signalSlot(throughput, series.signal), series.counter);
        slot += counterIncrease(before, series.value) / throughput.intervalSeconds;
    }
    return throughput;
}

} // namespace otelconsole
