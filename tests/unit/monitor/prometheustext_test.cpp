// SPDX-License-Identifier: Apache-2.0
#include "monitor/prometheustext.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace otelconsole;

namespace {

struct SampleCase {
    std::string line;
    std::string name;
    std::vector<std::pair<std::string, std::string>> labels;
    double value;
    std::optional<std::int64_t> timestampMs;
};

class PrometheusTextSample : public testing::TestWithParam<SampleCase> {};

TEST_P(PrometheusTextSample, ParsesNameLabelsValueAndTimestamp) {
    const SampleCase &expected = GetParam();

    const auto samples = parsePrometheusText(expected.line);

    ASSERT_TRUE(samples.has_value()) << samples.error().toString();
    ASSERT_EQ(samples->size(), 1u);
    const MetricSample &sample = samples->front();
    EXPECT_EQ(sample.name, expected.name);
    EXPECT_EQ(sample.labels, expected.labels);
    EXPECT_DOUBLE_EQ(sample.value, expected.value);
    EXPECT_EQ(sample.timestampMs, expected.timestampMs);
}

const double infinity = std::numeric_limits<double>::infinity();

INSTANTIATE_TEST_SUITE_P(
    Grammar, PrometheusTextSample,
    testing::Values(
        SampleCase{"up 1", "up", {}, 1.0, std::nullopt},
        SampleCase{
            "otelcol_process_uptime_total 12.5", "otelcol_process_uptime_total", {}, 12.5, std::nullopt},
        SampleCase{"a_b:c{} 3", "a_b:c", {}, 3.0, std::nullopt},
        SampleCase{R"(x{receiver="otlp",transport="grpc"} 42)",
                   "x",
                   {{"receiver", "otlp"}, {"transport", "grpc"}},
                   42.0,
                   std::nullopt},
        SampleCase{R"(x{a="1",} 2)", "x", {{"a", "1"}}, 2.0, std::nullopt},
        SampleCase{R"(x{ a = "1" , b="2" } 2)", "x", {{"a", "1"}, {"b", "2"}}, 2.0, std::nullopt},
        SampleCase{
            R"(x{path="C:\\dir\"q\"\nend"} 1)", "x", {{"path", "C:\\dir\"q\"\nend"}}, 1.0, std::nullopt},
        SampleCase{R"(x{v="a b}{,"} 1)", "x", {{"v", "a b}{,"}}, 1.0, std::nullopt},
        SampleCase{"x 1e3", "x", {}, 1000.0, std::nullopt}, SampleCase{"x -0.5", "x", {}, -0.5, std::nullopt},
        SampleCase{"x +Inf", "x", {}, infinity, std::nullopt},
        SampleCase{"x -Inf", "x", {}, -infinity, std::nullopt},
        SampleCase{"x 7 1700000000123", "x", {}, 7.0, 1700000000123},
        SampleCase{"x\t7\t-5", "x", {}, 7.0, -5}, SampleCase{"  x 7  \r", "x", {}, 7.0, std::nullopt}));

class PrometheusText : public testing::Test {};

TEST_F(PrometheusText, NaNValue_IsKeptAsNaN) {
    const auto samples = parsePrometheusText("x NaN\n");

    ASSERT_TRUE(samples.has_value());
    EXPECT_TRUE(std::isnan(samples->front().value));
}

TEST_F(PrometheusText, CommentsHelpTypeAndBlankLines_AreSkipped) {
    const auto samples = parsePrometheusText("# HELP x Things.\n# TYPE x counter\n\n# a comment\nx 1\ny 2\n");

    ASSERT_TRUE(samples.has_value());
    ASSERT_EQ(samples->size(), 2u);
    EXPECT_EQ((*samples)[0].name, "x");
    EXPECT_EQ((*samples)[1].name, "y");
}

TEST_F(PrometheusText, LabelLookup_ReturnsValueOrEmpty) {
    const auto samples = parsePrometheusText(R"(x{exporter="otlp"} 1)");

    ASSERT_TRUE(samples.has_value());
    EXPECT_EQ(samples->front().label("exporter"), "otlp");
    EXPECT_EQ(samples->front().label("receiver"), "");
}

struct MalformedCase {
    std::string text;
    int line;
    std::string reason;
};

class PrometheusTextMalformed : public testing::TestWithParam<MalformedCase> {};

TEST_P(PrometheusTextMalformed, IsAnErrorNamingTheLine) {
    const MalformedCase &expected = GetParam();

    const auto samples = parsePrometheusText(expected.text);

    ASSERT_FALSE(samples.has_value());
    EXPECT_EQ(samples.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(samples.error().location.line, expected.line);
    EXPECT_NE(samples.error().message.find(expected.reason), std::string::npos) << samples.error().message;
}

INSTANTIATE_TEST_SUITE_P(Grammar, PrometheusTextMalformed,
                         testing::Values(MalformedCase{"x", 1, "expected a value"},
                                         MalformedCase{"ok 1\nx abc", 2, "not a number"},
                                         MalformedCase{"x{a=\"1\" 2", 1, "expected ',' or '}'"},
                                         MalformedCase{"x{a=\"1} 2", 1, "unterminated"},
                                         MalformedCase{"x{a=1} 2", 1, "quoted"},
                                         MalformedCase{"x{a\"1\"} 2", 1, "expected '='"},
                                         MalformedCase{"x{a=\"\\t\"} 2", 1, "unknown escape"},
                                         MalformedCase{"1x 2", 1, "metric or label name"},
                                         MalformedCase{"# c\n\nx 1 12.5", 3, "timestamp"},
                                         MalformedCase{"x 1 2 3", 1, "unexpected text"},
                                         MalformedCase{"x{:a=\"1\"} 2", 1, "label name"}));

} // namespace
