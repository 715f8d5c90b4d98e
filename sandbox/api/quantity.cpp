// SPDX-License-Identifier: Apache-2.0
#include "api/quantity.h"

#include <array>
#include <cctype>
#include <charconv>
#include <optional>

namespace otelconsole::sandbox {

namespace {

using Int = __int128;

constexpr Int kNanosPerUnit = 1'000'000'000;
// Beyond this the nano representation could overflow; real clusters never hold such quantities.
constexpr Int kLimit =
    static_cast<Int>(1'000'000'000'000'000'000ULL) * static_cast<Int>(100'000'000'000'000'000ULL);

struct Suffix {
    Quantity::Format format = Quantity::Format::DecimalSI;
    int base = 10;
    int exponent = 0;
};

std::optional<Suffix> interpretSuffix(std::string_view suffix) {
    static const std::array<std::pair<std::string_view, int>, 10> decimal{{{"n", -9},
                                                                           {"u", -6},
                                                                           {"m", -3},
                                                                           {"", 0},
                                                                           {"k", 3},
                                                                           {"M", 6},
                                                                           {"G", 9},
                                                                           {"T", 12},
                                                                           {"P", 15},
                                                                           {"E", 18}}};
    static const std::array<std::pair<std::string_view, int>, 6> binary{
        {{"Ki", 10}, {"Mi", 20}, {"Gi", 30}, {"Ti", 40}, {"Pi", 50}, {"Ei", 60}}};
    for (const auto &[text, exponent] : decimal) {
        if (suffix == text) {
            return Suffix{Quantity::Format::DecimalSI, 10, exponent};
        }
    }
    for (const auto &[text, exponent] : binary) {
        if (suffix == text) {
            return Suffix{Quantity::Format::BinarySI, 2, exponent};
        }
    }
    if (suffix.size() > 1 && (suffix[0] == 'e' || suffix[0] == 'E')) {
        std::string_view digits = suffix.substr(1);
        if (digits.front() == '+') {
            digits.remove_prefix(1);
        }
        int exponent = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
        if (error == std::errc() && end == digits.data() + digits.size() && exponent > -40 && exponent < 40) {
            return Suffix{Quantity::Format::DecimalExponent, 10, exponent};
        }
    }
    return std::nullopt;
}

std::optional<Int> power(Int base, int exponent) {
    Int result = 1;
    for (int i = 0; i < exponent; ++i) {
        if (result > kLimit / base) {
            return std::nullopt;
        }
        result *= base;
    }
    return result;
}

// digits × multiplier ÷ divisor, rounded up as the API server rounds sub-nano precision.
std::optional<Int> scale(Int digits, Int multiplier, Int divisor) {
    if (multiplier != 0 && digits > kLimit / multiplier) {
        return std::nullopt;
    }
    const Int product = digits * multiplier;
    return product / divisor + (product % divisor != 0 ? 1 : 0);
}

std::string toDecimal(Int value) {
    if (value == 0) {
        return "0";
    }
    std::string text;
    while (value > 0) {
        text.insert(text.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
        value /= 10;
    }
    return text;
}

std::optional<Int> nanosOf(std::string_view whole, std::string_view fraction, const Suffix &suffix) {
    std::string digits = std::string(whole) + std::string(fraction);
    digits.erase(0, digits.find_first_not_of('0'));
    if (digits.size() > 36) {
        return std::nullopt;
    }
    Int value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
    }
    const int fractionDigits = static_cast<int>(fraction.size());
    if (suffix.base == 2) {
        const auto binary = power(2, suffix.exponent);
        const int shift = 9 - fractionDigits;
        const auto decimal = power(10, shift >= 0 ? shift : 0);
        const auto divisor = power(10, shift < 0 ? -shift : 0);
        if (!binary || !decimal || !divisor) {
            return std::nullopt;
        }
        const auto scaled = scale(value, *binary, 1);
        return scaled ? scale(*scaled, *decimal, *divisor) : std::nullopt;
    }
    const int exponent = suffix.exponent + 9 - fractionDigits;
    if (exponent >= 0) {
        const auto multiplier = power(10, exponent);
        return multiplier ? scale(value, *multiplier, 1) : std::nullopt;
    }
    const auto divisor = power(10, -exponent);
    if (!divisor) {
        return value > 0 ? std::optional<Int>(1) : std::optional<Int>(0);
    }
    return scale(value, 1, *divisor);
}

} // namespace

Quantity::Quantity(__int128 nanos, Format format)
    : m_nanos(nanos)
    , m_format(format) {}

const char *Quantity::grammar() {
    return "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
}

std::expected<Quantity, std::string> Quantity::parse(std::string_view text) {
    const std::string wrongFormat =
        std::string("quantities must match the regular expression '") + grammar() + "'";
    std::size_t position = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        ++position;
    }
    const std::size_t wholeStart = position;
    while (position < text.size() && std::isdigit(static_cast<unsigned char>(text[position]))) {
        ++position;
    }
    const std::string_view whole = text.substr(wholeStart, position - wholeStart);
    std::string_view fraction;
    if (position < text.size() && text[position] == '.') {
        const std::size_t fractionStart = ++position;
        while (position < text.size() && std::isdigit(static_cast<unsigned char>(text[position]))) {
            ++position;
        }
        fraction = text.substr(fractionStart, position - fractionStart);
    }
    if (whole.empty() && fraction.empty()) {
        return std::unexpected(wrongFormat);
    }

    const auto suffix = interpretSuffix(text.substr(position));
    if (!suffix) {
        return std::unexpected(wrongFormat);
    }
    const auto nanos = nanosOf(whole, fraction, *suffix);
    if (!nanos) {
        return std::unexpected("quantity is too large");
    }

    Format format = suffix->format;
    if (format == Format::BinarySI && *nanos < kNanosPerUnit) {
        format = Format::DecimalSI;
    }
    return Quantity(negative ? -*nanos : *nanos, format);
}

std::string Quantity::toString() const {
    if (m_nanos == 0) {
        return "0";
    }
    const Int magnitude = m_nanos < 0 ? -m_nanos : m_nanos;
    const std::string sign = m_nanos < 0 ? "-" : "";
    const bool binary =
        m_format == Format::BinarySI && magnitude >= 1024 * kNanosPerUnit && magnitude % kNanosPerUnit == 0;
    return sign + (binary ? binaryString(magnitude) : decimalString(magnitude));
}

std::string Quantity::binaryString(__int128 magnitude) const {
    static const std::array<const char *, 7> suffixes{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    Int units = magnitude / kNanosPerUnit;
    std::size_t index = 0;
    while (index + 1 < suffixes.size() && units % 1024 == 0) {
        units /= 1024;
        ++index;
    }
    return toDecimal(units) + suffixes[index];
}

std::string Quantity::decimalString(__int128 magnitude) const {
    Int mantissa = magnitude;
    int exponent = -9;
    const bool exponentForm = m_format == Format::DecimalExponent;
    while (mantissa % 1000 == 0 && (exponentForm || exponent < 18)) {
        mantissa /= 1000;
        exponent += 3;
    }
    if (exponentForm) {
        return toDecimal(mantissa) + (exponent == 0 ? std::string() : "e" + std::to_string(exponent));
    }
    static const std::array<const char *, 10> suffixes{"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    return toDecimal(mantissa) + suffixes[static_cast<std::size_t>((exponent + 9) / 3)];
}

int Quantity::compare(const Quantity &other) const {
    return m_nanos < other.m_nanos ? -1 : (m_nanos > other.m_nanos ? 1 : 0);
}

} // namespace otelconsole::sandbox
