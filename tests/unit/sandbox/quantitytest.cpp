// SPDX-License-Identifier: Apache-2.0
#include "api/quantity.h"

#include <gtest/gtest.h>

using otelconsole::sandbox::Quantity;

namespace {

struct Canonical {
    std::string input;
    std::string expected;
};

class QuantityCanonicalForm : public ::testing::TestWithParam<Canonical> {};

class QuantityParser : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST_P(QuantityCanonicalForm, MatchesApiServer) {
    const auto quantity = Quantity::parse(GetParam().input);
    ASSERT_TRUE(quantity.has_value()) << quantity.error();
    EXPECT_EQ(quantity->toString(), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, QuantityCanonicalForm,
    ::testing::Values(Canonical{"1024Mi", "1Gi"}, Canonical{"0.5", "500m"}, Canonical{"1.5", "1500m"},
                      Canonical{"1.5Gi", "1536Mi"}, Canonical{"1000m", "1"}, Canonical{"0", "0"},
                      Canonical{"100n", "100n"}, Canonical{"0.1n", "1n"}, Canonical{"1500", "1500"},
                      Canonical{"2000", "2k"}, Canonical{"1e3", "1e3"}, Canonical{"12e6", "12e6"},
                      Canonical{"0.5Ki", "512"}, Canonical{"1.1Ki", "1126400m"}, Canonical{"+2", "2"},
                      Canonical{"-1Gi", "-1Gi"}, Canonical{"512Ki", "512Ki"}, Canonical{".5", "500m"},
                      Canonical{"5.", "5"}, Canonical{"100Mi", "100Mi"}, Canonical{"2048Ki", "2Mi"},
                      Canonical{"1M", "1M"}, Canonical{"1000k", "1M"}));

TEST_P(QuantityParser, RejectsMalformed) {
    EXPECT_FALSE(Quantity::parse(GetParam()).has_value()) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Table, QuantityParser,
                         ::testing::Values("", "abc", "1.2.3", "1Qi", ".", "+", "1 Gi", "Gi", "1e", "--1",
                                           "1m2"));

TEST(QuantityComparison, MilliSuffix_IsThousandths) {
    EXPECT_EQ(Quantity::parse("1500m")->compare(*Quantity::parse("1.5")), 0);
    EXPECT_LT(Quantity::parse("999m")->compare(*Quantity::parse("1")), 0);
}

TEST(QuantityComparison, BinaryAndDecimalKilo_Differ) {
    EXPECT_GT(Quantity::parse("1Ki")->compare(*Quantity::parse("1k")), 0);
}
