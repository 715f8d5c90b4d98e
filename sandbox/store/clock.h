// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace otelconsole::sandbox {

/// The sandbox's notion of "now". Timestamps, watch history expiry and (later) simulated controllers
/// read it, so tests can jump forward or let time run faster instead of sleeping.
class Clock {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    Clock();

    [[nodiscard]] TimePoint now() const;

    /// Moves the clock forward at once, e.g. past the watch history window.
    void advance(std::chrono::milliseconds step);

    /// Lets simulated time run `factor` times as fast as wall time from now on (1.0 = real time).
    void setSpeed(double factor);

    /// "2006-01-02T15:04:05Z", the form Kubernetes uses for metav1.Time.
    [[nodiscard]] static std::string toRfc3339(TimePoint time);

    /// now() formatted with toRfc3339().
    [[nodiscard]] std::string nowRfc3339() const;

private:
    [[nodiscard]] TimePoint nowLocked() const;

    mutable std::mutex m_mutex;
    TimePoint m_base;
    std::chrono::steady_clock::time_point m_steadyBase;
    double m_speed = 1.0;
};

} // namespace otelconsole::sandbox
