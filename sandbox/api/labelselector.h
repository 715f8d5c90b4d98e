// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <expected>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// A label selector, from the query-string grammar (`a=b,c!=d,e in (f,g),!h`) or from a
/// metav1.LabelSelector object (matchLabels + matchExpressions). All requirements must hold.
class LabelSelector {
public:
    enum class Operator { Equals, NotEquals, In, NotIn, Exists, DoesNotExist, GreaterThan, LessThan };

    struct Requirement {
        std::string key;
        Operator op = Operator::Exists;
        std::vector<std::string> values;
    };

    /// Parses the query-string form; the error is a sentence for a 400 response.
    static std::expected<LabelSelector, std::string> parse(const std::string &text);

    /// Reads a LabelSelector object; the error names what is malformed.
    static std::expected<LabelSelector, std::string> fromJson(const nlohmann::json &selector);

    /// Whether `labels` (a JSON object of strings, or null) satisfies every requirement.
    [[nodiscard]] bool matches(const nlohmann::json &labels) const;

    [[nodiscard]] bool empty() const { return m_requirements.empty(); }
    [[nodiscard]] const std::vector<Requirement> &requirements() const { return m_requirements; }

    /// The query-string form, e.g. "app=web,tier in (a,b)" — what Scale.status.selector holds.
    [[nodiscard]] std::string toString() const;

private:
    std::vector<Requirement> m_requirements;
};

} // namespace otelconsole::sandbox
