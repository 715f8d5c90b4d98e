// SPDX-License-Identifier: Apache-2.0
#include "kube/kubewatch.h"

#include "common/logging.h"

#include <QNetworkReply>
#include <QTimer>

namespace otelconsole {

namespace {

/// A stream that ends sooner than this without delivering anything counts as a failed connection, so a
/// server that keeps closing at once is met with backoff instead of a tight loop.
constexpr qint64 minimumHealthyStreamMs = 1000;

/// The transfer timeout of a watch must outlast the server's own timeoutSeconds, or Qt would abort
/// healthy but quiet streams.
constexpr std::chrono::seconds streamTimeoutMargin{30};

std::optional<KubeWatch::EventType> eventType(const std::string &type) {
    if (type == "ADDED")
        return KubeWatch::EventType::Added;
    if (type == "MODIFIED")
        return KubeWatch::EventType::Modified;
    if (type == "DELETED")
        return KubeWatch::EventType::Deleted;
    return std::nullopt;
}

bool isWorthRetrying(const Error &error) {
    return error.kind == ErrorKind::Network || error.kind == ErrorKind::Timeout
           || error.kind == ErrorKind::Api;
}

} // namespace

KubeWatch::KubeWatch(KubeClient *client, std::string path, std::string resourceVersion, Selectors selectors,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(path))
    , m_resourceVersion(std::move(resourceVersion))
    , m_selectors(std::move(selectors))
    , m_reconnectTimer(new QTimer(this)) {
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_resourceVersion.empty())
            relist();
        else
            connectStream();
    });
    connect(client, &QObject::destroyed, this, [this] {
        giveUp(
            fail(ErrorKind::Cancelled, "the watch on " + m_path + " ended: the client was closed").error());
    });
}

KubeWatch::~KubeWatch() {
    dropReply();
}

void KubeWatch::start() {
    if (m_active)
        return;
    m_active = true;
    m_failures = 0;
    if (m_resourceVersion.empty())
        relist();
    else
        connectStream();
}

void KubeWatch::stop() {
    m_active = false;
    m_reconnectTimer->stop();
    dropReply();
}

QCoro::Task<> KubeWatch::connectStream() {
    if (!m_active || !m_client)
        co_return;
    dropReply();
    m_buffer.clear();
    m_sawEvent = false;

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("resourceVersion"), QString::fromStdString(m_resourceVersion));
    query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(m_serverTimeout.count()));
    if (!m_selectors.labelSelector.empty())
        query.addQueryItem(QStringLiteral("labelSelector"),
                           QString::fromStdString(m_selectors.labelSelector));
    if (!m_selectors.fieldSelector.empty())
        query.addQueryItem(QStringLiteral("fieldSelector"),
                           QString::fromStdString(m_selectors.fieldSelector));

    QPointer<KubeWatch> self(this);
    const auto timeout =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_serverTimeout + streamTimeoutMargin);
    Result<QNetworkReply *> reply = co_await m_client->openStream(m_path, query, timeout);
    if (reply && (!self || !m_active)) {
        (*reply)->abort();
        (*reply)->deleteLater();
        co_return;
    }
    if (!self || !m_active)
        co_return;
    if (!reply) {
        giveUp(reply.error());
        co_return;
    }
    m_reply = *reply;
    m_streamClock.start();
    connect(m_reply, &QNetworkReply::readyRead, this, &KubeWatch::readAvailable);
    connect(m_reply, &QNetworkReply::finished, this, &KubeWatch::streamFinished);
}

QCoro::Task<> KubeWatch::relist() {
    if (!m_active || !m_client || m_relisting)
        co_return;
    m_relisting = true;
    dropReply();

    QPointer<KubeWatch> self(this);
    Result<Json> list = co_await m_client->list(m_path, m_selectors, this);
    if (!self)
        co_return;
    m_relisting = false;
    if (!m_active)
        co_return;
    if (!list) {
        if (isWorthRetrying(list.error()))
            scheduleReconnect(list.error());
        else
            giveUp(list.error());
        co_return;
    }

    const Json &version = (*list)["metadata"]["resourceVersion"];
    m_resourceVersion = version.is_string() ? version.get<std::string>() : std::string();
    m_failures = 0;
    Q_EMIT relisted((*list)["items"], m_resourceVersion);
    if (m_active)
        connectStream();
}

