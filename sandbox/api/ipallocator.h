// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>

namespace otelconsole::sandbox {

/// Hands out Service cluster IPs from 10.96.0.0/12 the way the API server's allocator does: a
/// requested address if it is free, otherwise a random free one. Thread-safe.
class IpAllocator {
public:
    IpAllocator();

    /// A free address, now reserved.
    std::optional<std::string> allocate();

    /// A free address without reserving it, for dry runs.
    [[nodiscard]] std::optional<std::string> peek() const;

    /// Reserves `address`; fails when it is taken or outside the range.
    bool reserve(const std::string &address);

    void release(const std::string &address);

    [[nodiscard]] bool inRange(const std::string &address) const;

    static const char *range() { return "10.96.0.0/12"; }

private:
    static std::optional<std::uint32_t> parse(const std::string &address);
    static std::string format(std::uint32_t address);
    [[nodiscard]] std::optional<std::uint32_t> findFree() const;

    mutable std::mutex m_mutex;
    std::set<std::uint32_t> m_used;
    mutable std::mt19937 m_random;
};

} // namespace otelconsole::sandbox
