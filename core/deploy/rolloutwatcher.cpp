// SPDX-License-Identifier: Apache-2.0
#include "deploy/rolloutwatcher.h"

#include "common/logging.h"
#include "kube/kubeclient.h"
#include "kube/kubewatch.h"

#include <QCoroSignal>
#include <QTimer>

namespace otelconsole {

RolloutWatcher::RolloutWatcher(KubeClient *client, ObjectReference workload, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_workload(std::move(workload)) {}

RolloutWatcher::~RolloutWatcher() = default;

QCoro::Task<Result<RolloutStatus>> RolloutWatcher::wait(std::chrono::milliseconds timeout, QObject *scope,
                                                        const Progress &progress) {
    if (!m_client)
        co_return fail(ErrorKind::Cancelled, "the cluster connection was closed");
    m_progress = progress;
    m_result.reset();

    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, timeout] {
        settle(fail(ErrorKind::Timeout, m_workload.describe() + " did not finish its rollout within "
                                            + std::to_string(timeout.count() / 1000)
                                            + " s: " + m_last.message));
    });
    if (scope)
        connect(scope, &QObject::destroyed, this,
                [this] { settle(fail(ErrorKind::Cancelled, "waiting for the rollout was cancelled")); });

    // An empty resourceVersion makes the watch list first, so the current state is judged at once.
    m_watch =
        m_client->watch(m_workload.collectionPath(), {}, Selectors{{}, "metadata.name=" + m_workload.name});
    connect(m_watch.get(), &KubeWatch::relisted, this, [this](const Json &items, const std::string &) {
        if (items.is_array() && !items.empty())
            judge(items.front());
        else
            m_last = {RolloutState::Waiting, m_workload.describe() + " does not exist (yet)"};
    });
    connect(m_watch.get(), &KubeWatch::event, this, [this](KubeWatch::EventType type, const Json &object) {
        if (type == KubeWatch::EventType::Deleted)
            settle(fail(ErrorKind::NotFound, m_workload.describe() + " was deleted during its rollout"));
        else
            judge(object);
    });
    connect(m_watch.get(), &KubeWatch::failed, this,
            [this](const Error &error) { settle(std::unexpected(error)); });
    deadline->start(timeout);

    if (!m_result)
        co_await qCoro(this, &RolloutWatcher::settled);
    deadline->deleteLater();
    if (m_watch)
        m_watch->stop();
    co_return *m_result;
}

void RolloutWatcher::judge(const Json &workload) {
    m_last = RolloutCheck::evaluate(workload);
    qCDebug(lcDeploy) << m_workload.describe().c_str() << m_last.message.c_str();
    if (m_progress)
        m_progress(m_last);
    if (m_last.state == RolloutState::Done)
        settle(m_last);
    else if (m_last.state == RolloutState::Failed)
        settle(fail(ErrorKind::Api, m_workload.describe() + ": " + m_last.message));
}

void RolloutWatcher::settle(Result<RolloutStatus> result) {
    if (m_result)
        return;
    m_result = std::move(result);
    Q_EMIT settled();
}

} // namespace otelconsole