void KubeWatch::readAvailable() {
    if (!m_reply)
        return;
    m_buffer += m_reply->readAll();
    // Only a 200 carries events; any other status carries a Status object, read when the reply finishes.
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return;

    qsizetype newline = m_buffer.indexOf('\n');
    while (newline >= 0 && m_reply) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (!line.isEmpty())
            handleLine(line);
        newline = m_buffer.indexOf('\n');
    }
}

void KubeWatch::handleLine(const QByteArray &line) {
    const Json message = Json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (message.is_discarded() || !message.is_object() || !message.contains("type")
        || !message["type"].is_string() || !message.contains("object") || !message["object"].is_object()) {
        qCWarning(lcKube) << "watch on" << m_path.c_str()
                          << "received a line that is not a watch event; reconnecting";
        dropReply();
        scheduleReconnect(
            fail(ErrorKind::Api, "the watch on " + m_path + " delivered malformed events").error());
        return;
    }

    const std::string type = message["type"].get<std::string>();
    const Json &object = message["object"];
    if (type == "ERROR") {
        handleErrorEvent(object);
        return;
    }
    const Json metadata = object.value("metadata", Json::object());
    if (metadata.is_object() && metadata.contains("resourceVersion")
        && metadata["resourceVersion"].is_string())
        m_resourceVersion = metadata["resourceVersion"].get<std::string>();
    m_sawEvent = true;
    m_failures = 0;

    if (type == "BOOKMARK")
        Q_EMIT bookmark(m_resourceVersion);
    else if (const auto known = eventType(type))
        Q_EMIT event(*known, object);
    else
        qCWarning(lcKube) << "watch on" << m_path.c_str() << "ignored an event of unknown type"
                          << type.c_str();
}

void KubeWatch::handleErrorEvent(const Json &status) {
    const Json code = status.value("code", Json());
    dropReply();
    if (code.is_number_integer() && code.get<int>() == 410) {
        m_resourceVersion.clear();
        Q_EMIT expired();
        relist();
        return;
    }
    const std::string message = status.value("message", Json()).is_string()
                                    ? status["message"].get<std::string>()
                                    : std::string("no message");
    scheduleReconnect(
        fail(ErrorKind::Api, "the watch on " + m_path + " reported an error: " + message).error());
}

void KubeWatch::streamFinished() {
    auto *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply || reply != m_reply || !m_client)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = m_buffer + reply->readAll();
    const Error error = m_client->errorForReply(reply, body, true);
    const bool networkFailure = reply->error() != QNetworkReply::NoError;
    const bool healthy = m_sawEvent || m_streamClock.elapsed() >= minimumHealthyStreamMs;
    dropReply();

    if (status == 200 && !networkFailure && healthy) {
        // The server ends every watch after timeoutSeconds: carry on from where the stream stopped.
        m_failures = 0;
        m_reconnectTimer->start(0);
    } else if (status == 200 || status == 0 || RetryPolicy::isRetryableStatus(status)) {
        scheduleReconnect(
            status == 200 && !networkFailure
                ? fail(ErrorKind::Api, "the server keeps ending the watch on " + m_path + " immediately")
                      .error()
                : error);
    } else if (status == 410) {
        m_resourceVersion.clear();
        Q_EMIT expired();
        relist();
    } else if (status == 401 && !m_refreshedCredentials && m_client->refreshCredentials()) {
        m_refreshedCredentials = true;
        m_reconnectTimer->start(0);
    } else {
        giveUp(error);
    }
}

void KubeWatch::scheduleReconnect(const Error &error) {
    if (!m_active)
        return;
    ++m_failures;
    if (m_failures > m_maxFailures || !m_client) {
        giveUp(error);
        return;
    }
    const auto delay = m_client->options().retry.delayBefore(m_failures, std::nullopt);
    qCDebug(lcKube) << "watch on" << m_path.c_str() << "reconnects in" << delay.count()
                    << "ms:" << error.message.c_str();
    m_reconnectTimer->start(delay);
}

void KubeWatch::giveUp(const Error &error) {
    if (!m_active)
        return;
    stop();
    qCWarning(lcKube) << "watch on" << m_path.c_str() << "stopped:" << error.message.c_str();
    Q_EMIT failed(error);
}

void KubeWatch::dropReply() {
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

} // namespace otelconsole
