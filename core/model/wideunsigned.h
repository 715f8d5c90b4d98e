// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>

namespace otelconsole {

/// A fixed-width unsigned integer of 384 bits: wide enough to hold every digit of any quantity the
/// parser accepts, so that scaling by suffixes and exponents stays exact before the final range check.
class WideUnsigned {
public:
    /// this = this * factor + addend; false (and the value undefined) when the result does not fit.
    [[nodiscard]] bool multiplyAdd(std::uint32_t factor, std::uint32_t addend);
    /// this = this / divisor; returns the remainder.
    std::uint32_t divide(std::uint32_t divisor);

    [[nodiscard]] bool isZero() const;
    [[nodiscard]] bool exceeds(unsigned __int128 limit) const;
    /// The value, truncated to its low 128 bits; callers check exceeds() first.
    [[nodiscard]] unsigned __int128 low128() const;

private:
    static constexpr int limbCount = 12;
    std::array<std::uint32_t, limbCount> m_limbs{}; ///< least significant first
};

} // namespace otelconsole
