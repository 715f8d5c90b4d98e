// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "kube/kubeclient.h"

#include <QByteArray>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <string>

class QTimer;

namespace otelconsole {

/// A watch on one collection that keeps itself alive: it reconnects from the last seen resourceVersion
/// when the server ends the stream or the connection drops, and when that version has expired (410) it
/// lists again, reports the fresh state through relisted() and watches on from there.
class KubeWatch : public QObject {
    Q_OBJECT

public:
    enum class EventType { Added, Modified, Deleted };
    Q_ENUM(EventType)

    /// Created by KubeClient::watch(); `resourceVersion` empty means list first.
    KubeWatch(KubeClient *client, std::string path, std::string resourceVersion, Selectors selectors,
              QObject *parent = nullptr);
    ~KubeWatch() override;

    /// How long the server keeps one stream open before ending it (`timeoutSeconds`); default 300 s.
    void setServerTimeout(std::chrono::seconds timeout) { m_serverTimeout = timeout; }

    /// Consecutive failed connections tolerated before giving up with failed(); default 8.
    void setMaxConsecutiveFailures(int failures) { m_maxFailures = failures; }

    void start();

    /// Closes the stream; no signal is emitted afterwards.
    void stop();

    [[nodiscard]] const std::string &resourceVersion() const { return m_resourceVersion; }
    [[nodiscard]] bool isActive() const { return m_active; }

Q_SIGNALS:
    void event(otelconsole::KubeWatch::EventType type, const otelconsole::Json &object);
    void bookmark(const std::string &resourceVersion);
    /// The resourceVersion was too old (410); a re-list follows.
    void expired();
    /// The complete current state after a (re-)list; watching continues from `resourceVersion`.
    void relisted(const otelconsole::Json &items, const std::string &resourceVersion);
    /// The watch gave up (e.g. 403, 404, or too many failed reconnects) and is no longer active.
    void failed(const otelconsole::Error &error);

private:
    QCoro::Task<> connectStream();
    QCoro::Task<> relist();
    void readAvailable();
    void streamFinished();
    void handleLine(const QByteArray &line);
    void handleErrorEvent(const Json &status);
    void scheduleReconnect(const Error &error);
    void giveUp(const Error &error);
    void dropReply();

    QPointer<KubeClient> m_client;
    std::string m_path;
    std::string m_resourceVersion;
    Selectors m_selectors;
    std::chrono::seconds m_serverTimeout{300};
    int m_maxFailures = 8;
    int m_failures = 0;
    bool m_active = false;
    bool m_sawEvent = false;
    bool m_relisting = false;
    bool m_refreshedCredentials = false;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_streamClock;
    QByteArray m_buffer;
    QTimer *m_reconnectTimer = nullptr;
};

} // namespace otelconsole

Q_DECLARE_METATYPE(otelconsole::Json)
Q_DECLARE_METATYPE(otelconsole::Error)
