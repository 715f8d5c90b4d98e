// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "kube/coroutineresult.h"
#include "kube/kubeconfig.h"

#include <QCoroTask>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <chrono>
#include <optional>
#include <string>

namespace otelconsole {

/// What an exec credential plugin printed: a bearer token or a client certificate and key.
struct ExecCredential {
    std::string token; ///< secret: never log or show
    QList<QSslCertificate> clientCertificateChain;
    QSslKey clientKey;
    std::optional<QDateTime> expiry; ///< none: valid until the server rejects it

    [[nodiscard]] bool isExpired(const QDateTime &now) const { return expiry && now >= *expiry; }
};

/// Runs a kubeconfig exec plugin (without a shell, stdin closed, with a timeout) and caches its credential
/// until it expires or the API server rejects it.
class ExecCredentialProvider : public QObject {
    Q_OBJECT

public:
    /// `clusterInfo` is passed to the plugin in KUBERNETES_EXEC_INFO when it sets provideClusterInfo.
    ExecCredentialProvider(ExecConfig exec, std::string userName, Json clusterInfo,
                           QObject *parent = nullptr);

    /// Default 30 s; a plugin still running then is killed and the request fails.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// The cached credential while it is valid, otherwise the plugin's fresh answer. Concurrent callers
    /// share one run of the plugin.
    QCoro::Task<Result<ExecCredential>> credential();

    /// Forgets the cached credential, so the next call runs the plugin again (after a 401).
    void invalidate() { m_cached.reset(); }

    /// How many times the plugin has been started; lets callers and tests see the cache at work.
    [[nodiscard]] int runCount() const { return m_runCount; }

Q_SIGNALS:
    void runFinished();
    void processEnded();

private:
    QCoro::Task<Result<ExecCredential>> run();
    [[nodiscard]] Result<ExecCredential> parseOutput(const QByteArray &output) const;
    [[nodiscard]] Result<ExecCredential> readCredential(const Json &document) const;
    [[nodiscard]] QByteArray execInfo() const;
    [[nodiscard]] std::string describe() const;

    ExecConfig m_exec;
    std::string m_userName;
    Json m_clusterInfo;
    std::chrono::milliseconds m_timeout{30'000};
    std::optional<ExecCredential> m_cached;
    std::optional<Result<ExecCredential>> m_lastRun;
    bool m_running = false;
    int m_runCount = 0;
};

} // namespace otelconsole
