// SPDX-License-Identifier: Apache-2.0
#include "api/labelselector.h"

#include <algorithm>
#include <charconv>

namespace otelconsole::sandbox {

namespace {

using Operator = LabelSelector::Operator;

bool isOperatorChar(char c) {
    return c == '!' || c == '=' || c == ',' || c == '(' || c == ')' || c == '<' || c == '>';
}

// Splits the selector into identifiers and the operator tokens "!", "=", "==", "!=", "(", ")", ",", "<", ">".
std::vector<std::string> tokenize(const std::string &text) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if ((c == '=' || c == '!') && i + 1 < text.size() && text[i + 1] == '=') {
            tokens.push_back(text.substr(i, 2));
            i += 2;
        } else if (isOperatorChar(c)) {
            tokens.emplace_back(1, c);
            ++i;
        } else {
            const std::size_t start = i;
            while (i < text.size() && !isOperatorChar(text[i])
                   && !std::isspace(static_cast<unsigned char>(text[i]))) {
                ++i;
            }
            tokens.push_back(text.substr(start, i - start));
        }
    }
    return tokens;
}

bool isIdentifier(const std::string &token) {
    return !token.empty() && !isOperatorChar(token[0]);
}

class Parser {
public:
    explicit Parser(std::vector<std::string> tokens)
        : m_tokens(std::move(tokens)) {}

    std::expected<std::vector<LabelSelector::Requirement>, std::string> parse() {
        std::vector<LabelSelector::Requirement> requirements;
        while (m_position < m_tokens.size()) {
            auto requirement = parseRequirement();
            if (!requirement) {
                return std::unexpected(requirement.error());
            }
            requirements.push_back(std::move(*requirement));
            if (m_position < m_tokens.size()) {
                if (m_tokens[m_position] != ",") {
                    return std::unexpected("found '" + m_tokens[m_position]
                                           + "', expected: ',' or 'end of string'");
                }
                ++m_position;
                if (m_position == m_tokens.size()) {
                    return std::unexpected("found 'end of string', expected: identifier");
                }
            }
        }
        return requirements;
    }

private:
    std::string peek() const { return m_position < m_tokens.size() ? m_tokens[m_position] : std::string(); }
    std::string take() { return m_position < m_tokens.size() ? m_tokens[m_position++] : std::string(); }

    std::expected<LabelSelector::Requirement, std::string> parseRequirement() {
        if (peek() == "!") {
            ++m_position;
            const std::string key = take();
            if (!isIdentifier(key)) {
                return std::unexpected("found '" + key + "', expected: identifier after '!'");
            }
            return LabelSelector::Requirement{key, Operator::DoesNotExist, {}};
        }
        const std::string key = take();
        if (!isIdentifier(key)) {
            return std::unexpected("found '" + key + "', expected: identifier");
        }
        const std::string op = peek();
        if (op.empty() || op == ",") {
            return LabelSelector::Requirement{key, Operator::Exists, {}};
        }
        ++m_position;
        if (op == "=" || op == "==" || op == "!=") {
            std::string value = isIdentifier(peek()) ? take() : std::string();
            return LabelSelector::Requirement{
                key, op == "!=" ? Operator::NotEquals : Operator::Equals, {value}};
        }
        if (op == "in" || op == "notin") {
            return parseSet(key, op == "in" ? Operator::In : Operator::NotIn);
        }
        if (op == "<" || op == ">") {
            const std::string value = take();
            long number = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
            if (error != std::errc() || end != value.data() + value.size()) {
                return std::unexpected("for '" + op + "' operator, the value must be an integer, got '"
                                       + value + "'");
            }
            return LabelSelector::Requirement{
                key, op == ">" ? Operator::GreaterThan : Operator::LessThan, {value}};
        }
        return std::unexpected("found '" + op + "', expected: in, notin, =, ==, !=, gt, lt");
    }

    std::expected<LabelSelector::Requirement, std::string> parseSet(const std::string &key, Operator op) {
        if (take() != "(") {
            return std::unexpected("found '" + peek() + "', expected: '('");
        }
        LabelSelector::Requirement requirement{key, op, {}};
        while (true) {
            if (isIdentifier(peek())) {
                requirement.values.push_back(take());
            } else {
                requirement.values.emplace_back();
            }
            const std::string separator = take();
            if (separator == ")") {
                return requirement;
            }
            if (separator != ",") {
                return std::unexpected("found '" + separator + "', expected: ',' or ')'");
            }
        }
    }

    std::vector<std::string> m_tokens;
    std::size_t m_position = 0;
};

