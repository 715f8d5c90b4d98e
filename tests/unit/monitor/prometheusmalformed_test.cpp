// SPDX-License-Identifier: Apache-2.0
// parsePrometheusText on broken and hostile expositions: one clear error naming the line, never a crash or
// a hang.
#include "../malformedinput.h"
#include "monitor/prometheustext.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using namespace otelconsole::testing_inputs;
using testing::HasSubstr;

namespace {

class PrometheusTextMalformed : public testing::Test {
protected:
    static Error rejection(std::string_view text) {
        const auto samples = parsePrometheusText(text);
        EXPECT_FALSE(samples) << "accepted";
        return samples ? Error{} : samples.error();
    }
};

TEST_F(PrometheusTextMalformed, TruncatedLabelSet_IsAnErrorOnItsLine) {
    const Error error = rejection("up 1\notelcol_exporter_sent_spans{exporter=\"otlp");

    EXPECT_THAT(error.message, HasSubstr("unterminated label value"));
    EXPECT_EQ(error.location.line, 2);
}

TEST_F(PrometheusTextMalformed, TrailingBackslash_IsUnterminated) {
    EXPECT_THAT(rejection("m{a=\"x\\").message, HasSubstr("unterminated label value"));
}

TEST_F(PrometheusTextMalformed, JsonInsteadOfText_IsAnError) {
    EXPECT_THAT(rejection("{\"kind\":\"Status\",\"code\":503}").message,
                HasSubstr("expected a metric or label name"));
}

TEST_F(PrometheusTextMalformed, WordWhereTheValueBelongs_IsNotANumber) {
    EXPECT_THAT(rejection("up{job=\"a\"} yes\n").message, HasSubstr("\"yes\" is not a number"));
}

TEST_F(PrometheusTextMalformed, HundredThousandOpeningBraces_AreOneError) {
    EXPECT_THAT(rejection("m" + std::string(100'000, '{')).message,
                HasSubstr("expected a metric or label name"));
}

TEST_F(PrometheusTextMalformed, TenMegabytesOfSamples_AreAllRead) {
    const auto samples =
        parsePrometheusText(repeatedLines("otelcol_receiver_accepted_spans_total{receiver=\"otlp\"} 1\n"));

    ASSERT_TRUE(samples) << samples.error().toString();
    EXPECT_GT(samples->size(), 100'000u);
}

TEST_F(PrometheusTextMalformed, TenMegabyteLabelValue_IsRead) {
    const std::string value(10 * 1024 * 1024, 'v');

    const auto samples = parsePrometheusText("m{a=\"" + value + "\"} 1\n");

    ASSERT_TRUE(samples) << samples.error().toString();
    EXPECT_EQ(samples->front().label("a").size(), value.size());
}

TEST_F(PrometheusTextMalformed, NulByteAfterTheValue_IsNotANumber) {
    const Error error = rejection(std::string("up 1\0\n", 6));

    EXPECT_THAT(error.message, HasSubstr("is not a number"));
    EXPECT_EQ(error.location.line, 1);
}

TEST_F(PrometheusTextMalformed, InvalidUtf8InALabelValue_IsAnError) {
    const Error error = rejection("up 1\nm{path=\"C:\\\\caf\xE9\"} 2\n");

    EXPECT_THAT(error.message, HasSubstr("not valid UTF-8"));
    EXPECT_EQ(error.location.line, 2);
}

TEST_F(PrometheusTextMalformed, InvalidUtf8InAComment_IsIgnoredLikeAnyComment) {
    const auto samples = parsePrometheusText("# HELP up caf\xE9\nup 1\n");

    ASSERT_TRUE(samples) << samples.error().toString();
    EXPECT_EQ(samples->size(), 1u);
}

} // namespace
