// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "deploy/objectreference.h"
#include "deploy/rolloutcheck.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace otelconsole {

class KubeClient;
class KubeWatch;

/// Waits for a workload's rollout the way `kubectl rollout status` does, but from a watch instead of
/// polling: every version of the object the watch delivers is judged with RolloutCheck. When the watch's
/// resourceVersion expires (410) it lists again and judges the fresh state.
class RolloutWatcher : public QObject {
    Q_OBJECT

public:
    using Progress = std::function<void(const RolloutStatus &)>;

    RolloutWatcher(KubeClient *client, ObjectReference workload, QObject *parent = nullptr);
    ~RolloutWatcher() override;

    /// The finished rollout, or ErrorKind::Timeout with the last known state once `timeout` passes,
    /// ErrorKind::Api when it failed (progress deadline exceeded), ErrorKind::Cancelled when `scope` goes.
    QCoro::Task<Result<RolloutStatus>> wait(std::chrono::milliseconds timeout, QObject *scope,
                                            const Progress &progress);

Q_SIGNALS:
    void settled();

private:
    void judge(const Json &workload);
    void settle(Result<RolloutStatus> result);

    QPointer<KubeClient> m_client;
    ObjectReference m_workload;
    std::unique_ptr<KubeWatch> m_watch;
    Progress m_progress;
    RolloutStatus m_last{RolloutState::Waiting, "Waiting for the workload to be observed..."};
    std::optional<Result<RolloutStatus>> m_result;
};

} // namespace otelconsole
