// SPDX-License-Identifier: Apache-2.0
#include "api/namevalidation.h"

#include <cctype>

namespace otelconsole::sandbox {

namespace {

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isAlnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool matchesLabel(const std::string &value, bool letterFirst) {
    if (value.empty() || !isLowerAlnum(value.front()) || !isLowerAlnum(value.back())) {
        return false;
    }
    if (letterFirst && !(value.front() >= 'a' && value.front() <= 'z')) {
        return false;
    }
    for (const char c : value) {
        if (!isLowerAlnum(c) && c != '-') {
            return false;
        }
    }
    return true;
}

bool matchesQualifiedName(const std::string &value) {
    if (value.empty() || value.size() > 63 || !isAlnum(value.front()) || !isAlnum(value.back())) {
        return false;
    }
    for (const char c : value) {
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
            return false;
        }
    }
    return true;
}

const std::string kLabelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
    "and "
    "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const std::string kSubdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const std::string kDns1035Message =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
    "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
    "validation "
    "is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const std::string kQualifiedNameMessage =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

} // namespace

std::string NameValidation::dns1123Label(const std::string &value) {
    if (value.size() > 63) {
        return "must be no more than 63 characters";
    }
    return matchesLabel(value, false) ? std::string() : kLabelMessage;
}

std::string NameValidation::dns1123Subdomain(const std::string &value) {
    if (value.size() > 253) {
        return "must be no more than 253 characters";
    }
    std::size_t start = 0;
    while (true) {
        const auto dot = value.find('.', start);
        if (!matchesLabel(value.substr(start, dot - start), false)) {
            return kSubdomainMessage;
        }
        if (dot == std::string::npos) {
            return {};
        }
        start = dot + 1;
    }
}

std::string NameValidation::dns1035Label(const std::string &value) {
    if (value.size() > 63) {
        return "must be no more than 63 characters";
    }
    return matchesLabel(value, true) ? std::string() : kDns1035Message;
}

std::string NameValidation::pathSegmentName(const std::string &value) {
    if (value == "." || value == "..") {
        return "may not be '" + value + "'";
    }
    if (value.find('/') != std::string::npos) {
        return "may not contain '/'";
    }
    if (value.find('%') != std::string::npos) {
        return "may not contain '%'";
    }
    return {};
}

std::string NameValidation::labelKey(const std::string &key) {
    const auto slash = key.find('/');
    const std::string name = slash == std::string::npos ? key : key.substr(slash + 1);
    if (slash != std::string::npos) {
        const std::string prefix = key.substr(0, slash);
        if (prefix.empty()) {
            return "prefix part must be non-empty";
        }
        if (const std::string problem = dns1123Subdomain(prefix); !problem.empty()) {
            return "prefix part " + problem;
        }
    }
    if (name.empty()) {
        return "name part must be non-empty";
    }
    if (name.size() > 63) {
        return "name part must be no more than 63 characters";
    }
    return matchesQualifiedName(name) ? std::string() : kQualifiedNameMessage;
}

std::string NameValidation::labelValue(const std::string &value) {
    if (value.empty()) {
        return {};
    }
    if (value.size() > 63) {
        return "must be no more than 63 characters";
    }
    return matchesQualifiedName(value)
               ? std::string()
               : "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
                 "'.', "
                 "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or "
                 "'12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
}

std::string NameValidation::portName(const std::string &value) {
    if (value.size() > 15) {
        return "must be no more than 15 characters";
    }
    bool letter = false;
    for (const char c : value) {
        if (!isLowerAlnum(c) && c != '-') {
            return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        }
        letter = letter || (c >= 'a' && c <= 'z');
    }
    if (value.find("--") != std::string::npos) {
        return "must not contain consecutive hyphens";
    }
    if (!letter) {
        return "must contain at least one letter (a-z)";
    }
    if (value.front() == '-' || value.back() == '-') {
        return "must not begin or end with a hyphen";
    }
    return {};
}

std::string NameValidation::configMapKey(const std::string &key) {
    if (key.empty() || key.size() > 253) {
        return "must be no more than 253 characters and not empty";
    }
    for (const char c : key) {
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
            return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
                   "'key.name',  "
                   "or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
        }
    }
    return {};
}

} // namespace otelconsole::sandbox
