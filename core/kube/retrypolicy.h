// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QNetworkReply>

#include <chrono>
#include <optional>

namespace otelconsole {

/// When and how long to wait before repeating a request that may succeed on a second try.
struct RetryPolicy {
    int maxAttempts = 5;
    std::chrono::milliseconds initialDelay{250};
    std::chrono::milliseconds maxDelay{8'000};
    std::chrono::milliseconds maxTotal{60'000}; ///< no retry starts later than this after the first attempt

    /// 429 Too Many Requests, 500, 503 and 504 are worth repeating; other statuses will not change.
    [[nodiscard]] static bool isRetryableStatus(int httpStatus);

    /// Connection-level failures worth repeating (refused, reset, temporarily down); TLS and name
    /// resolution failures are not.
    [[nodiscard]] static bool isRetryableNetworkError(QNetworkReply::NetworkError error);

    /// The wait before attempt `attempt + 1` (attempt counts from 1): exponential with jitter, or exactly
    /// what the server asked for with Retry-After.
    [[nodiscard]] std::chrono::milliseconds
    delayBefore(int attempt, std::optional<std::chrono::milliseconds> retryAfter) const;

    /// Parses a Retry-After header given in seconds; HTTP dates are not used by the API server.
    [[nodiscard]] static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &header);
};

} // namespace otelconsole
