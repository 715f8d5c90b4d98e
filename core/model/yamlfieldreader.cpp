// SPDX-License-Identifier: Apache-2.0
#include "model/yamlfieldreader.h"

#include "common/yaml.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace otelconsole {

namespace {

std::string joinedKeys(std::span<const std::string_view> keys) {
    std::string text;
    for (const std::string_view key : keys) {
        if (!text.empty())
            text += ", ";
        text += key;
    }
    return text;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

/// " (did you mean "replicas"?)" for a near miss, so a typo is fixed without reading the whole list.
std::string closestKeyHint(std::string_view key, std::span<const std::string_view> allowed) {
    constexpr std::size_t maxTypoDistance = 2;
    std::string_view best;
    std::size_t bestDistance = maxTypoDistance + 1;
    for (const std::string_view candidate : allowed) {
        const std::size_t distance = editDistance(key, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best.empty() ? std::string() : " (did you mean \"" + std::string(best) + "\"?)";
}

bool isPlain(const YAML::Node &node) {
    return node.IsScalar() && node.Tag() != "!";
}

} // namespace

const YamlEntry *YamlMap::find(std::string_view key) const {
    const auto found =
        std::find_if(entries.begin(), entries.end(), [key](const YamlEntry &e) { return e.key == key; });
    return found == entries.end() ? nullptr : &*found;
}

YamlFieldReader::YamlFieldReader(std::string file, std::string rootName, SourceMap *sources)
    : m_file(std::move(file))
    , m_rootName(std::move(rootName))
    , m_sources(sources) {}

void YamlFieldReader::fail(const YAML::Mark &mark, std::string message) {
    if (!failed())
        m_error = Error{ErrorKind::InvalidInput, std::move(message), locate(mark), {}, 0, {}};
}

void YamlFieldReader::fail(const YAML::Mark &mark, Error error) {
    if (failed())
        return;
    if (error.location.line == 0)
        error.location = locate(mark);
    m_error = std::move(error);
}

std::optional<YamlMap> YamlFieldReader::map(const YAML::Node &node, const std::string &path,
                                            std::span<const std::string_view> allowed) {
    if (failed())
        return std::nullopt;
    YamlMap result{path, {}};
    if (node.IsNull())
        return result;
    if (!node.IsMap()) {
        fail(node.Mark(), "expected a map for " + describe(path) + ", found " + shapeOf(node));
        return std::nullopt;
    }

    // Indexes into result.entries by key: a scan of the earlier keys for each new one would make a
    // mapping of a few hundred thousand keys take minutes.
    std::unordered_map<std::string, std::size_t> indexOfKey;
    for (const auto &pair : node) {
        const auto earlier = pair.first.IsScalar() ? indexOfKey.find(pair.first.Scalar()) : indexOfKey.end();
        if (!checkKey(pair.first, path,
                      earlier == indexOfKey.end() ? nullptr : &result.entries[earlier->second], allowed))
            return std::nullopt;
        const std::string &key = pair.first.Scalar();
        indexOfKey.emplace(key, result.entries.size());
        YamlEntry entry{key, childPath(path, key), pair.first, pair.second};
        record(entry.path, pair.first.Mark());
        result.entries.push_back(std::move(entry));
    }
    return result;
}

std::optional<YamlMap> YamlFieldReader::map(const YamlMap &parent, std::string_view key,
                                            std::span<const std::string_view> allowed) {
    const YamlEntry *entry = parent.find(key);
    if (!entry)
        return std::nullopt;
    return map(entry->value, entry->path, allowed);
}

std::vector<YamlEntry> YamlFieldReader::list(const YAML::Node &node, const std::string &path) {
    std::vector<YamlEntry> items;
    if (failed() || node.IsNull())
        return items;
    if (!node.IsSequence()) {
        fail(node.Mark(), "expected a list for " + describe(path) + ", found " + shapeOf(node));
        return items;
    }

    for (const YAML::Node &item : node) {
        YamlEntry entry{{}, path + '[' + std::to_string(items.size()) + ']', {}, item};
        record(entry.path, item.Mark());
        items.push_back(std::move(entry));
    }
    return items;
}

std::vector<YamlEntry> YamlFieldReader::list(const YamlMap &parent, std::string_view key) {
    const YamlEntry *entry = parent.find(key);
    if (!entry)
        return {};
    return list(entry->value, entry->path);
}

void YamlFieldReader::read(const YamlMap &parent, std::string_view key, std::string &out) {
    const YamlEntry *entry = parent.find(key);
    if (!entry)
        return;
    if (auto text = string(*entry))
        out = std::move(*text);
}

void YamlFieldReader::read(const YamlMap &parent, std::string_view key, int &out) {
    const YamlEntry *entry = parent.find(key);
    if (!entry)
        return;
    if (const auto value = integer(*entry))
        out = *value;
}

void YamlFieldReader::read(const YamlMap &parent, std::string_view key, std::optional<int> &out) {
    const YamlEntry *entry = parent.find(key);
    if (!entry)
        return;
    if (const auto value = integer(*entry))
        out = *value;
}

void YamlFieldReader::read(const YamlMap &parent, std::string_view key, bool &out) {
    const YamlEntry *entry = parent.find(key);
    if (!entry || failed())
        return;
    const YAML::Node &node = entry->value;
    const std::string text = isPlain(node) ? node.Scalar() : std::string();
    if (text == "true" || text == "True" || text == "TRUE")
        out = true;
    else if (text == "false" || text == "False" || text == "FALSE")
        out = false;
    else
        expected("true or false", *entry);
}

void YamlFieldReader::read(const YamlMap &parent, std::string_view key, std::vector<std::string> &out) {
    const YamlEntry *entry = parent.find(key);
    if (!entry)
        return;
    std::vector<std::string> values;
    for (const YamlEntry &item : list(entry->value, entry->path)) {
        if (auto text = string(item))
            values.push_back(std::move(*text));
    }
    if (!failed())
        out = std::move(values);
}

void YamlFieldReader::read(const YamlMap &parent, std::string_view key,
                           std::vector<std::pair<std::string, std::string>> &out) {
    const auto pairs = map(parent, key, {});
    if (!pairs)
        return;
    std::vector<std::pair<std::string, std::string>> values;
    for (const YamlEntry &entry : pairs->entries) {
        if (auto text = string(entry))
            values.emplace_back(entry.key, std::move(*text));
    }
    if (!failed())
        out = std::move(values);
}

std::optional<std::string> YamlFieldReader::string(const YamlEntry &entry) {
    if (failed())
        return std::nullopt;
    if (entry.value.IsScalar())
        return entry.value.Scalar();
    expected("a string", entry);
    return std::nullopt;
}

std::optional<int> YamlFieldReader::integer(const YamlEntry &entry) {
    if (failed())
        return std::nullopt;
    if (isPlain(entry.value)) {
        std::string_view text = entry.value.Scalar();
        if (text.starts_with('+'))
            text.remove_prefix(1);
        int value = 0;
        const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (end == text.data() + text.size() && status == std::errc())
            return value;
        if (end == text.data() + text.size() && status == std::errc::result_out_of_range) {
            fail(entry.value.Mark(), entry.path + " is out of range: " + entry.value.Scalar());
            return std::nullopt;
        }
    }
    expected("an integer", entry);
    return std::nullopt;
}

std::optional<Json> YamlFieldReader::json(const YamlEntry &entry) {
    if (failed())
        return std::nullopt;
    auto value = yamlToJson(entry.value, m_file);
    if (!value) {
        fail(entry.value.Mark(), std::move(value.error()));
        return std::nullopt;
    }
    recordNested(entry.value, entry.path);
    return std::move(*value);
}

std::string YamlFieldReader::describe(const std::string &path) const {
    return path.empty() ? m_rootName : path;
}

std::string YamlFieldReader::childPath(const std::string &parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + '.' + std::string(key);
}

std::string YamlFieldReader::shapeOf(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return (node.Tag() == "!" ? "the quoted string \"" : "\"") + node.Scalar() + '"';
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "a map";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return "nothing";
}

SourceLocation YamlFieldReader::locate(const YAML::Mark &mark) const {
    if (mark.is_null())
        return {m_file, 0, 0};
    // yaml-cpp counts lines and columns from zero.
    return {m_file, mark.line + 1, mark.column + 1};
}

void YamlFieldReader::record(const std::string &path, const YAML::Mark &mark) {
    if (m_sources)
        m_sources->add(path, locate(mark));
}

void YamlFieldReader::recordNested(const YAML::Node &node, const std::string &path) {
    if (node.IsMap()) {
        for (const auto &pair : node) {
            const std::string child = childPath(path, pair.first.Scalar());
            record(child, pair.first.Mark());
            recordNested(pair.second, child);
        }
    } else if (node.IsSequence()) {
        std::size_t index = 0;
        for (const YAML::Node &item : node) {
            const std::string child = path + '[' + std::to_string(index++) + ']';
            record(child, item.Mark());
            recordNested(item, child);
        }
    }
}

bool YamlFieldReader::checkKey(const YAML::Node &keyNode, const std::string &path, const YamlEntry *earlier,
                               std::span<const std::string_view> allowed) {
    if (!keyNode.IsScalar()) {
        fail(keyNode.Mark(), "a key in " + describe(path) + " must be plain text, found " + shapeOf(keyNode));
        return false;
    }

    const std::string &key = keyNode.Scalar();
    if (earlier) {
        fail(keyNode.Mark(), "duplicate key \"" + key + "\" in " + describe(path) + " (first at line "
                                 + std::to_string(earlier->keyNode.Mark().line + 1) + ")");
        return false;
    }

    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        fail(keyNode.Mark(), "unknown key \"" + key + "\" in " + describe(path) + closestKeyHint(key, allowed)
                                 + "; expected one of: " + joinedKeys(allowed));
        return false;
    }
    return true;
}

void YamlFieldReader::expected(std::string_view what, const YamlEntry &entry) {
    // An empty value has no useful position of its own; its key does.
    const bool emptyMapValue = entry.value.IsNull() && !entry.key.empty();
    const YAML::Mark mark = emptyMapValue ? entry.keyNode.Mark() : entry.value.Mark();
    fail(mark, "expected " + std::string(what) + " for " + entry.path + ", found " + shapeOf(entry.value));
}

} // namespace otelconsole
