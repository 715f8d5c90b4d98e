// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "kube/clusterconnection.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

#include <chrono>
#include <string>

namespace otelconsole {

/// How a request failed below HTTP: no connection, a TLS problem, a timeout.
struct TransportFailure {
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QList<QSslError> sslErrors;
    bool timedOut =
        false; ///< the transfer timeout aborted the reply (Qt reports it as OperationCanceledError)
};

/// Turns a transport failure into an Error naming the server and, for certificate problems, where the
/// trusted authority came from (`certificate-authority-data of cluster "x"`).
[[nodiscard]] Error transportError(const TransportFailure &failure, const ClusterConnection &connection,
                                   const std::string &method, const std::string &path,
                                   std::chrono::milliseconds timeout);

} // namespace otelconsole
