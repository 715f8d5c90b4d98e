// SPDX-License-Identifier: Apache-2.0
#include "kube/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace otelconsole {

bool RetryPolicy::isRetryableStatus(int httpStatus) {
    return httpStatus == 429 || httpStatus == 500 || httpStatus == 503 || httpStatus == 504;
}

bool RetryPolicy::isRetryableNetworkError(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

std::chrono::milliseconds
RetryPolicy::delayBefore(int attempt, std::optional<std::chrono::milliseconds> retryAfter) const {
    if (retryAfter)
        return *retryAfter;
    const int doublings = std::clamp(attempt - 1, 0, 20);
    const auto exponential = std::min(maxDelay, initialDelay * (std::int64_t{1} << doublings));
    // Half fixed, half random: clients that failed together do not all come back at the same moment.
    const auto half = exponential / 2;
    const auto jitter =
        std::chrono::milliseconds(QRandomGenerator::global()->bounded(static_cast<qint64>(half.count()) + 1));
    return half + jitter;
}

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &header) {
    bool ok = false;
    const int seconds = header.trimmed().toInt(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    return std::chrono::seconds(seconds);
}

} // namespace otelconsole