std::optional<Operator> operatorNamed(const std::string &name) {
    if (name == "In") {
        return Operator::In;
    }
    if (name == "NotIn") {
        return Operator::NotIn;
    }
    if (name == "Exists") {
        return Operator::Exists;
    }
    if (name == "DoesNotExist") {
        return Operator::DoesNotExist;
    }
    return std::nullopt;
}

std::expected<LabelSelector::Requirement, std::string> expressionFromJson(const nlohmann::json &expression) {
    if (!expression.is_object() || !expression.contains("key") || !expression["key"].is_string()) {
        return std::unexpected("matchExpressions entries need a key");
    }
    const auto op = operatorNamed(expression.value("operator", std::string()));
    if (!op) {
        return std::unexpected("\"" + expression.value("operator", std::string())
                               + "\" is not a valid selector operator");
    }
    LabelSelector::Requirement requirement{expression["key"].get<std::string>(), *op, {}};
    if (expression.contains("values") && expression["values"].is_array()) {
        for (const auto &value : expression["values"]) {
            if (value.is_string()) {
                requirement.values.push_back(value.get<std::string>());
            }
        }
    }
    return requirement;
}

} // namespace

std::expected<LabelSelector, std::string> LabelSelector::parse(const std::string &text) {
    auto requirements = Parser(tokenize(text)).parse();
    if (!requirements) {
        return std::unexpected("unable to parse requirement: " + requirements.error());
    }
    LabelSelector selector;
    selector.m_requirements = std::move(*requirements);
    return selector;
}

std::expected<LabelSelector, std::string> LabelSelector::fromJson(const nlohmann::json &selector) {
    LabelSelector result;
    if (selector.is_null()) {
        return result;
    }
    if (!selector.is_object()) {
        return std::unexpected("a label selector must be an object");
    }
    if (const auto labels = selector.find("matchLabels"); labels != selector.end() && labels->is_object()) {
        for (const auto &[key, value] : labels->items()) {
            result.m_requirements.push_back(
                {key, Operator::Equals, {value.is_string() ? value.get<std::string>() : ""}});
        }
    }
    if (const auto expressions = selector.find("matchExpressions");
        expressions != selector.end() && expressions->is_array()) {
        for (const auto &expression : *expressions) {
            auto requirement = expressionFromJson(expression);
            if (!requirement) {
                return std::unexpected(requirement.error());
            }
            result.m_requirements.push_back(std::move(*requirement));
        }
    }
    return result;
}

bool LabelSelector::matches(const nlohmann::json &labels) const {
    for (const auto &requirement : m_requirements) {
        const bool has =
            labels.is_object() && labels.contains(requirement.key) && labels[requirement.key].is_string();
        const std::string value = has ? labels[requirement.key].get<std::string>() : std::string();
        const auto &values = requirement.values;
        const bool listed = std::find(values.begin(), values.end(), value) != values.end();
        long number = 0;
        long bound = 0;
        bool ok = true;
        switch (requirement.op) {
        case Operator::Equals:
            ok = has && value == values.front();
            break;
        case Operator::NotEquals:
            ok = !has || value != values.front();
            break;
        case Operator::In:
            ok = has && listed;
            break;
        case Operator::NotIn:
            ok = !has || !listed;
            break;
        case Operator::Exists:
            ok = has;
            break;
        case Operator::DoesNotExist:
            ok = !has;
            break;
        case Operator::GreaterThan:
        case Operator::LessThan:
            ok = has && std::from_chars(value.data(), value.data() + value.size(), number).ec == std::errc()
                 && std::from_chars(values.front().data(), values.front().data() + values.front().size(),
                                    bound)
                            .ec
                        == std::errc()
                 && (requirement.op == Operator::GreaterThan ? number > bound : number < bound);
            break;
        }
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::string LabelSelector::toString() const {
    std::string text;
    for (const auto &requirement : m_requirements) {
        if (!text.empty()) {
            text += ",";
        }
        std::string joined;
        for (const auto &value : requirement.values) {
            joined += (joined.empty() ? "" : ",") + value;
        }
        switch (requirement.op) {
        case Operator::Equals:
            text += requirement.key + "=" + joined;
            break;
        case Operator::NotEquals:
            text += requirement.key + "!=" + joined;
            break;
        case Operator::In:
            text += requirement.key + " in (" + joined + ")";
            break;
        case Operator::NotIn:
            text += requirement.key + " notin (" + joined + ")";
            break;
        case Operator::Exists:
            text += requirement.key;
            break;
        case Operator::DoesNotExist:
            text += "!" + requirement.key;
            break;
        case Operator::GreaterThan:
            text += requirement.key + ">" + joined;
            break;
        case Operator::LessThan:
            text += requirement.key + "<" + joined;
            break;
        }
    }
    return text;
}

} // namespace otelconsole::sandbox
