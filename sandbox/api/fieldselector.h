// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <expected>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// A field selector such as `metadata.name=x,status.phase!=Running`, limited to the fields the API
/// server indexes for each kind.
class FieldSelector {
public:
    struct Term {
        std::string field;
        std::string value;
        bool negated = false;
    };

    /// Parses `text` for objects of `kind`; unknown fields are an error, as on a real server.
    static std::expected<FieldSelector, std::string> parse(const std::string &text, const std::string &kind);

    [[nodiscard]] bool matches(const nlohmann::json &object) const;
    [[nodiscard]] bool empty() const { return m_terms.empty(); }

    /// The value of an exact `field=value` term, if there is one.
    [[nodiscard]] std::string exactValue(const std::string &field) const;

    /// The fields a kind can be selected by.
    static std::vector<std::string> supportedFields(const std::string &kind);

private:
    std::vector<Term> m_terms;
};

} // namespace otelconsole::sandbox
