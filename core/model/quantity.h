// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace otelconsole {

/// A Kubernetes resource.Quantity: `<signedNumber><suffix>` where the suffix is binary SI (Ki Mi Gi Ti Pi Ei),
/// decimal SI (n u m "" k M G T P E) or a decimal exponent (e3, E-2). Values are held exactly, in
/// units of 10^-9, and limited like the API server's to |value| <= 2^63-1.
class Quantity {
public:
    enum class Format { BinarySI, DecimalSI, DecimalExponent };

    Quantity() = default;

    /// Parses `text` with the API server's grammar; the error says what is wrong with it.
    [[nodiscard]] static Result<Quantity> parse(std::string_view text);
    [[nodiscard]] static Quantity fromMilli(std::int64_t milli, Format format = Format::DecimalSI);
    [[nodiscard]] static Quantity fromValue(std::int64_t value, Format format = Format::DecimalSI);

    /// Whole units, rounded up (bytes for memory, cores for CPU).
    [[nodiscard]] std::int64_t value() const;
    /// Thousandths of a unit, rounded up (millicores for CPU).
    [[nodiscard]] std::int64_t milliValue() const;
    [[nodiscard]] double toDouble() const;
    [[nodiscard]] Format format() const { return m_format; }
    [[nodiscard]] bool isZero() const { return m_nanos == 0; }

    /// The form the API server stores and returns: `1.5` → `1500m`, `1.5Gi` → `1536Mi`, `1000m` → `1`.
    [[nodiscard]] std::string canonical() const;

    std::strong_ordering operator<=>(const Quantity &other) const { return m_nanos <=> other.m_nanos; }
    bool operator==(const Quantity &other) const { return m_nanos == other.m_nanos; }

private:
    __int128 m_nanos = 0;
    Format m_format = Format::DecimalSI;
};

} // namespace otelconsole
