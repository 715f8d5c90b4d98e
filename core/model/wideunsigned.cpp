// SPDX-License-Identifier: Apache-2.0
#include "model/wideunsigned.h"

namespace otelconsole {

namespace {
constexpr int bitsPerLimb = 32;
constexpr int limbsIn128 = 128 / bitsPerLimb;
} // namespace

bool WideUnsigned::multiplyAdd(std::uint32_t factor, std::uint32_t addend) {
    std::uint64_t carry = addend;
    for (auto &limb : m_limbs) {
        const std::uint64_t product = std::uint64_t{limb} * factor + carry;
        limb = static_cast<std::uint32_t>(product);
        carry = product >> bitsPerLimb;
    }
    return carry == 0;
}

std::uint32_t WideUnsigned::divide(std::uint32_t divisor) {
    std::uint64_t remainder = 0;
    for (auto limb = m_limbs.rbegin(); limb != m_limbs.rend(); ++limb) {
        const std::uint64_t current = (remainder << bitsPerLimb) | *limb;
        *limb = static_cast<std::uint32_t>(current / divisor);
        remainder = current % divisor;
    }
    return static_cast<std::uint32_t>(remainder);
}

bool WideUnsigned::isZero() const {
    for (const auto limb : m_limbs) {
        if (limb != 0)
            return false;
    }
    return true;
}

bool WideUnsigned::exceeds(unsigned __int128 limit) const {
    for (int i = limbsIn128; i < limbCount; ++i) {
        if (m_limbs[i] != 0)
            return true;
    }
    return low128() > limit;
}

unsigned __int128 WideUnsigned::low128() const {
    unsigned __int128 value = 0;
    for (int i = limbsIn128 - 1; i >= 0; --i)
        value = (value << bitsPerLimb) | m_limbs[i];
    return value;
}

} // namespace otelconsole
