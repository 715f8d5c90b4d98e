// SPDX-License-Identifier: Apache-2.0
#include "kube/transporterror.h"

#include <QSslCertificate>

namespace otelconsole {

namespace {

bool isUntrustedIssuer(QSslError::SslError error) {
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateSignatureFailed:
        return true;
    default:
        return false;
    }
}

std::string certificateMessage(const QList<QSslError> &errors, const ClusterConnection &connection) {
    const std::string server = connection.server.toString().toStdString();
    for (const QSslError &error : errors) {
        if (isUntrustedIssuer(error.error()))
            return "the certificate of " + server + " is not signed by the cluster's certificate authority ("
                   + connection.caOrigin + ")";
    }
    for (const QSslError &error : errors) {
        const std::string expected = connection.tlsServerName.isEmpty()
                                         ? connection.server.host().toStdString()
                                         : connection.tlsServerName.toStdString();
        switch (error.error()) {
        case QSslError::HostNameMismatch:
            return "the certificate of " + server + " is not valid for the name \"" + expected
                   + "\"; if the server presents a certificate for another name, set tls-server-name of "
                     "cluster \""
                   + connection.clusterName + "\"";
        case QSslError::CertificateExpired:
            return "the certificate of " + server + " has expired";
        case QSslError::CertificateNotYetValid:
            return "the certificate of " + server + " is not valid yet (check the clock of this machine)";
        default:
            break;
        }
    }
    return "the certificate of " + server
           + " was not accepted: " + errors.front().errorString().toStdString();
}

std::string seconds(std::chrono::milliseconds duration) {
    return QString::number(static_cast<double>(duration.count()) / 1000.0).toStdString();
}

} // namespace

Error transportError(const TransportFailure &failure, const ClusterConnection &connection,
                     const std::string &method, const std::string &path, std::chrono::milliseconds timeout) {
    const std::string server = connection.server.toString().toStdString();
    const std::string request = method + " " + path;
    if (!failure.sslErrors.isEmpty())
        return fail(ErrorKind::Tls, certificateMessage(failure.sslErrors, connection)).error();
    if (failure.timedOut || failure.error == QNetworkReply::TimeoutError)
        return fail(ErrorKind::Timeout,
                    request + ": no answer from " + server + " within " + seconds(timeout) + " s")
            .error();

    switch (failure.error) {
    case QNetworkReply::SslHandshakeFailedError:
        return fail(ErrorKind::Tls, "the TLS handshake with " + server + " failed"
                                        + (connection.clientCertificateChain.isEmpty()
                                               ? std::string()
                                               : " (the server may have rejected the client certificate of "
                                                     + connection.describeUser() + ")")
                                        + ": " + failure.errorString.toStdString())
            .error();
    case QNetworkReply::ConnectionRefusedError:
        return fail(ErrorKind::Network,
                    "cannot connect to " + server
                        + ": connection refused (is the API server running at this address?)")
            .error();
    case QNetworkReply::HostNotFoundError:
        return fail(ErrorKind::Network, "cannot resolve the host name of " + server).error();
    case QNetworkReply::RemoteHostClosedError:
        return fail(ErrorKind::Network, request + ": " + server + " closed the connection unexpectedly")
            .error();
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return fail(ErrorKind::Network, "the proxy-url of cluster \"" + connection.clusterName
                                            + "\" failed: " + failure.errorString.toStdString())
            .error();
    default:
        return fail(ErrorKind::Network,
                    request + " to " + server + " failed: " + failure.errorString.toStdString())
            .error();
    }
}

} // namespace otelconsole
