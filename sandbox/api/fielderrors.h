// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/statuserror.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Validation failures collected field by field, printed the way the API server prints them:
/// `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
class FieldErrors {
public:
    enum class Type { Required, Invalid, NotSupported, Forbidden, Duplicate, TooLong, NotFound };

    void required(const std::string &field, const std::string &detail = {});
    void invalid(const std::string &field, const nlohmann::json &value, const std::string &detail);
    void notSupported(const std::string &field, const nlohmann::json &value,
                      const std::vector<std::string> &supported);
    void forbidden(const std::string &field, const std::string &detail);
    void duplicate(const std::string &field, const nlohmann::json &value);
    void tooLong(const std::string &field, std::size_t limit);
    void notFound(const std::string &field, const nlohmann::json &value);

    void append(const FieldErrors &other);

    [[nodiscard]] bool empty() const { return m_errors.empty(); }
    [[nodiscard]] std::size_t size() const { return m_errors.size(); }

    /// The 422 Invalid Status for an object of the given kind and name.
    [[nodiscard]] StatusError toStatus(const std::string &qualifiedKind, const std::string &group,
                                       const std::string &kind, const std::string &name) const;

    /// All errors joined: one error as is, several as "[a, b]".
    [[nodiscard]] std::string summary() const;

    /// A value as Go's %#v would print it in these messages: "x", 3, map[string]string{"a":"b"}.
    static std::string formatValue(const nlohmann::json &value);

private:
    struct Entry {
        Type type;
        std::string field;
        std::string body; ///< everything after "field: "
    };

    static const char *causeReason(Type type);

    std::vector<Entry> m_errors;
};

} // namespace otelconsole::sandbox
