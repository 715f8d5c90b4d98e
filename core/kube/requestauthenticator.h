// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "kube/clusterconnection.h"
#include "kube/execcredentialprovider.h"

#include <QCoroTask>
#include <QNetworkRequest>

#include <chrono>
#include <memory>

namespace otelconsole {

/// Puts a connection's TLS settings and credentials on each request: CA and client certificate, bearer
/// token (re-reading tokenFile), basic auth, exec plugin credentials, impersonation headers.
class RequestAuthenticator {
public:
    RequestAuthenticator(ClusterConnection connection, std::chrono::milliseconds execTimeout);
    ~RequestAuthenticator();

    /// Returns the request with TLS configuration and auth headers set; runs the exec plugin when its cached
    /// credential is missing or expired.
    QCoro::Task<Result<QNetworkRequest>> prepare(QNetworkRequest request);

    /// Whether a 401 may go away with fresh credentials (exec plugins); drops the cached ones if so.
    bool refreshAfterRejection();

    [[nodiscard]] const ClusterConnection &connection() const { return m_connection; }
    [[nodiscard]] ExecCredentialProvider *execProvider() const { return m_exec.get(); }

private:
    [[nodiscard]] QSslConfiguration sslConfiguration(const ExecCredential *credential) const;
    [[nodiscard]] Result<QByteArray> authorizationHeader(const ExecCredential *credential) const;

    ClusterConnection m_connection;
    std::unique_ptr<ExecCredentialProvider> m_exec;
};

} // namespace otelconsole
