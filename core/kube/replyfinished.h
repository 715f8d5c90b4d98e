// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkReply>
#include <QObject>
#include <QPointer>

#include <coroutine>
#include <memory>

namespace otelconsole {

/// `co_await ReplyFinished(reply)` resumes once the reply has finished, or once it has been destroyed
/// (for instance together with its access manager) without finishing. Unlike awaiting the reply directly,
/// the coroutine is never left suspended forever, and it always resumes from the event loop, never from
/// inside the code that finished or deleted the reply. Check the reply (a QPointer) after resuming.
class ReplyFinished {
public:
    explicit ReplyFinished(QNetworkReply *reply)
        : m_reply(reply) {}

    bool await_ready() const noexcept { return !m_reply || m_reply->isFinished(); }

    void await_suspend(std::coroutine_handle<> awaiting) {
        // The waker receives the queued signals; it deletes itself once the coroutine has resumed.
        auto *waker = new QObject;
        auto fired = std::make_shared<bool>(false);
        auto resume = [waker, fired, awaiting]() {
            if (*fired)
                return;
            *fired = true;
            waker->deleteLater();
            awaiting.resume();
        };
        QObject::connect(m_reply, &QNetworkReply::finished, waker, resume, Qt::QueuedConnection);
        QObject::connect(m_reply, &QObject::destroyed, waker, resume, Qt::QueuedConnection);
    }

    void await_resume() const noexcept {}

private:
    QPointer<QNetworkReply> m_reply;
};

} // namespace otelconsole
