// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace otelconsole::sandbox {

/// The HTTP server's connection workers. A watch or an idle keep-alive connection holds a worker
/// for its whole life, so a fixed pool of eight (httplib's default) would let a handful of watches
/// starve every other client. This queue starts another worker whenever none is idle, up to a cap.
class ElasticTaskQueue : public httplib::TaskQueue {
public:
    explicit ElasticTaskQueue(std::size_t maxThreads);
    ~ElasticTaskQueue() override;

    void enqueue(std::function<void()> task) override;
    void shutdown() override;

private:
    void work();

    std::size_t m_maxThreads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    std::vector<std::thread> m_threads;
    std::size_t m_idle = 0;
    bool m_shuttingDown = false;
};

} // namespace otelconsole::sandbox
