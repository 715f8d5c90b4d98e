// SPDX-License-Identifier: Apache-2.0
#include "validate/configvalues.h"

#include <gtest/gtest.h>

#include <optional>

using namespace otelconsole;

struct DurationRow {
    const char *text;
    std::optional<std::int64_t> nanos;
};

class GoDuration : public testing::TestWithParam<DurationRow> {};

TEST_P(GoDuration, ParsesLikeTimeParseDuration) {
    EXPECT_EQ(parseGoDuration(GetParam().text), GetParam().nanos) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Table, GoDuration,
                         testing::Values(DurationRow{"1s", 1'000'000'000}, DurationRow{"500ms", 500'000'000},
                                         DurationRow{"1m30s", 90'000'000'000},
                                         DurationRow{"1.5h", 5'400'000'000'000}, DurationRow{"0", 0},
                                         DurationRow{"0s", 0}, DurationRow{"250us", 250'000},
                                         DurationRow{"10ns", 10}, DurationRow{"-2s", -2'000'000'000},
                                         DurationRow{"", std::nullopt}, DurationRow{"1", std::nullopt},
                                         DurationRow{"1 s", std::nullopt}, DurationRow{"s", std::nullopt},
                                         DurationRow{"1sec", std::nullopt}, DurationRow{"1d", std::nullopt}));

struct AddressRow {
    const char *endpoint;
    const char *host;
    std::optional<int> port;
    bool loopback;
};

class ListenAddressParser : public testing::TestWithParam<AddressRow> {};

TEST_P(ListenAddressParser, SplitsHostAndPort) {
    const ListenAddress address = parseListenAddress(GetParam().endpoint);
    EXPECT_EQ(address.host, GetParam().host);
    EXPECT_EQ(address.port, GetParam().port);
    EXPECT_EQ(address.isLoopback(), GetParam().loopback);
}

INSTANTIATE_TEST_SUITE_P(Table, ListenAddressParser,
                         testing::Values(AddressRow{"0.0.0.0:4317", "0.0.0.0", 4317, false},
                                         AddressRow{"localhost:4318", "localhost", 4318, true},
                                         AddressRow{"127.0.0.1:13133", "127.0.0.1", 13133, true},
                                         AddressRow{"[::1]:1777", "::1", 1777, true},
                                         AddressRow{"${env:MY_POD_IP}:4317", "${env:MY_POD_IP}", 4317, false},
                                         AddressRow{"${env:MY_POD_IP}", "${env:MY_POD_IP}", std::nullopt,
                                                    false},
                                         AddressRow{":4317", "", 4317, false},
                                         AddressRow{"backend:port", "backend", std::nullopt, false}));

class SettingLookup : public testing::Test {
protected:
    Json m_config = Json::parse(R"({"protocols": {"grpc": null, "http": {"endpoint": "0.0.0.0:4318"}},
                                    "limit_mib": 400, "ratio": 2.0, "text": "12"})");
};

TEST_F(SettingLookup, DottedKey_FindsNestedValue) {
    const Json *endpoint = findSetting(m_config, "protocols.http.endpoint");
    ASSERT_NE(endpoint, nullptr);
    EXPECT_EQ(*endpoint, "0.0.0.0:4318");
}

TEST_F(SettingLookup, PresentNullKey_IsFound) {
    const Json *grpc = findSetting(m_config, "protocols.grpc");
    ASSERT_NE(grpc, nullptr);
    EXPECT_TRUE(grpc->is_null());
}

TEST_F(SettingLookup, MissingStep_IsNotFound) {
    EXPECT_EQ(findSetting(m_config, "protocols.grpc.endpoint"), nullptr);
    EXPECT_EQ(findSetting(m_config, "receivers"), nullptr);
}

TEST_F(SettingLookup, Integers_AcceptWholeFloatsButNotStrings) {
    EXPECT_EQ(integerSetting(m_config, "limit_mib"), 400);
    EXPECT_EQ(integerSetting(m_config, "ratio"), 2);
    EXPECT_EQ(integerSetting(m_config, "text"), std::nullopt);
}
