// SPDX-License-Identifier: Apache-2.0
#include "kube/retrypolicy.h"

#include <gtest/gtest.h>

using namespace otelconsole;
using namespace std::chrono_literals;

namespace {

TEST(RetryPolicyTest, RetryableStatuses_AreThrottlingAndServerErrors) {
    for (const int status : {429, 500, 503, 504})
        EXPECT_TRUE(RetryPolicy::isRetryableStatus(status)) << status;
    for (const int status : {400, 401, 403, 404, 409, 410, 422, 501, 502})
        EXPECT_FALSE(RetryPolicy::isRetryableStatus(status)) << status;
}

TEST(RetryPolicyTest, TlsAndDnsFailures_AreNotRetried) {
    EXPECT_TRUE(RetryPolicy::isRetryableNetworkError(QNetworkReply::ConnectionRefusedError));
    EXPECT_TRUE(RetryPolicy::isRetryableNetworkError(QNetworkReply::RemoteHostClosedError));
    EXPECT_FALSE(RetryPolicy::isRetryableNetworkError(QNetworkReply::SslHandshakeFailedError));
    EXPECT_FALSE(RetryPolicy::isRetryableNetworkError(QNetworkReply::HostNotFoundError));
    EXPECT_FALSE(RetryPolicy::isRetryableNetworkError(QNetworkReply::OperationCanceledError));
}

TEST(RetryPolicyTest, RetryAfter_IsHonouredExactly) {
    const RetryPolicy policy;

    EXPECT_EQ(policy.delayBefore(3, 7s), 7000ms);
}

TEST(RetryPolicyTest, Backoff_GrowsExponentiallyWithinJitterAndCap) {
    RetryPolicy policy;
    policy.initialDelay = 100ms;
    policy.maxDelay = 1000ms;

    for (int round = 0; round < 50; ++round) {
        const auto first = policy.delayBefore(1, std::nullopt);
        const auto third = policy.delayBefore(3, std::nullopt);
        const auto tenth = policy.delayBefore(10, std::nullopt);
        EXPECT_GE(first, 50ms);
        EXPECT_LE(first, 100ms);
        EXPECT_GE(third, 200ms);
        EXPECT_LE(third, 400ms);
        EXPECT_GE(tenth, 500ms);
        EXPECT_LE(tenth, 1000ms);
    }
}

TEST(RetryPolicyTest, RetryAfterHeader_ParsesSecondsOnly) {
    EXPECT_EQ(RetryPolicy::parseRetryAfter("2"), std::optional(std::chrono::milliseconds(2000)));
    EXPECT_EQ(RetryPolicy::parseRetryAfter(" 0 "), std::optional(std::chrono::milliseconds(0)));
    EXPECT_EQ(RetryPolicy::parseRetryAfter(""), std::nullopt);
    EXPECT_EQ(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT"), std::nullopt);
}

} // namespace
