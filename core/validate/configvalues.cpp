// SPDX-License-Identifier: Apache-2.0
#include "validate/configvalues.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace otelconsole {

std::optional<std::int64_t> integerSetting(const Json &config, std::string_view dottedKey) {
    const Json *value = findSetting(config, dottedKey);
    if (!value)
        return std::nullopt;
    if (value->is_number_integer())
        return value->get<std::int64_t>();
    if (value->is_number_float()) {
        const double number = value->get<double>();
        if (std::trunc(number) == number && std::abs(number) < 9.0e18)
            return static_cast<std::int64_t>(number);
    }
    return std::nullopt;
}

namespace {

// Go's time.ParseDuration units, longest first so that "ms" is not read as "m" followed by "s".
constexpr std::array<std::pair<std::string_view, double>, 8> durationUnits{{
    {"ns", 1.0},
    {"us", 1e3},
    {"\u00b5s", 1e3}, // micro sign
    {"\u03bcs", 1e3}, // Greek mu
    {"ms", 1e6},
    {"s", 1e9},
    {"m", 60e9},
    {"h", 3600e9},
}};

std::optional<double> takeUnit(std::string_view &text) {
    for (const auto &[unit, nanos] : durationUnits) {
        if (text.starts_with(unit)) {
            text.remove_prefix(unit.size());
            return nanos;
        }
    }
    return std::nullopt;
}

std::optional<double> takeNumber(std::string_view &text) {
    std::size_t length = 0;
    while (length < text.size() && ((text[length] >= '0' && text[length] <= '9') || text[length] == '.'))
        ++length;
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + length, number);
    if (error != std::errc() || end != text.data() + length || length == 0)
        return std::nullopt;
    text.remove_prefix(length);
    return number;
}

} // namespace

std::optional<std::int64_t> parseGoDuration(std::string_view text) {
    if (text == "0")
        return 0;

    double sign = 1;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
    }
    if (text.empty())
        return std::nullopt;

    double total = 0;
    while (!text.empty()) {
        const std::optional<double> number = takeNumber(text);
        const std::optional<double> unit = number ? takeUnit(text) : std::nullopt;
        if (!unit)
            return std::nullopt;
        total += *number * *unit;
    }
    return static_cast<std::int64_t>(sign * total);
}

bool ListenAddress::isLoopback() const {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

ListenAddress parseListenAddress(std::string_view endpoint) {
    ListenAddress address;
    const std::size_t colon = endpoint.rfind(':');
    // `${env:MY_POD_IP}` holds a colon of its own; a port is only what follows the last one after it.
    const std::size_t closingBrace = endpoint.rfind('}');
    const bool hasPort =
        colon != std::string_view::npos && (closingBrace == std::string_view::npos || colon > closingBrace);
    address.host = std::string(hasPort ? endpoint.substr(0, colon) : endpoint);
    if (address.host.size() >= 2 && address.host.front() == '[' && address.host.back() == ']')
        address.host = address.host.substr(1, address.host.size() - 2);

    if (hasPort) {
        const std::string_view portText = endpoint.substr(colon + 1);
        int port = 0;
        const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (error == std::errc() && end == portText.data() + portText.size())
            address.port = port;
    }
    return address;
}

} // namespace otelconsole
