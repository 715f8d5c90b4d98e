// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace otelconsole::sandbox {

/// A Kubernetes resource.Quantity ("500m", "1Gi", "1e3") kept exactly, in nano units, together with
/// the suffix family it was written in, so it can be printed back in canonical form.
class Quantity {
public:
    enum class Format { DecimalSI, BinarySI, DecimalExponent };

    /// Parses the quantity grammar (REFERENCE §1.7); the error is the API server's explanation.
    static std::expected<Quantity, std::string> parse(std::string_view text);

    /// The canonical spelling the API server stores: no fraction, largest suffix of the same family.
    [[nodiscard]] std::string toString() const;

    /// -1, 0 or 1 as this quantity is smaller than, equal to or larger than `other`.
    [[nodiscard]] int compare(const Quantity &other) const;

    [[nodiscard]] Format format() const { return m_format; }
    [[nodiscard]] bool isZero() const { return m_nanos == 0; }

    /// The regular expression quantities must match, quoted in validation messages.
    static const char *grammar();

private:
    Quantity(__int128 nanos, Format format);

    [[nodiscard]] std::string binaryString(__int128 magnitude) const;
    [[nodiscard]] std::string decimalString(__int128 magnitude) const;

    __int128 m_nanos = 0;
    Format m_format = Format::DecimalSI;
};

} // namespace otelconsole::sandbox
