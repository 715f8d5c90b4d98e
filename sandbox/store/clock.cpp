// SPDX-License-Identifier: Apache-2.0
#include "store/clock.h"

#include <ctime>

namespace otelconsole::sandbox {

Clock::Clock()
    : m_base(std::chrono::system_clock::now())
    , m_steadyBase(std::chrono::steady_clock::now()) {}

Clock::TimePoint Clock::now() const {
    std::lock_guard lock(m_mutex);
    return nowLocked();
}

Clock::TimePoint Clock::nowLocked() const {
    // Steady time drives the clock so that a wall-clock step on the host does not make history
    // expire or timestamps go backwards.
    const auto elapsed = std::chrono::steady_clock::now() - m_steadyBase;
    const auto scaled = std::chrono::duration_cast<std::chrono::system_clock::duration>(elapsed * m_speed);
    return m_base + scaled;
}

void Clock::advance(std::chrono::milliseconds step) {
    std::lock_guard lock(m_mutex);
    m_base += step;
}

void Clock::setSpeed(double factor) {
    std::lock_guard lock(m_mutex);
    m_base = nowLocked();
    m_steadyBase = std::chrono::steady_clock::now();
    m_speed = factor > 0 ? factor : 1.0;
}

std::string Clock::toRfc3339(TimePoint time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

std::string Clock::nowRfc3339() const {
    return toRfc3339(now());
}

} // namespace otelconsole::sandbox
