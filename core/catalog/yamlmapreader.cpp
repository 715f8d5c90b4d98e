// SPDX-License-Identifier: Apache-2.0
#include "catalog/yamlmapreader.h"

#include "common/yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>

namespace otelconsole {

namespace {

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string joined(std::initializer_list<std::string_view> words) {
    std::string text;
    for (const std::string_view word : words)
        text += (text.empty() ? "" : ", ") + std::string(word);
    return text;
}

} // namespace

bool YamlMapReader::isAbsent(const YAML::Node &node) {
    // Check IsDefined first: a missing key yields an invalid node on which IsNull() would throw.
    return !node.IsDefined() || node.IsNull();
}

SourceLocation YamlMapReader::location(const YAML::Mark &mark) const {
    if (mark.is_null())
        return {m_file, 0, 0};
    return {m_file, mark.line + 1, mark.column + 1};
}

Result<void> YamlMapReader::expectMap(const YAML::Node &node, std::string_view what,
                                      std::initializer_list<std::string_view> keys) const {
    if (!node.IsDefined() || !node.IsMap())
        return error(node, std::string(what) + " must be a map");

    for (const auto &entry : node) {
        if (!entry.first.IsScalar())
            return error(entry.first, "keys in " + std::string(what) + " must be plain words");
        const std::string &key = entry.first.Scalar();
        if (std::ranges::find(keys, std::string_view(key)) == keys.end())
            return error(entry.first, "unknown key " + inQuotes(key) + " in " + std::string(what)
                                          + "; expected one of " + joined(keys));
    }
    return {};
}

Result<std::string> YamlMapReader::text(const YAML::Node &map, std::string_view key, bool required) const {
    const YAML::Node value = map[std::string(key)];
    if (isAbsent(value)) {
        if (required)
            return error(map, inQuotes(key) + " is missing");
        return std::string();
    }
    if (!value.IsScalar())
        return error(value, inQuotes(key) + " must be a single value");
    return value.Scalar();
}

Result<std::vector<std::string>> YamlMapReader::texts(const YAML::Node &map, std::string_view key,
                                                      bool required) const {
    const YAML::Node sequence = map[std::string(key)];
    if (isAbsent(sequence)) {
        if (required)
            return error(map, inQuotes(key) + " is missing");
        return std::vector<std::string>();
    }
    if (!sequence.IsSequence())
        return error(sequence, inQuotes(key) + " must be a list");

    std::vector<std::string> values;
    for (const YAML::Node &item : sequence) {
        if (!item.IsScalar())
            return error(item, "the items of " + inQuotes(key) + " must be single values");
        values.push_back(item.Scalar());
    }
    return values;
}

Result<bool> YamlMapReader::flag(const YAML::Node &map, std::string_view key, bool fallback) const {
    const YAML::Node value = map[std::string(key)];
    if (isAbsent(value))
        return fallback;
    if (value.IsScalar() && (value.Scalar() == "true" || value.Scalar() == "false"))
        return value.Scalar() == "true";
    return error(value, inQuotes(key) + " must be true or false");
}

Result<int> YamlMapReader::number(const YAML::Node &map, std::string_view key) const {
    const auto word = text(map, key);
    if (!word)
        return std::unexpected(word.error());

    int value = 0;
    const char *end = word->data() + word->size();
    const auto [next, failure] = std::from_chars(word->data(), end, value);
    if (word->empty() || failure != std::errc() || next != end)
        return error(map[std::string(key)],
                     inQuotes(key) + " must be a whole number, not " + inQuotes(*word));
    return value;
}

Result<Version> YamlMapReader::version(const YAML::Node &map, std::string_view key) const {
    const auto word = text(map, key);
    if (!word)
        return std::unexpected(word.error());

    const auto parsed = Version::parse(*word);
    if (!parsed)
        return error(map[std::string(key)], inQuotes(*word) + " is not a release such as 0.159.0");
    return *parsed;
}

Result<Json> YamlMapReader::json(const YAML::Node &map, std::string_view key) const {
    const YAML::Node value = map[std::string(key)];
    if (!value.IsDefined())
        return Json();
    return yamlToJson(value, m_file);
}

std::unexpected<Error> YamlMapReader::error(const YAML::Node &node, std::string message) const {
    const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
    return fail(ErrorKind::InvalidInput, std::move(message), location(mark));
}

} // namespace otelconsole
