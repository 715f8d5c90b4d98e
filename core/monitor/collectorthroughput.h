// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "monitor/collectorsnapshot.h"

namespace otelconsole {

/// Items per second through the collector's pipelines for one kind of telemetry.
struct SignalRates {
    double accepted = 0.0;
    double refused = 0.0;
    double sent = 0.0;
    double sendFailed = 0.0;

    [[nodiscard]] double rate(PipelineCounter counter) const;
};

/// Throughput of one collector between two snapshots of its internal metrics.
struct CollectorThroughput {
    SignalRates spans;
    SignalRates metricPoints;
    SignalRates logRecords;
    double intervalSeconds = 0.0;

    /// Rates between two snapshots of the same collector. A counter that went down means the collector
    /// restarted in between, so its new value is taken as the whole increase; a series missing from the
    /// earlier snapshot started in between and counts from zero. Fails unless `later` is taken after
    /// `earlier`.
    [[nodiscard]] static Result<CollectorThroughput> between(const CollectorSnapshot &earlier,
                                                             const CollectorSnapshot &later);

    [[nodiscard]] const SignalRates &forSignal(TelemetrySignal signal) const;
};

} // namespace otelconsole
