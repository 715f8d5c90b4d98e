// SPDX-License-Identifier: Apache-2.0
#include "kube/requestauthenticator.h"

#include "kube/tlscredentials.h"

#include <QSslConfiguration>

namespace otelconsole {

RequestAuthenticator::RequestAuthenticator(ClusterConnection connection,
                                           std::chrono::milliseconds execTimeout)
    : m_connection(std::move(connection)) {
    if (m_connection.exec) {
        m_exec = std::make_unique<ExecCredentialProvider>(*m_connection.exec, m_connection.userName,
                                                          m_connection.execClusterInfo);
        m_exec->setTimeout(execTimeout);
    }
}

RequestAuthenticator::~RequestAuthenticator() = default;

QCoro::Task<Result<QNetworkRequest>> RequestAuthenticator::prepare(QNetworkRequest request) {
    std::optional<ExecCredential> credential;
    if (m_exec) {
        Result<ExecCredential> fresh = co_await m_exec->credential();
        if (!fresh)
            co_return std::unexpected(fresh.error());
        credential = std::move(*fresh);
    }
    const ExecCredential *execCredential = credential ? &*credential : nullptr;

    request.setSslConfiguration(sslConfiguration(execCredential));
    if (!m_connection.tlsServerName.isEmpty())
        request.setPeerVerifyName(m_connection.tlsServerName);

    Result<QByteArray> authorization = authorizationHeader(execCredential);
    if (!authorization)
        co_return std::unexpected(authorization.error());
    if (!authorization->isEmpty())
        request.setRawHeader("Authorization", *authorization);
    if (!m_connection.impersonate.empty())
        request.setRawHeader("Impersonate-User", QByteArray::fromStdString(m_connection.impersonate));
    if (!m_connection.impersonateUid.empty())
        request.setRawHeader("Impersonate-Uid", QByteArray::fromStdString(m_connection.impersonateUid));
    if (!m_connection.impersonateGroups.empty())
        request.setRawHeader("Impersonate-Group",
                             QByteArray::fromStdString(m_connection.impersonateGroups.front()));
    co_return request;
}

bool RequestAuthenticator::refreshAfterRejection() {
    if (!m_exec)
        return false;
    m_exec->invalidate();
    return true;
}

QSslConfiguration RequestAuthenticator::sslConfiguration(const ExecCredential *credential) const {
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_connection.caCertificates.isEmpty())
        ssl.setCaCertificates(m_connection.caCertificates);
    if (m_connection.insecureSkipTlsVerify)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);

    const bool execCertificate = credential && !credential->clientCertificateChain.isEmpty();
    const QList<QSslCertificate> &chain =
        execCertificate ? credential->clientCertificateChain : m_connection.clientCertificateChain;
    if (!chain.isEmpty()) {
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(execCertificate ? credential->clientKey : m_connection.clientKey);
    }
    return ssl;
}

Result<QByteArray> RequestAuthenticator::authorizationHeader(const ExecCredential *credential) const {
    if (credential && !credential->token.empty())
        return "Bearer " + QByteArray::fromStdString(credential->token);
    if (!m_connection.tokenFile.empty()) {
        // Re-read on every request: projected service-account tokens are rotated in place.
        auto token =
            readCredentialFile(m_connection.tokenFile, "tokenFile of " + m_connection.describeUser());
        if (!token)
            return std::unexpected(token.error());
        const QByteArray trimmed = token->trimmed();
        if (!trimmed.isEmpty())
            return "Bearer " + trimmed;
    }
    if (!m_connection.token.empty())
        return "Bearer " + QByteArray::fromStdString(m_connection.token);
    if (!m_connection.username.empty() || !m_connection.password.empty()) {
        const std::string pair = m_connection.username + ":" + m_connection.password;
        return "Basic " + QByteArray::fromStdString(pair).toBase64();
    }
    return QByteArray();
}

} // namespace otelconsole
