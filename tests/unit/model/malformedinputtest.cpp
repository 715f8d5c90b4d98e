// SPDX-License-Identifier: Apache-2.0
// The project loader, the collector config importer and the quantity parser on broken and hostile input:
// one clear error each, never a crash, an exception or a hang.
#include "../malformedinput.h"

#include "model/projectfile.h"
#include "model/quantity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using namespace otelconsole::testing_inputs;
using testing::HasSubstr;

namespace {

class MalformedProjectFile : public testing::Test {
protected:
    static Error rejection(std::string_view text) {
        const auto loaded = parseProject(text, "project.yaml");
        EXPECT_FALSE(loaded) << "accepted";
        return loaded ? Error{} : loaded.error();
    }
};

TEST_F(MalformedProjectFile, TruncatedFlowMapping_IsMalformedYaml) {
    const Error error = rejection("name: shop\nresources: {limits: {cpu: 1");

    EXPECT_THAT(error.message, HasSubstr("malformed YAML"));
    EXPECT_EQ(error.location.file, "project.yaml");
}

TEST_F(MalformedProjectFile, TextWhereANumberBelongs_NamesTheField) {
    EXPECT_THAT(rejection("name: shop\nreplicas: three\n").message,
                HasSubstr("expected an integer for replicas, found \"three\""));
}

TEST_F(MalformedProjectFile, ListWhereAMapBelongs_NamesTheField) {
    EXPECT_THAT(rejection("name: shop\nresources: [1, 2]\n").message,
                HasSubstr("expected a map for resources"));
}

TEST_F(MalformedProjectFile, ScalarDocument_IsNotAProject) {
    EXPECT_THAT(rejection("just some text\n").message, HasSubstr("expected a map for the project"));
}

TEST_F(MalformedProjectFile, HundredThousandOpeningBrackets_AreTooDeep) {
    EXPECT_THAT(rejection("collector: " + deepFlowNesting()).message, HasSubstr("nests more than"));
}

TEST_F(MalformedProjectFile, AliasBombInComponentSettings_IsRefused) {
    std::string settings;
    const std::string bomb = aliasBomb("otlp");
    for (std::size_t start = 0; start < bomb.size();) {
        const std::size_t end = bomb.find('\n', start);
        settings += "    " + bomb.substr(start, end - start + 1);
        start = end + 1;
    }

    EXPECT_THAT(rejection("name: shop\ncollector:\n  receivers:\n" + settings).message,
                HasSubstr("aliases repeating aliases"));
}

TEST_F(MalformedProjectFile, TenMegabytesOfReceivers_LoadInLinearTime) {
    std::string text = "name: shop\ncollector:\n  receivers:\n";
    for (int i = 0; text.size() < 10 * 1024 * 1024; ++i)
        text += "    otlp/" + std::to_string(i) + ":\n";

    const auto loaded = parseProject(text, "project.yaml");

    ASSERT_TRUE(loaded) << loaded.error().toString();
    EXPECT_GT(loaded->project.collector.receivers.size(), 500'000u);
}

TEST_F(MalformedProjectFile, NulByte_IsAnError) {
    const Error error = rejection(std::string("name: shop\0\n", 12));

    EXPECT_THAT(error.message, HasSubstr("NUL byte"));
    EXPECT_EQ(error.location.line, 1);
    EXPECT_EQ(error.location.column, 11);
}

TEST_F(MalformedProjectFile, InvalidUtf8_IsAnError) {
    EXPECT_THAT(rejection(invalidUtf8).message, HasSubstr("not valid UTF-8"));
}

class MalformedCollectorConfig : public testing::Test {
protected:
    static Error rejection(std::string_view text) {
        const auto config = parseCollectorConfig(text, "config.yaml");
        EXPECT_FALSE(config) << "accepted";
        return config ? Error{} : config.error();
    }
};

TEST_F(MalformedCollectorConfig, TruncatedDocument_IsMalformedYaml) {
    EXPECT_THAT(rejection("receivers:\n  otlp:\n    protocols: {grpc: {endpoint: \"0.0.0.0:4317").message,
                HasSubstr("malformed YAML"));
}

TEST_F(MalformedCollectorConfig, LeadingComma_IsAnErrorNotAnEndlessLoop) {
    EXPECT_THAT(rejection(",receivers:\n  otlp:\n    protocols:\n").message, HasSubstr("unexpected \",\""));
}

TEST_F(MalformedCollectorConfig, ComponentSettingsAsAList_NamesTheComponent) {
    EXPECT_THAT(rejection("receivers:\n  otlp: [grpc, http]\n").message,
                HasSubstr("expected a map of settings for receivers.otlp, found a list"));
}

TEST_F(MalformedCollectorConfig, PipelineListAsAString_NamesThePipeline) {
    EXPECT_THAT(rejection("service:\n  pipelines:\n    traces:\n      receivers: otlp\n").message,
                HasSubstr("expected a list for service.pipelines.traces.receivers"));
}

TEST_F(MalformedCollectorConfig, HundredThousandOpeningBrackets_AreTooDeep) {
    EXPECT_THAT(rejection("receivers: " + deepFlowNesting()).message, HasSubstr("nests more than"));
}

TEST_F(MalformedCollectorConfig, AliasBombInSettings_IsRefused) {
    std::string settings;
    const std::string bomb = aliasBomb("otlp");
    for (std::size_t start = 0; start < bomb.size();) {
        const std::size_t end = bomb.find('\n', start);
        settings += "  " + bomb.substr(start, end - start + 1);
        start = end + 1;
    }

    EXPECT_THAT(rejection("receivers:\n" + settings).message, HasSubstr("aliases repeating aliases"));
}

TEST_F(MalformedCollectorConfig, TenMegabyteSettingsMapping_LoadsInLinearTime) {
    std::string text = "processors:\n  attributes:\n";
    for (int i = 0; text.size() < 10 * 1024 * 1024; ++i)
        text += "    key_" + std::to_string(i) + ": v\n";

    const Error error = rejection(text);

    EXPECT_THAT(error.message, HasSubstr("more than 200000 values"));
}

TEST_F(MalformedCollectorConfig, NulByte_IsAnError) {
    EXPECT_THAT(rejection(std::string("receivers:\0\n", 12)).message, HasSubstr("NUL byte"));
}

TEST_F(MalformedCollectorConfig, InvalidUtf8_IsAnError) {
    EXPECT_THAT(rejection("exporters:\n  debug: {verbosity: d\xE9tailed}\n").message,
                HasSubstr("not valid UTF-8"));
}

class MalformedQuantity : public testing::Test {
protected:
    static Error rejection(std::string_view text) {
        const auto quantity = Quantity::parse(text);
        EXPECT_FALSE(quantity) << "accepted";
        return quantity ? Error{} : quantity.error();
    }
};

TEST_F(MalformedQuantity, TenMegabytesOfDigits_AreTooManyDigits) {
    EXPECT_THAT(rejection(std::string(10 * 1024 * 1024, '9')).message, HasSubstr("too many digits"));
}

TEST_F(MalformedQuantity, HugeInput_IsShortenedInTheMessage) {
    EXPECT_LT(rejection(std::string(10 * 1024 * 1024, '9')).message.size(), 1000u);
}

TEST_F(MalformedQuantity, NulByte_IsNotASuffix) {
    EXPECT_THAT(rejection(std::string("128Mi\0", 6)).message, HasSubstr("is not a suffix"));
}

TEST_F(MalformedQuantity, InvalidUtf8Suffix_IsNotASuffix) {
    EXPECT_THAT(rejection("5\xB5").message, HasSubstr("is not a suffix"));
}

TEST_F(MalformedQuantity, HugeExponent_IsTooLarge) {
    EXPECT_THAT(rejection("1e99999999999999999999").message, HasSubstr("too large"));
}

TEST_F(MalformedQuantity, HugeNegativeExponent_RoundsUpToTheSmallestUnit) {
    const auto quantity = Quantity::parse("1e-99999999999999999999");

    ASSERT_TRUE(quantity) << quantity.error().message;
    EXPECT_EQ(quantity->canonical(), "1e-3");
}

} // namespace
