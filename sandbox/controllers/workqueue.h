// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace otelconsole::sandbox {

/// One worker thread running queued tasks in order, some after a delay. Controllers queue work
/// from store notifications here, because those notifications must not write to the store.
class WorkQueue {
public:
    WorkQueue();
    ~WorkQueue();

    WorkQueue(const WorkQueue &) = delete;
    WorkQueue &operator=(const WorkQueue &) = delete;

    void post(std::function<void()> task);
    void postAfter(std::chrono::milliseconds delay, std::function<void()> task);

    /// Runs nothing more, drops what is still queued and joins the worker.
    void stop();

    /// Blocks until everything due so far has run, or `timeout` passes; for tests.
    bool waitIdle(std::chrono::milliseconds timeout);

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::multimap<std::chrono::steady_clock::time_point, std::function<void()>> m_tasks;
    bool m_running = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace otelconsole::sandbox
