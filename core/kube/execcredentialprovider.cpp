// SPDX-License-Identifier: Apache-2.0
#include "kube/execcredentialprovider.h"

#include "common/logging.h"
#include "kube/tlscredentials.h"

#include <QCoroSignal>
#include <QProcess>
#include <QProcessEnvironment>

namespace otelconsole {

namespace {

constexpr int maxStderrInMessage = 300;

std::string stderrExcerpt(const QByteArray &stderrOutput) {
    const QByteArray text = stderrOutput.trimmed();
    if (text.isEmpty())
        return {};
    return ": " + text.left(maxStderrInMessage).toStdString();
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(ExecConfig exec, std::string userName, Json clusterInfo,
                                               QObject *parent)
    : QObject(parent)
    , m_exec(std::move(exec))
    , m_userName(std::move(userName))
    , m_clusterInfo(std::move(clusterInfo)) {}

QCoro::Task<Result<ExecCredential>> ExecCredentialProvider::credential() {
    if (m_cached && !m_cached->isExpired(QDateTime::currentDateTimeUtc()))
        co_return *m_cached;

    if (m_running) {
        co_await qCoro(this, &ExecCredentialProvider::runFinished);
        co_return m_lastRun.value_or(fail(ErrorKind::Auth, describe() + " did not produce a credential"));
    }

    m_running = true;
    Result<ExecCredential> result = co_await run();
    m_running = false;
    if (result)
        m_cached = *result;
    m_lastRun = result;
    Q_EMIT runFinished();
    co_return result;
}

QCoro::Task<Result<ExecCredential>> ExecCredentialProvider::run() {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : m_exec.env)
        environment.insert(QString::fromStdString(name), QString::fromStdString(value));
    environment.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo()));
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    QStringList arguments;
    for (const std::string &argument : m_exec.args)
        arguments.append(QString::fromStdString(argument));

    connect(&process, &QProcess::finished, this, &ExecCredentialProvider::processEnded);
    connect(&process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT processEnded();
    });
    ++m_runCount;
    qCDebug(lcKube) << "running exec credential plugin" << m_exec.command.c_str();
    // QProcess::start with a program and an argument list executes the program directly, never via a shell.
    process.start(QString::fromStdString(m_exec.command), arguments);

    bool ended = process.state() == QProcess::NotRunning;
    if (!ended)
        ended = (co_await qCoro(this, &ExecCredentialProvider::processEnded, m_timeout)).has_value();
    if (!ended) {
        process.kill();
        const QString seconds = QString::number(static_cast<double>(m_timeout.count()) / 1000.0);
        co_return fail(ErrorKind::Timeout,
                       describe() + " did not finish within " + seconds.toStdString() + " s");
    }
    if (process.error() == QProcess::FailedToStart) {
        const std::string hint = m_exec.installHint.empty() ? std::string() : "\n" + m_exec.installHint;
        co_return fail(ErrorKind::Auth,
                       describe() + " could not be started (is it installed and on PATH?)" + hint);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        co_return fail(ErrorKind::Auth, describe() + " failed with exit code "
                                            + std::to_string(process.exitCode())
                                            + stderrExcerpt(process.readAllStandardError()));
    co_return parseOutput(process.readAllStandardOutput());
}

Result<ExecCredential> ExecCredentialProvider::parseOutput(const QByteArray &output) const {
    try {
        const Json document = Json::parse(output.constData(), output.constData() + output.size());
        return readCredential(document);
    } catch (const Json::exception &) {
        return fail(ErrorKind::Auth,
                    describe() + " printed something that is not an ExecCredential JSON object");
    }
}

Result<ExecCredential> ExecCredentialProvider::readCredential(const Json &document) const {
    if (!document.is_object() || document.value("kind", "") != "ExecCredential")
        return fail(ErrorKind::Auth, describe() + " printed JSON that is not of kind ExecCredential");
    if (document.value("apiVersion", "") != m_exec.apiVersion)
        return fail(ErrorKind::Auth, describe() + " answered with apiVersion "
                                         + document.value("apiVersion", std::string("(none)"))
                                         + " instead of " + m_exec.apiVersion);
    const Json status = document.value("status", Json::object());

    ExecCredential credential;
    credential.token = status.value("token", "");
    const std::string certificate = status.value("clientCertificateData", "");
    const std::string key = status.value("clientKeyData", "");
    if (credential.token.empty() && (certificate.empty() || key.empty()))
        return fail(ErrorKind::Auth,
                    describe() + " returned neither a token nor a client certificate and key");
    if (!certificate.empty() && !key.empty()) {
        auto chain =
            loadCertificates(QByteArray::fromStdString(certificate), describe() + " clientCertificateData");
        auto privateKey = loadPrivateKey(QByteArray::fromStdString(key), describe() + " clientKeyData");
        if (!chain)
            return std::unexpected(chain.error());
        if (!privateKey)
            return std::unexpected(privateKey.error());
        credential.clientCertificateChain = *chain;
        credential.clientKey = *privateKey;
    }
    const std::string expiry = status.value("expirationTimestamp", "");
    if (!expiry.empty()) {
        const QDateTime parsed = QDateTime::fromString(QString::fromStdString(expiry), Qt::ISODate);
        if (!parsed.isValid())
            return fail(ErrorKind::Auth,
                        describe() + " returned an expirationTimestamp that is not RFC 3339: " + expiry);
        credential.expiry = parsed.toUTC();
    }
    return credential;
}

QByteArray ExecCredentialProvider::execInfo() const {
    Json spec = Json::object();
    spec["interactive"] = false;
    if (m_exec.provideClusterInfo)
        spec["cluster"] = m_clusterInfo;
    const Json info = {{"apiVersion", m_exec.apiVersion}, {"kind", "ExecCredential"}, {"spec", spec}};
    return QByteArray::fromStdString(info.dump());
}

std::string ExecCredentialProvider::describe() const {
    return "exec plugin \"" + m_exec.command + "\" of user \"" + m_userName + "\"";
}

} // namespace otelconsole
