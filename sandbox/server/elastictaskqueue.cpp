// SPDX-License-Identifier: Apache-2.0
#include "server/elastictaskqueue.h"

namespace otelconsole::sandbox {

ElasticTaskQueue::ElasticTaskQueue(std::size_t maxThreads)
    : m_maxThreads(maxThreads) {}

ElasticTaskQueue::~ElasticTaskQueue() {
    shutdown();
}

void ElasticTaskQueue::enqueue(std::function<void()> task) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
        // Idle workers already waiting will take it; start one only when every worker is busy.
        if (m_idle < m_tasks.size() && m_threads.size() < m_maxThreads) {
            m_threads.emplace_back([this] { work(); });
        }
    }
    m_wake.notify_one();
}

void ElasticTaskQueue::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        m_shuttingDown = true;
        threads.swap(m_threads);
    }
    m_wake.notify_all();
    for (auto &thread : threads) {
        thread.join();
    }
}

void ElasticTaskQueue::work() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            ++m_idle;
            m_wake.wait(lock, [this] { return m_shuttingDown || !m_tasks.empty(); });
            --m_idle;
            if (m_tasks.empty()) {
                return;
            }
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
}

} // namespace otelconsole::sandbox
