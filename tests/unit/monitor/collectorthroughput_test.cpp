// SPDX-License-Identifier: Apache-2.0
#include "monitor/collectorthroughput.h"

#include <gtest/gtest.h>

using namespace otelconsole;
using namespace std::chrono_literals;

namespace {

class CollectorThroughputTest : public testing::Test {
protected:
    static CollectorSnapshot snapshot(std::string_view text, std::chrono::milliseconds takenAt) {
        const auto samples = parsePrometheusText(text);
        EXPECT_TRUE(samples.has_value());
        return CollectorSnapshot::fromSamples(samples.value_or(std::vector<MetricSample>{}), takenAt);
    }
};

TEST_F(CollectorThroughputTest, TotalSuffixOrNot_BothCount) {
    const CollectorSnapshot snap = snapshot("otelcol_receiver_accepted_spans{receiver=\"otlp\"} 10\n"
                                            "otelcol_receiver_accepted_spans_total{receiver=\"jaeger\"} 5\n",
                                            0ms);

    EXPECT_DOUBLE_EQ(snap.total(TelemetrySignal::Spans, PipelineCounter::Accepted), 15.0);
}

TEST_F(CollectorThroughputTest, UnrelatedMetrics_AreIgnored) {
    const CollectorSnapshot snap = snapshot("otelcol_process_uptime_total 100\n"
                                            "otelcol_receiver_accepted_spans_extra 4\n"
                                            "otelcol_exporter_queue_size 3\n",
                                            0ms);

    EXPECT_TRUE(snap.series().empty());
}

TEST_F(CollectorThroughputTest, Classify_RecognisesEveryCounterAndSignal) {
    const auto failedLogs = CollectorSnapshot::classify("otelcol_exporter_send_failed_log_records_total");
    const auto refusedPoints = CollectorSnapshot::classify("otelcol_receiver_refused_metric_points");

    ASSERT_TRUE(failedLogs.has_value());
    EXPECT_EQ(failedLogs->signal, TelemetrySignal::LogRecords);
    EXPECT_EQ(failedLogs->counter, PipelineCounter::SendFailed);
    ASSERT_TRUE(refusedPoints.has_value());
    EXPECT_EQ(refusedPoints->signal, TelemetrySignal::MetricPoints);
    EXPECT_EQ(refusedPoints->counter, PipelineCounter::Refused);
}

TEST_F(CollectorThroughputTest, Rates_AreIncreasePerSecondSummedAcrossLabelSets) {
    const auto earlier = snapshot("otelcol_receiver_accepted_spans_total{receiver=\"a\"} 100\n"
                                  "otelcol_receiver_accepted_spans_total{receiver=\"b\"} 50\n"
                                  "otelcol_exporter_sent_log_records_total{exporter=\"x\"} 10\n",
                                  10'000ms);
    const auto later = snapshot("otelcol_receiver_accepted_spans_total{receiver=\"a\"} 120\n"
                                "otelcol_receiver_accepted_spans_total{receiver=\"b\"} 70\n"
                                "otelcol_exporter_sent_log_records_total{exporter=\"x\"} 30\n",
                                20'000ms);

    const auto rates = CollectorThroughput::between(earlier, later);

    ASSERT_TRUE(rates.has_value());
    EXPECT_DOUBLE_EQ(rates->intervalSeconds, 10.0);
    EXPECT_DOUBLE_EQ(rates->spans.accepted, 4.0);
    EXPECT_DOUBLE_EQ(rates->logRecords.sent, 2.0);
    EXPECT_DOUBLE_EQ(rates->metricPoints.accepted, 0.0);
}

TEST_F(CollectorThroughputTest, LabelOrder_DoesNotSplitASeries) {
    const auto earlier = snapshot("otelcol_exporter_sent_spans{a=\"1\",b=\"2\"} 10\n", 0ms);
    const auto later = snapshot("otelcol_exporter_sent_spans{b=\"2\",a=\"1\"} 20\n", 1000ms);

    const auto rates = CollectorThroughput::between(earlier, later);

    ASSERT_TRUE(rates.has_value());
    EXPECT_DOUBLE_EQ(rates->spans.sent, 10.0);
}

TEST_F(CollectorThroughputTest, CounterReset_UsesNewValueAsIncrease) {
    const auto earlier = snapshot("otelcol_exporter_send_failed_spans_total{exporter=\"otlp\"} 500\n", 0ms);
    const auto later = snapshot("otelcol_exporter_send_failed_spans_total{exporter=\"otlp\"} 30\n", 10'000ms);

    const auto rates = CollectorThroughput::between(earlier, later);

    ASSERT_TRUE(rates.has_value());
    EXPECT_DOUBLE_EQ(rates->spans.sendFailed, 3.0);
}

TEST_F(CollectorThroughputTest, NewSeries_CountsFromZero) {
    const auto earlier = snapshot("", 0ms);
    const auto later = snapshot("otelcol_receiver_refused_log_records_total{receiver=\"otlp\"} 8\n", 2000ms);

    const auto rates = CollectorThroughput::between(earlier, later);

    ASSERT_TRUE(rates.has_value());
    EXPECT_DOUBLE_EQ(rates->forSignal(TelemetrySignal::LogRecords).rate(PipelineCounter::Refused), 4.0);
}

TEST_F(CollectorThroughputTest, SnapshotsOutOfOrder_IsAnError) {
    const auto first = snapshot("otelcol_exporter_sent_spans 1\n", 5000ms);
    const auto second = snapshot("otelcol_exporter_sent_spans 2\n", 5000ms);

    const auto rates = CollectorThroughput::between(first, second);

    ASSERT_FALSE(rates.has_value());
    EXPECT_EQ(rates.error().kind, ErrorKind::InvalidInput);
}

} // namespace
