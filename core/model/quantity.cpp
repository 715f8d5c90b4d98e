// SPDX-License-Identifier: Apache-2.0
#include "model/quantity.h"

#include "model/wideunsigned.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <optional>

namespace otelconsole {

namespace {

constexpr __int128 nanosPerUnit = 1'000'000'000;
constexpr __int128 nanosPerMilli = 1'000'000;
constexpr __int128 maxNanos = __int128{std::numeric_limits<std::int64_t>::max()} * nanosPerUnit;

// Exponents beyond this either overflow or round every mantissa the parser accepts to one nano-unit,
// so clamping them keeps the scaling loops short without changing any result.
constexpr int exponentClamp = 1000;

constexpr std::string_view validForms = "valid quantities look like 500m, 2, 0.5, 1.5Gi, 128Mi, 4k or 1e3";
constexpr std::string_view knownSuffixes = "suffixes are case-sensitive: Ki Mi Gi Ti Pi Ei (powers of 1024), "
                                           "n u m k M G T P E (powers of 1000) or an exponent such as e3";

struct DecimalSuffix {
    std::string_view text;
    int exponent;
};

constexpr std::array<DecimalSuffix, 9> decimalSuffixes{{
    {"n", -9},
    {"u", -6},
    {"m", -3},
    {"k", 3},
    {"M", 6},
    {"G", 9},
    {"T", 12},
    {"P", 15},
    {"E", 18},
}};

// Index i is the suffix for 1024^i.
constexpr std::array<std::string_view, 7> binarySuffixes{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

/// The pieces of `<sign><digits>[.<digits>]<suffix>`.
struct QuantityText {
    bool negative = false;
    std::string_view integerDigits;
    std::string_view fractionDigits;
    bool hasPoint = false;
    std::string_view suffix;
};

/// What a suffix multiplies the number by: 10^decimalExponent * 1024^binaryPower.
struct Scale {
    int decimalExponent = 0;
    int binaryPower = 0;
    Quantity::Format format = Quantity::Format::DecimalSI;
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view takeDigits(std::string_view &rest) {
    const auto end = std::find_if_not(rest.begin(), rest.end(), isDigit);
    const auto count = static_cast<std::size_t>(end - rest.begin());
    const std::string_view digits = rest.substr(0, count);
    rest.remove_prefix(count);
    return digits;
}

QuantityText splitQuantity(std::string_view text) {
    QuantityText parts;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        parts.negative = text.front() == '-';
        text.remove_prefix(1);
    }

    parts.integerDigits = takeDigits(text);

    if (!text.empty() && text.front() == '.') {
        parts.hasPoint = true;
        text.remove_prefix(1);
        parts.fractionDigits = takeDigits(text);
    }

    parts.suffix = text;
    return parts;
}

std::optional<int> parseExponent(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || !std::all_of(text.begin(), text.end(), isDigit))
        return std::nullopt;

    int exponent = 0;
    for (const char digit : text)
        exponent = std::min(exponent * 10 + (digit - '0'), exponentClamp);
    return negative ? -exponent : exponent;
}

std::optional<Scale> scaleOfSuffix(std::string_view suffix) {
    if (suffix.empty())
        return Scale{};

    for (const auto &decimal : decimalSuffixes) {
        if (decimal.text == suffix)
            return Scale{decimal.exponent, 0, Quantity::Format::DecimalSI};
    }
    for (std::size_t power = 1; power < binarySuffixes.size(); ++power) {
        if (binarySuffixes[power] == suffix)
            return Scale{0, static_cast<int>(power), Quantity::Format::BinarySI};
    }

    // A lone "E" is exa (handled above); with digits after it, e/E introduces a decimal exponent.
    if (suffix.front() == 'e' || suffix.front() == 'E') {
        if (const auto exponent = parseExponent(suffix.substr(1)))
            return Scale{*exponent, 0, Quantity::Format::DecimalExponent};
    }
    return std::nullopt;
}

/// A hint for suffixes people often write by mistake: "mi" for "Mi", "KB" or "GiB" with a trailing B.
std::string suffixHint(std::string_view suffix) {
    if (!suffix.empty() && (suffix.back() == 'B' || suffix.back() == 'b'))
        suffix.remove_suffix(1);
    const bool binary = suffix.size() == 2 && (suffix[1] == 'i' || suffix[1] == 'I');
    if (suffix.empty() || (suffix.size() != 1 && !binary))
        return {};

    const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(suffix.front())));
    if (std::string_view("KMGTPE").find(letter) == std::string_view::npos)
        return {};

