// SPDX-License-Identifier: Apache-2.0
// parseYaml on broken and hostile input: one clear error each, never a crash or a hang.
#include "../malformedinput.h"
#include "common/yaml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using namespace otelconsole::testing_inputs;
using testing::HasSubstr;

namespace {

class YamlLoading : public testing::Test {
protected:
    static Error rejection(std::string_view text) {
        const auto parsed = parseYaml(text, "input.yaml");
        EXPECT_FALSE(parsed) << "accepted";
        return parsed ? Error{} : parsed.error();
    }
};

TEST_F(YamlLoading, TruncatedFlowSequence_NamesTheFile) {
    const Error error = rejection("receivers: [otlp, jaeger");

    EXPECT_THAT(error.message, HasSubstr("not valid YAML"));
    EXPECT_EQ(error.location.file, "input.yaml");
}

TEST_F(YamlLoading, TruncatedQuotedString_IsAnError) {
    EXPECT_THAT(rejection("endpoint: \"0.0.0.0:43").message, HasSubstr("not valid YAML"));
}

TEST_F(YamlLoading, LoneComma_IsAnErrorNotAnEndlessLoop) {
    const Error error = rejection(",\nreceivers:\n  otlp:\n");

    EXPECT_THAT(error.message, HasSubstr("unexpected \",\""));
    EXPECT_EQ(error.location.line, 1);
}

TEST_F(YamlLoading, SeveralDocumentsStillCount) {
    EXPECT_THAT(rejection("---\na: 1\n---\nb: 2\n---\n").message, HasSubstr("found 3"));
}

TEST_F(YamlLoading, HundredThousandOpeningBrackets_AreTooDeep) {
    EXPECT_THAT(rejection(deepFlowNesting()).message, HasSubstr("nests more than"));
}

TEST_F(YamlLoading, NestingBeyondTheConverterLimit_IsTooDeep) {
    EXPECT_THAT(rejection(deepFlowNesting(300) + std::string(300, ']')).message,
                HasSubstr("nests deeper than 200 levels"));
}

TEST_F(YamlLoading, AliasBombInAMapping_IsRefused) {
    EXPECT_THAT(rejection(aliasBomb()).message, HasSubstr("aliases repeating aliases"));
}

TEST_F(YamlLoading, TenMegabytesOfEntries_AreRefusedAsTooManyValues) {
    EXPECT_THAT(rejection(repeatedLines("- item\n")).message, HasSubstr("more than 200000 values"));
}

TEST_F(YamlLoading, TenMegabyteScalar_IsKeptAsAString) {
    const std::string digits(10 * 1024 * 1024, '7');

    const auto parsed = parseYaml("big: " + digits + "\n");

    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed->at("big"), digits);
}

TEST_F(YamlLoading, NulByte_IsAnErrorNotATruncation) {
    const Error error = rejection(std::string("a: 1\0b: 2\n", 10));

    EXPECT_THAT(error.message, HasSubstr("NUL byte"));
    EXPECT_EQ(error.location.line, 1);
}

TEST_F(YamlLoading, InvalidUtf8_IsAnError) {
    const Error error = rejection(invalidUtf8);

    EXPECT_THAT(error.message, HasSubstr("not valid UTF-8"));
    EXPECT_EQ(error.location.line, 1);
}

TEST_F(YamlLoading, FloatBeyondDoubleRange_StaysAString) {
    const auto parsed = parseYaml("huge: 1e999\ntiny: -1e-999\n");

    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed->at("huge"), "1e999");
    EXPECT_EQ(parsed->at("tiny"), "-1e-999");
}

TEST_F(YamlLoading, IntegerBeyondInt64_BecomesAFloat) {
    const auto parsed = parseYaml("big: 99999999999999999999\n");

    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_DOUBLE_EQ(parsed->at("big").get<double>(), 1e20);
}

TEST_F(YamlLoading, LongDigitStringIsQuotedByTheWriter) {
    const Json value = {{"digits", std::string(1000, '1')}};

    const auto reread = parseYaml(toYaml(value));

    ASSERT_TRUE(reread) << reread.error().toString();
    EXPECT_EQ(*reread, value);
}

TEST_F(YamlLoading, TopLevelMultiLineString_IsWrittenSoItReadsBack) {
    const auto parsed = parseYaml("ye\n\n\n}]\n");
    ASSERT_TRUE(parsed) << parsed.error().toString();

    const auto reread = parseYaml(toYaml(*parsed));

    ASSERT_TRUE(reread) << reread.error().toString() << "\n" << toYaml(*parsed);
    EXPECT_EQ(*reread, *parsed);
}

TEST_F(YamlLoading, TopLevelStringWithADocumentMarker_IsWrittenSoItReadsBack) {
    const Json value = "first\n---\nsecond";

    const auto reread = parseYaml(toYaml(value));

    ASSERT_TRUE(reread) << reread.error().toString() << "\n" << toYaml(value);
    EXPECT_EQ(*reread, value);
}

} // namespace
