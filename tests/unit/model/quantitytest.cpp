// SPDX-License-Identifier: Apache-2.0
#include "model/quantity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

using otelconsole::Quantity;
using testing::HasSubstr;

namespace {

struct CanonicalRow {
    const char *text;
    const char *canonical;
};

class QuantityCanonicalForm : public testing::TestWithParam<CanonicalRow> {};

TEST_P(QuantityCanonicalForm, ParsesAndPrintsLikeTheApiServer) {
    const auto quantity = Quantity::parse(GetParam().text);

    ASSERT_TRUE(quantity.has_value()) << quantity.error().message;
    EXPECT_EQ(quantity->canonical(), GetParam().canonical);
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, QuantityCanonicalForm,
    testing::Values(CanonicalRow{"0", "0"}, CanonicalRow{"2", "2"}, CanonicalRow{"1.5", "1500m"},
                    CanonicalRow{"1000m", "1"}, CanonicalRow{"500m", "500m"}, CanonicalRow{"0.1m", "1m"},
                    CanonicalRow{"1n", "1m"}, CanonicalRow{"1u", "1m"}, CanonicalRow{"0.0001", "1m"},
                    CanonicalRow{"1.5Gi", "1536Mi"}, CanonicalRow{"1024Mi", "1Gi"},
                    CanonicalRow{"0.5Gi", "512Mi"}, CanonicalRow{"1.5Ki", "1536"},
                    CanonicalRow{"0.5Ki", "512"}, CanonicalRow{"4Gi", "4Gi"},
                    CanonicalRow{"1023Ki", "1023Ki"}, CanonicalRow{"1Ei", "1Ei"}, CanonicalRow{"0Gi", "0"},
                    CanonicalRow{"1k", "1k"}, CanonicalRow{"1000k", "1M"}, CanonicalRow{"1E", "1E"},
                    CanonicalRow{"1e3", "1e3"}, CanonicalRow{"1.5e3", "1500"},
                    CanonicalRow{"12E-1", "1200e-3"}, CanonicalRow{"+5", "5"}, CanonicalRow{"-5", "-5"},
                    CanonicalRow{"-0.1m", "-1m"}, CanonicalRow{"5.", "5"}, CanonicalRow{".5", "500m"},
                    CanonicalRow{"1025", "1025"}, CanonicalRow{"9223372036854775807", "9223372036854775807"},
                    CanonicalRow{"7Ei", "7Ei"}));

struct InvalidRow {
    const char *text;
    const char *problem;
};

class QuantityInvalidText : public testing::TestWithParam<InvalidRow> {};

TEST_P(QuantityInvalidText, IsRejectedSayingWhatIsWrong) {
    const auto quantity = Quantity::parse(GetParam().text);

    ASSERT_FALSE(quantity.has_value());
    EXPECT_EQ(quantity.error().kind, otelconsole::ErrorKind::InvalidInput);
    EXPECT_THAT(quantity.error().message, HasSubstr(GetParam().problem));
    EXPECT_THAT(quantity.error().message, HasSubstr("valid quantities look like 500m"));
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, QuantityInvalidText,
    testing::Values(InvalidRow{"", "must not be empty"}, InvalidRow{"1.5.5", "more than one decimal point"},
                    InvalidRow{"Gi", "there is no number"}, InvalidRow{"+", "there is no number"},
                    InvalidRow{".", "there is no number"}, InvalidRow{"--1", "there is no number"},
                    InvalidRow{"5 Mi", "contains whitespace"}, InvalidRow{" 5", "contains whitespace"},
                    InvalidRow{"5mi", "\"mi\" is not a suffix (did you mean \"Mi\"?)"},
                    InvalidRow{"1KB", "\"KB\" is not a suffix (did you mean \"Ki\" or \"k\"?)"},
                    InvalidRow{"1GiB", "(did you mean \"Gi\"?)"}, InvalidRow{"1e", "\"e\" is not a suffix"},
                    InvalidRow{"1e3.5", "\"e3.5\" is not a suffix"},
                    InvalidRow{"1x", "suffixes are case-sensitive"}, InvalidRow{"8Ei", "too large"},
                    InvalidRow{"9223372036854775808", "too large"}, InvalidRow{"1e30", "too large"},
                    InvalidRow{"-1e19", "too large"}));

class QuantityValue : public testing::Test {
protected:
    static Quantity parsed(const char *text) {
        const auto quantity = Quantity::parse(text);
        EXPECT_TRUE(quantity.has_value()) << text;
        return quantity.value_or(Quantity());
    }
};

TEST_F(QuantityValue, Value_RoundsUp) {
    EXPECT_EQ(parsed("1.5").value(), 2);
    EXPECT_EQ(parsed("100m").value(), 1);
}

TEST_F(QuantityValue, MilliValue_RoundsUp) {
    EXPECT_EQ(parsed("0.1m").milliValue(), 1);
    EXPECT_EQ(parsed("1.5").milliValue(), 1500);
}

TEST_F(QuantityValue, BinarySuffix_IsPowerOf1024) {
    EXPECT_EQ(parsed("4Gi").value(), 4LL * 1024 * 1024 * 1024);
    EXPECT_EQ(parsed("1k").value(), 1000);
}

TEST_F(QuantityValue, Largest_IsExact) {
    EXPECT_EQ(parsed("9223372036854775807").value(), std::numeric_limits<std::int64_t>::max());
}

TEST_F(QuantityValue, EqualValues_CompareEqualAcrossSuffixes) {
    EXPECT_EQ(parsed("1000m"), parsed("1"));
    EXPECT_EQ(parsed("1Ki"), parsed("1024"));
    EXPECT_EQ(parsed("0.000000001"), parsed("1n"));
    EXPECT_GT(parsed("1Gi"), parsed("1G"));
}

TEST_F(QuantityValue, DigitsFinerThanNano_RoundUpToTheNextNano) {
    EXPECT_GT(parsed("1.0000000001"), parsed("1"));
    EXPECT_EQ(parsed("1.0000000001"), parsed("1000000001n"));
}

TEST_F(QuantityValue, LongFraction_ParsesExactly) {
    const std::string tiny = "0." + std::string(60, '0') + "1";

    EXPECT_EQ(parsed(tiny.c_str()), parsed("1n"));
}

TEST_F(QuantityValue, Suffix_DecidesTheFormat) {
    EXPECT_EQ(parsed("1Gi").format(), Quantity::Format::BinarySI);
    EXPECT_EQ(parsed("1G").format(), Quantity::Format::DecimalSI);
    EXPECT_EQ(parsed("1e9").format(), Quantity::Format::DecimalExponent);
}

TEST_F(QuantityValue, FromMilli_PrintsCanonically) {
    EXPECT_EQ(Quantity::fromMilli(1500).canonical(), "1500m");
    EXPECT_EQ(Quantity::fromValue(2048, Quantity::Format::BinarySI).canonical(), "2Ki");
}

TEST_F(QuantityValue, ToDouble_KeepsFractions) {
    EXPECT_DOUBLE_EQ(parsed("250m").toDouble(), 0.25);
}

TEST_F(QuantityValue, Zero_IsZero) {
    EXPECT_TRUE(parsed("0Mi").isZero());
    EXPECT_FALSE(parsed("1n").isZero());
}

} // namespace