    const std::string binaryForm = std::string(1, letter) + 'i';
    if (binary)
        return " (did you mean \"" + binaryForm + "\"?)";
    const char decimalLetter = letter == 'K' ? 'k' : letter;
    return " (did you mean \"" + binaryForm + "\" or \"" + std::string(1, decimalLetter) + "\"?)";
}

/// `text` in quotes for a message, cut short when long: a file pasted into a field should not turn into a
/// megabyte of error message.
std::string quoted(std::string_view text) {
    constexpr std::size_t shownCharacters = 40;
    if (text.size() <= shownCharacters)
        return '"' + std::string(text) + '"';
    return '"' + std::string(text.substr(0, shownCharacters)) + "...\" (" + std::to_string(text.size())
           + " characters)";
}

std::unexpected<Error> invalid(std::string_view text, std::string_view reason) {
    return fail(ErrorKind::InvalidInput, "invalid quantity " + quoted(text) + ": " + std::string(reason)
                                             + "; " + std::string(validForms));
}

/// Why `parts` is not a quantity, or an empty string when its shape is right.
std::string shapeProblem(const QuantityText &parts) {
    if (parts.integerDigits.empty() && parts.fractionDigits.empty())
        return "there is no number; a quantity starts with digits, as in 2Gi or 0.5";
    if (!parts.suffix.empty() && parts.suffix.front() == '.')
        return "it has more than one decimal point";
    if (!scaleOfSuffix(parts.suffix))
        return quoted(parts.suffix) + " is not a suffix" + suffixHint(parts.suffix) + "; "
               + std::string(knownSuffixes);
    return {};
}

/// The exact value in nano-units, rounded up (away from zero) where finer than that; an error reason
/// when it does not fit.
std::expected<__int128, std::string> toNanos(const QuantityText &parts, const Scale &scale) {
    WideUnsigned magnitude;
    for (const std::string_view digits : {parts.integerDigits, parts.fractionDigits}) {
        for (const char digit : digits) {
            if (!magnitude.multiplyAdd(10, static_cast<std::uint32_t>(digit - '0')))
                return std::unexpected("it has too many digits");
        }
    }

    const std::string tooLarge = "it is too large: a quantity may be at most 2^63-1 (9223372036854775807)";
    for (int i = 0; i < scale.binaryPower; ++i) {
        if (!magnitude.multiplyAdd(1024, 0))
            return std::unexpected(tooLarge);
    }

    bool roundedAway = false;
    int exponent = scale.decimalExponent - static_cast<int>(parts.fractionDigits.size()) + 9;
    for (; exponent > 0 && !magnitude.isZero(); --exponent) {
        if (!magnitude.multiplyAdd(10, 0) || magnitude.exceeds(maxNanos))
            return std::unexpected(tooLarge);
    }
    for (; exponent < 0 && !magnitude.isZero(); ++exponent)
        roundedAway = magnitude.divide(10) != 0 || roundedAway;

    if (magnitude.exceeds(maxNanos))
        return std::unexpected(tooLarge);
    const auto nanos = static_cast<__int128>(magnitude.low128()) + (roundedAway ? 1 : 0);
    if (nanos > maxNanos)
        return std::unexpected(tooLarge);
    return parts.negative ? -nanos : nanos;
}

/// `value / divisor`, rounded away from zero.
__int128 divideRoundingUp(__int128 value, __int128 divisor) {
    const __int128 quotient = value / divisor;
    if (value % divisor == 0)
        return quotient;
    return value < 0 ? quotient - 1 : quotient + 1;
}

