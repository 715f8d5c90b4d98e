// SPDX-License-Identifier: Apache-2.0
#include "model/names.h"

#include <algorithm>
#include <vector>

namespace otelconsole::names {

namespace {

constexpr std::size_t labelMaxLength = 63;
constexpr std::size_t subdomainMaxLength = 253;
constexpr std::size_t portNameMaxLength = 15;

// The rules are worded as the API server words them, so that a message seen here matches the one a
// rejected apply would show; the examples are ours.
constexpr std::string_view dns1123LabelRule =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
    "and end with an alphanumeric character (pattern [a-z0-9]([-a-z0-9]*[a-z0-9])?, e.g. 'otlp-system')";
constexpr std::string_view dns1123SubdomainRule =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
    "must start and end with an alphanumeric character (labels of the pattern [a-z0-9]([-a-z0-9]*[a-z0-9])? "
    "joined by '.', e.g. 'otel-gateway' or 'collector.example.com')";
constexpr std::string_view dns1035LabelRule =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
    "character, and end with an alphanumeric character (pattern [a-z]([-a-z0-9]*[a-z0-9])?, e.g. "
    "'otel-gateway')";
constexpr std::string_view qualifiedNameRule =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
    "character (pattern ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], e.g. 'name' or 'release_2.x')";
constexpr std::string_view labelValueRule =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and "
    "must start and end with an alphanumeric character (pattern ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], "
    "e.g. 'otel-gateway' or 'v0.159.0')";

bool isLowerAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isAlphanumeric(char c) {
    return isLowerAlphanumeric(c) || (c >= 'A' && c <= 'Z');
}

bool isLowerLetter(char c) {
    return c >= 'a' && c <= 'z';
}

/// [a-z0-9]([-a-z0-9]*[a-z0-9])? — the shape shared by DNS labels.
bool hasLabelShape(std::string_view text) {
    if (text.empty() || !isLowerAlphanumeric(text.front()) || !isLowerAlphanumeric(text.back()))
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return isLowerAlphanumeric(c) || c == '-'; });
}

/// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9] — label names and values.
bool hasQualifiedShape(std::string_view text) {
    if (text.empty() || !isAlphanumeric(text.front()) || !isAlphanumeric(text.back()))
        return false;
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return isAlphanumeric(c) || c == '-' || c == '_' || c == '.'; });
}

std::string tooLong(std::size_t limit) {
    return "must be no more than " + std::to_string(limit) + " characters";
}

/// The API server lists every problem; the checks here join them into one sentence.
std::optional<std::string> joined(const std::vector<std::string> &problems) {
    if (problems.empty())
        return std::nullopt;
    std::string sentence = problems.front();
    for (std::size_t i = 1; i < problems.size(); ++i)
        sentence += "; " + problems[i];
    return sentence;
}

bool isDns1123Subdomain(std::string_view name) {
    if (name.empty())
        return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = name.find('.', start);
        if (!hasLabelShape(name.substr(start, dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

} // namespace

std::optional<std::string> checkDns1123Label(std::string_view name) {
    std::vector<std::string> problems;
    if (name.size() > labelMaxLength)
        problems.push_back(tooLong(labelMaxLength));
    if (!hasLabelShape(name))
        problems.emplace_back(dns1123LabelRule);
    return joined(problems);
}

std::optional<std::string> checkDns1123Subdomain(std::string_view name) {
    std::vector<std::string> problems;
    if (name.size() > subdomainMaxLength)
        problems.push_back(tooLong(subdomainMaxLength));
    if (!isDns1123Subdomain(name))
        problems.emplace_back(dns1123SubdomainRule);
    return joined(problems);
}

std::optional<std::string> checkDns1035Label(std::string_view name) {
    std::vector<std::string> problems;
    if (name.size() > labelMaxLength)
        problems.push_back(tooLong(labelMaxLength));
    if (!hasLabelShape(name) || !isLowerLetter(name.front()))
        problems.emplace_back(dns1035LabelRule);
    return joined(problems);
}

std::optional<std::string> checkPathSegmentName(std::string_view name) {
    if (name == "." || name == "..")
        return "may not be '" + std::string(name) + "'";

    std::vector<std::string> problems;
    for (const char forbidden : {'/', '%'}) {
        if (name.find(forbidden) != std::string_view::npos)
            problems.push_back("may not contain '" + std::string(1, forbidden) + "'");
    }
    return joined(problems);
}

std::optional<std::string> checkPortName(std::string_view name) {
    std::vector<std::string> problems;
    if (name.size() > portNameMaxLength)
        problems.push_back(tooLong(portNameMaxLength));
    if (!std::all_of(name.begin(), name.end(), [](char c) { return isLowerAlphanumeric(c) || c == '-'; }))
        problems.emplace_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    if (name.find("--") != std::string_view::npos)
        problems.emplace_back("must not contain consecutive hyphens");
    if (std::none_of(name.begin(), name.end(), isLowerLetter))
        problems.emplace_back("must contain at least one letter (a-z)");
    if (!name.empty() && (name.front() == '-' || name.back() == '-'))
        problems.emplace_back("must not begin or end with a hyphen");
    return joined(problems);
}

std::optional<std::string> checkLabelKey(std::string_view key) {
    const std::size_t slash = key.find('/');
    if (slash != std::string_view::npos && key.find('/', slash + 1) != std::string_view::npos) {
        return "a qualified name " + std::string(qualifiedNameRule)
               + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/tier')";
    }

    std::vector<std::string> problems;
    const std::string_view name = slash == std::string_view::npos ? key : key.substr(slash + 1);
    if (slash != std::string_view::npos) {
        const std::string_view prefix = key.substr(0, slash);
        if (prefix.empty())
            problems.emplace_back("prefix part must be non-empty");
        else if (const auto problem = checkDns1123Subdomain(prefix))
            problems.push_back("prefix part " + *problem);
    }

    if (name.empty())
        problems.emplace_back("name part must be non-empty");
    else if (name.size() > labelMaxLength)
        problems.push_back("name part " + tooLong(labelMaxLength));
    if (!name.empty() && !hasQualifiedShape(name))
        problems.push_back("name part " + std::string(qualifiedNameRule));
    return joined(problems);
}

std::optional<std::string> checkLabelValue(std::string_view value) {
    std::vector<std::string> problems;
    if (value.size() > labelMaxLength)
        problems.push_back(tooLong(labelMaxLength));
    if (!value.empty() && !hasQualifiedShape(value))
        problems.emplace_back(labelValueRule);
    return joined(problems);
}

} // namespace otelconsole::names
