// SPDX-License-Identifier: Apache-2.0
#include "api/fielderrors.h"

namespace otelconsole::sandbox {

namespace {

bool allStrings(const nlohmann::json &value) {
    for (const auto &item : value) {
        if (!item.is_string()) {
            return false;
        }
    }
    return true;
}

} // namespace

std::string FieldErrors::formatValue(const nlohmann::json &value) {
    if (value.is_string()) {
        return nlohmann::json(value.get<std::string>()).dump();
    }
    if (value.is_object() && allStrings(value)) {
        std::string text = "map[string]string{";
        bool first = true;
        for (const auto &[key, item] : value.items()) {
            text += (first ? "" : ", ") + nlohmann::json(key).dump() + ":" + item.dump();
            first = false;
        }
        return text + "}";
    }
    if (value.is_array() && allStrings(value)) {
        std::string text = "[]string{";
        for (std::size_t i = 0; i < value.size(); ++i) {
            text += (i ? ", " : "") + value[i].dump();
        }
        return text + "}";
    }
    if (value.is_null()) {
        return "null";
    }
    return value.dump();
}

void FieldErrors::required(const std::string &field, const std::string &detail) {
    m_errors.push_back(
        {Type::Required, field, detail.empty() ? "Required value" : "Required value: " + detail});
}

void FieldErrors::invalid(const std::string &field, const nlohmann::json &value, const std::string &detail) {
    std::string body = "Invalid value: " + formatValue(value);
    if (!detail.empty()) {
        body += ": " + detail;
    }
    m_errors.push_back({Type::Invalid, field, body});
}

void FieldErrors::notSupported(const std::string &field, const nlohmann::json &value,
                               const std::vector<std::string> &supported) {
    std::string body = "Unsupported value: " + formatValue(value);
    if (!supported.empty()) {
        body += ": supported values: ";
        for (std::size_t i = 0; i < supported.size(); ++i) {
            body += (i ? ", \"" : "\"") + supported[i] + "\"";
        }
    }
    m_errors.push_back({Type::NotSupported, field, body});
}

void FieldErrors::forbidden(const std::string &field, const std::string &detail) {
    m_errors.push_back({Type::Forbidden, field, "Forbidden: " + detail});
}

void FieldErrors::duplicate(const std::string &field, const nlohmann::json &value) {
    m_errors.push_back({Type::Duplicate, field, "Duplicate value: " + formatValue(value)});
}

void FieldErrors::tooLong(const std::string &field, std::size_t limit) {
    m_errors.push_back(
        {Type::TooLong, field, "Too long: may not be more than " + std::to_string(limit) + " bytes"});
}

void FieldErrors::notFound(const std::string &field, const nlohmann::json &value) {
    m_errors.push_back({Type::NotFound, field, "Not found: " + formatValue(value)});
}

void FieldErrors::append(const FieldErrors &other) {
    m_errors.insert(m_errors.end(), other.m_errors.begin(), other.m_errors.end());
}

const char *FieldErrors::causeReason(Type type) {
    switch (type) {
    case Type::Required:
        return "FieldValueRequired";
    case Type::Invalid:
        return "FieldValueInvalid";
    case Type::NotSupported:
        return "FieldValueNotSupported";
    case Type::Forbidden:
        return "FieldValueForbidden";
    case Type::Duplicate:
        return "FieldValueDuplicate";
    case Type::TooLong:
        return "FieldValueTooLong";
    case Type::NotFound:
        return "FieldValueNotFound";
    }
    return "FieldValueInvalid";
}

std::string FieldErrors::summary() const {
    if (m_errors.size() == 1) {
        return m_errors.front().field + ": " + m_errors.front().body;
    }
    std::string text = "[";
    for (std::size_t i = 0; i < m_errors.size(); ++i) {
        text += (i ? ", " : "") + m_errors[i].field + ": " + m_errors[i].body;
    }
    return text + "]";
}

StatusError FieldErrors::toStatus(const std::string &qualifiedKind, const std::string &group,
                                  const std::string &kind, const std::string &name) const {
    std::vector<StatusCause> causes;
    for (const auto &error : m_errors) {
        causes.push_back({causeReason(error.type), error.body, error.field});
    }
    return StatusError::invalid(qualifiedKind, group, kind, name, causes, summary());
}

} // namespace otelconsole::sandbox