std::int64_t clampToInt64(__int128 value) {
    constexpr __int128 lowest = std::numeric_limits<std::int64_t>::min();
    constexpr __int128 highest = std::numeric_limits<std::int64_t>::max();
    return static_cast<std::int64_t>(std::clamp(value, lowest, highest));
}

std::string integerText(__int128 value) {
    if (value == 0)
        return "0";
    const bool negative = value < 0;
    std::string digits;
    for (; value != 0; value /= 10)
        digits.push_back(static_cast<char>('0' + static_cast<int>(negative ? -(value % 10) : value % 10)));
    if (negative)
        digits.push_back('-');
    std::reverse(digits.begin(), digits.end());
    return digits;
}

std::string binaryCanonical(__int128 units) {
    std::size_t power = 0;
    while (power + 1 < binarySuffixes.size() && units % 1024 == 0) {
        units /= 1024;
        ++power;
    }
    return integerText(units) + std::string(binarySuffixes[power]);
}

std::string decimalCanonical(__int128 milli) {
    // Start at milli ("m") and move up one power of 1000 while no digit is lost.
    constexpr std::array<std::string_view, 8> suffixes{"m", "", "k", "M", "G", "T", "P", "E"};
    std::size_t index = 0;
    while (index + 1 < suffixes.size() && milli % 1000 == 0) {
        milli /= 1000;
        ++index;
    }
    return integerText(milli) + std::string(suffixes[index]);
}

std::string exponentCanonical(__int128 milli) {
    int exponent = -3;
    while (exponent < 18 && milli % 1000 == 0) {
        milli /= 1000;
        exponent += 3;
    }
    return exponent == 0 ? integerText(milli) : integerText(milli) + 'e' + std::to_string(exponent);
}

} // namespace

Result<Quantity> Quantity::parse(std::string_view text) {
    if (text.empty())
        return fail(ErrorKind::InvalidInput, "a quantity must not be empty; " + std::string(validForms));
    if (std::any_of(text.begin(), text.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
        return invalid(text, "it contains whitespace; write the suffix right after the number, as in 128Mi");

    const QuantityText parts = splitQuantity(text);
    if (const std::string problem = shapeProblem(parts); !problem.empty())
        return invalid(text, problem);

    const Scale scale = *scaleOfSuffix(parts.suffix);
    const auto nanos = toNanos(parts, scale);
    if (!nanos)
        return invalid(text, nanos.error());

    Quantity quantity;
    quantity.m_nanos = *nanos;
    quantity.m_format = scale.format;
    return quantity;
}

Quantity Quantity::fromMilli(std::int64_t milli, Format format) {
    Quantity quantity;
    quantity.m_nanos = __int128{milli} * nanosPerMilli;
    quantity.m_format = format;
    return quantity;
}

Quantity Quantity::fromValue(std::int64_t value, Format format) {
    Quantity quantity;
    quantity.m_nanos = __int128{value} * nanosPerUnit;
    quantity.m_format = format;
    return quantity;
}

std::int64_t Quantity::value() const {
    return clampToInt64(divideRoundingUp(m_nanos, nanosPerUnit));
}

std::int64_t Quantity::milliValue() const {
    // TODO: values above 2^63-1 thousandths (about 9.2e15 units) saturate instead of reporting an
    // overflow; memory sizes never get there, but a caller cannot tell a clamped result apart.
    return clampToInt64(divideRoundingUp(m_nanos, nanosPerMilli));
}

double Quantity::toDouble() const {
    return static_cast<double>(m_nanos) / static_cast<double>(nanosPerUnit);
}

std::string Quantity::canonical() const {
    // Like the API server: at most three decimal places, anything finer rounds up to the next milli.
    const __int128 milli = divideRoundingUp(m_nanos, nanosPerMilli);
    if (milli == 0)
        return "0";

    const bool wholeUnits = milli % 1000 == 0;
    const __int128 units = milli / 1000;
    if (m_format == Format::BinarySI && wholeUnits && (units >= 1024 || units <= -1024))
        return binaryCanonical(units);
    if (m_format == Format::DecimalExponent)
        return exponentCanonical(milli);
    return decimalCanonical(milli);
}

} // namespace otelconsole
