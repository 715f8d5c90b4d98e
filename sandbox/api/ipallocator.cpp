// SPDX-License-Identifier: Apache-2.0
#include "api/ipallocator.h"

#include <arpa/inet.h>

namespace otelconsole::sandbox {

namespace {

constexpr std::uint32_t kBase = (10u << 24) | (96u << 16);
constexpr std::uint32_t kSize = 1u << 20;

} // namespace

IpAllocator::IpAllocator()
    : m_random(std::random_device{}()) {}

std::optional<std::uint32_t> IpAllocator::parse(const std::string &address) {
    in_addr parsed{};
    if (inet_pton(AF_INET, address.c_str(), &parsed) != 1) {
        return std::nullopt;
    }
    return ntohl(parsed.s_addr);
}

std::string IpAllocator::format(std::uint32_t address) {
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "."
           + std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff);
}

bool IpAllocator::inRange(const std::string &address) const {
    const auto parsed = parse(address);
    // The network and broadcast addresses are never handed out.
    return parsed && *parsed > kBase && *parsed < kBase + kSize - 1;
}

std::optional<std::uint32_t> IpAllocator::findFree() const {
    const std::uint32_t start = std::uniform_int_distribution<std::uint32_t>(1, kSize - 2)(m_random);
    for (std::uint32_t step = 0; step < kSize - 2; ++step) {
        const std::uint32_t candidate = kBase + 1 + (start - 1 + step) % (kSize - 2);
        if (!m_used.contains(candidate)) {
            return candidate;
        }
    }
    return std::nullopt;
}

std::optional<std::string> IpAllocator::allocate() {
    std::lock_guard lock(m_mutex);
    const auto free = findFree();
    if (!free) {
        return std::nullopt;
    }
    m_used.insert(*free);
    return format(*free);
}

std::optional<std::string> IpAllocator::peek() const {
    std::lock_guard lock(m_mutex);
    const auto free = findFree();
    return free ? std::optional<std::string>(format(*free)) : std::nullopt;
}

bool IpAllocator::reserve(const std::string &address) {
    if (!inRange(address)) {
        return false;
    }
    std::lock_guard lock(m_mutex);
    return m_used.insert(*parse(address)).second;
}

void IpAllocator::release(const std::string &address) {
    if (const auto parsed = parse(address)) {
        std::lock_guard lock(m_mutex);
        m_used.erase(*parsed);
    }
}

} // namespace otelconsole::sandbox
