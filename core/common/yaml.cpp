// SPDX-License-Identifier: Apache-2.0
#include "common/yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <regex>
#include <unordered_set>

namespace otelconsole {

namespace {

// Aliases can make a small document expand into a huge or cyclic tree; these bounds keep a hostile
// file from exhausting the stack or memory.
constexpr int maxDepth = 200;
constexpr std::size_t maxNodes = 200'000;

// std::regex matches recursively, one stack frame per character: a plain scalar of some 100k digits
// would overflow the stack. No number worth typing is this long, so longer scalars are never numbers
// to the reader, and always quoted by the writer in case another reader thinks otherwise.
constexpr std::size_t maxNumberLength = 256;

SourceLocation locationOf(const YAML::Mark &mark, const std::string &file) {
    if (mark.is_null())
        return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

bool isNullWord(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::optional<bool> boolWord(std::string_view text) {
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    return std::nullopt;
}

std::optional<Json> numberWord(const std::string &text) {
    static const std::regex integer(R"([-+]?(0|[1-9][0-9]*))");
    static const std::regex hexadecimal(R"(0x[0-9a-fA-F]+)");
    static const std::regex octal(R"(0o[0-7]+)");
    static const std::regex decimal(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");

    const auto parseInt = [](std::string_view digits, int base) -> std::optional<Json> {
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
        if (error != std::errc() || end != digits.data() + digits.size())
            return std::nullopt;
        return Json(value);
    };
    // A float beyond double's range (1e999) stays the string it was written as: JSON has no infinity.
    const auto parseFloat = [](std::string_view digits) -> std::optional<Json> {
        if (digits.starts_with('+'))
            digits.remove_prefix(1);
        double value = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error != std::errc() || end != digits.data() + digits.size())
            return std::nullopt;
        return Json(value);
    };

    if (text.size() > maxNumberLength)
        return std::nullopt;
    const char first = text.empty() ? ' ' : text.front();
    if (!std::isdigit(static_cast<unsigned char>(first)) && first != '-' && first != '+' && first != '.')
        return std::nullopt;
    // "0644" is octal to some readers and decimal to others: keep it as the string it was written as.
    const bool leadingZero =
        text.size() > 1 && first == '0' && std::isdigit(static_cast<unsigned char>(text[1]));
    if (leadingZero && text.find_first_of(".eE") == std::string::npos)
        return std::nullopt;

    if (std::regex_match(text, integer)) {
        const std::string_view digits = text.front() == '+' ? std::string_view(text).substr(1) : text;
        if (auto value = parseInt(digits, 10))
            return value;
        return parseFloat(text);
    }
    if (std::regex_match(text, hexadecimal))
        return parseInt(std::string_view(text).substr(2), 16);
    if (std::regex_match(text, octal))
        return parseInt(std::string_view(text).substr(2), 8);
    if (std::regex_match(text, decimal))
        return parseFloat(text);
    return std::nullopt;
}

Json resolvePlainScalar(const std::string &text) {
    if (isNullWord(text))
        return nullptr;
    if (auto value = boolWord(text))
        return *value;
    if (auto value = numberWord(text))
        return *value;
    return text;
}

Json resolveScalar(const YAML::Node &node) {
    const std::string &tag = node.Tag();
    const std::string &text = node.Scalar();
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return text;
    if (tag == "tag:yaml.org,2002:null")
        return nullptr;
    return resolvePlainScalar(text);
}

class Converter {
public:
    explicit Converter(const std::string &file)
        : m_file(file) {}

    Result<Json> convert(const YAML::Node &node, int depth) {
        if (depth > maxDepth)
            return fail(ErrorKind::InvalidInput,
                        "the document nests deeper than " + std::to_string(maxDepth) + " levels",
                        locationOf(node.Mark(), m_file));
        if (++m_nodes > maxNodes)
            return fail(ErrorKind::InvalidInput,
                        "the document expands to more than " + std::to_string(maxNodes)
                            + " values (aliases repeating aliases?)",
                        locationOf(node.Mark(), m_file));

        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return Json(nullptr);
        case YAML::NodeType::Scalar:
            return resolveScalar(node);
        case YAML::NodeType::Sequence:
            return convertSequence(node, depth);
        case YAML::NodeType::Map:
            return convertMap(node, depth);
        }
        return Json(nullptr);
    }

private:
    Result<Json> convertSequence(const YAML::Node &node, int depth) {
        Json array = Json::array();
        for (const YAML::Node &item : node) {
            auto value = convert(item, depth + 1);
            if (!value)
                return value;
            array.push_back(std::move(*value));
        }
        return array;
    }

    Result<Json> convertMap(const YAML::Node &node, int depth) {
        // ordered_json looks keys up by a linear scan, which makes a mapping of n keys cost n^2 to build;
        // duplicates are found through a hash set instead and entries appended to the underlying vector.
        Json object = Json::object();
        auto &entries = static_cast<Json::object_t::Container &>(object.get_ref<Json::object_t &>());
        std::unordered_set<std::string> keys;
        for (const auto &entry : node) {
            if (!entry.first.IsScalar())
                return fail(ErrorKind::InvalidInput,
                            "a mapping key must be a plain value, not a list or a map",
                            locationOf(entry.first.Mark(), m_file));
            const std::string &key = entry.first.Scalar();
            if (!keys.insert(key).second)
                return fail(ErrorKind::InvalidInput,
                            "the key \"" + key + "\" appears twice in the same mapping",
                            locationOf(entry.first.Mark(), m_file));
            auto value = convert(entry.second, depth + 1);
            if (!value)
                return value;
            entries.emplace_back(key, std::move(*value));
        }
        return object;
    }

    const std::string &m_file;
    std::size_t m_nodes = 0;
};

// ---- writing ----

bool isYaml11Keyword(std::string_view text) {
    static constexpr std::array words = {"y",     "n",    "yes", "no",   "on",    "off",   "true",
                                         "false", "null", "~",   ".inf", "-.inf", "+.inf", ".nan"};
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return std::find(words.begin(), words.end(), lower) != words.end();
}

// Whether some YAML reader (1.1 or 1.2) would resolve a plain scalar to a number: integers in any radix,
// with 1.1's underscores, floats, and 1.1's base-60 forms such as 12:30.
bool looksNumeric(const std::string &text) {
    static const std::regex number(R"([-+]?([0-9][0-9_]*|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+))"
                                   R"(|[-+]?([0-9][0-9_]*)?\.[0-9._]*([eE][-+]?[0-9]+)?)"
                                   R"(|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+)"
                                   R"(|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)");
    const char first = text.front();
    if (!std::isdigit(static_cast<unsigned char>(first)) && first != '+' && first != '-' && first != '.')
        return false;
    return text.size() > maxNumberLength || std::regex_match(text, number);
}

bool hasControlCharacters(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f;
    });
}

bool canBePlain(const std::string &text) {
    if (text.empty() || isYaml11Keyword(text) || looksNumeric(text) || hasControlCharacters(text))
        return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`= ").find(text.front()) != std::string_view::npos)
        return false;
    if (text.back() == ' ' || text.back() == ':' || text == "<<")
        return false;
    return text.find(": ") == std::string_view::npos && text.find(" #") == std::string_view::npos
           && text.find('\n') == std::string_view::npos && text.find('\t') == std::string_view::npos;
}

std::string doubleQuoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\x";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    return out + '"';
}

bool canBeLiteralBlock(std::string_view text) {
    return text.find('\n') != std::string_view::npos && !hasControlCharacters(text)
           && text.find('\r') == std::string_view::npos && text.find('\t') == std::string_view::npos;
}

class Writer {
public:
    std::string take() { return std::move(m_out); }

    void writeDocument(const Json &value) {
        if (value.is_object() && !value.empty())
            writeMapping(value, 0);
        else if (value.is_array() && !value.empty())
            writeSequence(value, 0);
        else if (value.is_string() && !canBePlain(value.get_ref<const std::string &>()))
            // A literal block at column 0 would end at a content line reading "---" or "...", or at one
            // that only looks like the start of another document: quote a top-level string instead.
            m_out += doubleQuoted(value.get_ref<const std::string &>()) + '\n';
        else
            m_out += scalarText(value, 0) + '\n';
    }

private:
    void indent(int columns) { m_out.append(static_cast<std::size_t>(columns), ' '); }

    static bool isCollection(const Json &value) {
        return (value.is_object() || value.is_array()) && !value.empty();
    }

    void writeMapping(const Json &object, int column, bool firstLineIndented = true) {
        bool first = true;
        for (const auto &[key, value] : object.items()) {
            if (!first || firstLineIndented)
                indent(column);
            first = false;
            m_out += canBePlain(key) ? key : doubleQuoted(key);
            m_out += ':';
            writeChild(value, column);
        }
    }

    void writeSequence(const Json &array, int column, bool firstLineIndented = true) {
        bool first = true;
        for (const Json &item : array) {
            if (!first || firstLineIndented)
                indent(column);
            first = false;
            m_out += '-';
            if (item.is_object() && !item.empty()) {
                m_out += ' ';
                writeMapping(item, column + 2, false);
            } else if (item.is_array() && !item.empty()) {
                m_out += ' ';
                writeSequence(item, column + 2, false);
            } else {
                m_out += ' ' + scalarText(item, column + 2) + '\n';
            }
        }
    }

    void writeChild(const Json &value, int column) {
        if (value.is_object() && !value.empty()) {
            m_out += '\n';
            writeMapping(value, column + 2);
        } else if (value.is_array() && !value.empty()) {
            m_out += '\n';
            writeSequence(value, column + 2);
        } else {
            m_out += ' ' + scalarText(value, column + 2) + '\n';
        }
    }

    static std::string scalarText(const Json &value, int blockIndent) {
        switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::object:
            return "{}";
        case Json::value_t::array:
            return "[]";
        case Json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case Json::value_t::string:
            return stringText(value.get_ref<const std::string &>(), blockIndent);
        default:
            return value.dump();
        }
    }

    static std::string stringText(const std::string &text, int blockIndent) {
        if (canBePlain(text))
            return text;
        if (!canBeLiteralBlock(text))
            return doubleQuoted(text);
        return literalBlock(text, blockIndent);
    }

    static std::string literalBlock(std::string_view text, int blockIndent) {
        std::string header = "|";
        if (text.front() == ' ' || text.front() == '\n')
            header += '2';
        const std::size_t lastContent = text.find_last_not_of('\n');
        const std::size_t trailingNewlines = text.size() - (lastContent + 1);
        if (trailingNewlines == 0)
            header += '-';
        else if (trailingNewlines > 1)
            header += '+';

        std::string out = header;
        const std::string_view body = trailingNewlines > 0 ? text.substr(0, lastContent + 1) : text;
        std::size_t start = 0;
        while (start <= body.size()) {
            const std::size_t end = std::min(body.find('\n', start), body.size());
            const std::string_view line = body.substr(start, end - start);
            out += '\n';
            if (!line.empty())
                out += std::string(static_cast<std::size_t>(blockIndent), ' ') + std::string(line);
            start = end + 1;
        }
        for (std::size_t i = 1; i < trailingNewlines; ++i)
            out += '\n';
        return out;
    }

    std::string m_out;
};

} // namespace

Result<Json> yamlToJson(const YAML::Node &node, const std::string &file) {
    Converter converter(file);
    return converter.convert(node, 0);
}

Result<Json> parseYaml(std::string_view text, const std::string &file) {
    auto loaded = loadYamlDocuments(text, file);
    if (!loaded) {
        loaded.error().message = "not valid YAML: " + loaded.error().message;
        return std::unexpected(std::move(loaded.error()));
    }
    const std::vector<YAML::Node> &documents = *loaded;
    if (documents.empty())
        return Json(nullptr);
    if (documents.size() > 1)
        return fail(ErrorKind::InvalidInput,
                    "expected one YAML document, found " + std::to_string(documents.size()), {file, 0, 0});
    try {
        return yamlToJson(documents.front(), file);
    } catch (const YAML::Exception &error) {
        return fail(ErrorKind::InvalidInput, "not valid YAML: " + error.msg, locationOf(error.mark, file));
    }
}

std::string toYaml(const Json &value) {
    Writer writer;
    writer.writeDocument(value);
    return writer.take();
}

std::string toYamlDocuments(const std::vector<Json> &documents) {
    std::string out;
    for (const Json &document : documents)
        out += "---\n" + toYaml(document);
    return out;
}

} // namespace otelconsole
