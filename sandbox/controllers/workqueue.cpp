// SPDX-License-Identifier: Apache-2.0
#include "controllers/workqueue.h"

namespace otelconsole::sandbox {

using SteadyClock = std::chrono::steady_clock;

WorkQueue::WorkQueue()
    : m_thread([this] { run(); }) {}

WorkQueue::~WorkQueue() {
    stop();
}

void WorkQueue::post(std::function<void()> task) {
    postAfter(std::chrono::milliseconds(0), std::move(task));
}

void WorkQueue::postAfter(std::chrono::milliseconds delay, std::function<void()> task) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return;
        }
        m_tasks.emplace(SteadyClock::now() + delay, std::move(task));
    }
    m_wake.notify_one();
}

void WorkQueue::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_tasks.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool WorkQueue::waitIdle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, timeout, [this] {
        return m_stopping || (!m_running && (m_tasks.empty() || m_tasks.begin()->first > SteadyClock::now()));
    });
}

void WorkQueue::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_tasks.empty()) {
            m_idle.notify_all();
            m_wake.wait(lock);
            continue;
        }
        const auto due = m_tasks.begin()->first;
        if (due > SteadyClock::now()) {
            m_idle.notify_all();
            m_wake.wait_until(lock, due);
            continue;
        }
        auto task = std::move(m_tasks.begin()->second);
        m_tasks.erase(m_tasks.begin());
        m_running = true;
        lock.unlock();
        task();
        lock.lock();
        m_running = false;
    }
    m_idle.notify_all();
}

} // namespace otelconsole::sandbox
