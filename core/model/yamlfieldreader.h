// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "model/projectfile.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace otelconsole {

/// One entry of a YAML map or list, with the field path it stands for (`hpa.min_replicas`, `tolerations[0]`).
struct YamlEntry {
    std::string key; ///< empty for list items
    std::string path;
    YAML::Node keyNode;
    YAML::Node value;
};

/// A YAML map whose keys were checked: unique, plain text and among the allowed ones.
struct YamlMap {
    std::string path; ///< empty for the document itself
    std::vector<YamlEntry> entries;

    [[nodiscard]] const YamlEntry *find(std::string_view key) const;
};

/// Reads typed fields out of a YAML tree for the file loaders: checks keys and types, records where each
/// field stands in a SourceMap, and keeps the first problem it finds. Once a problem is recorded every
/// later read does nothing, so a loader can read a whole section and check failed() once at the end.
class YamlFieldReader {
public:
    /// `rootName` names the document in messages ("the project"); `sources` may be null.
    YamlFieldReader(std::string file, std::string rootName, SourceMap *sources);

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const Error &error() const { return *m_error; }
    /// Records a problem at `mark` unless an earlier one is already recorded.
    void fail(const YAML::Mark &mark, std::string message);
    /// Takes over an error found elsewhere (by yamlToJson), filling in the location when it has none.
    void fail(const YAML::Mark &mark, Error error);

    /// `node` as a map whose keys are all in `allowed` (any key when `allowed` is empty). A null node
    /// reads as an empty map, so `hpa:` with nothing after it means "all defaults".
    std::optional<YamlMap> map(const YAML::Node &node, const std::string &path,
                               std::span<const std::string_view> allowed);
    /// The map under `key` of `parent`; nullopt when the key is absent or on error.
    std::optional<YamlMap> map(const YamlMap &parent, std::string_view key,
                               std::span<const std::string_view> allowed);
    /// The items of the list `node`, each with its path `path[i]`; a null node reads as an empty list.
    std::vector<YamlEntry> list(const YAML::Node &node, const std::string &path);
    /// The items of the list under `key` of `parent`; empty when the key is absent.
    std::vector<YamlEntry> list(const YamlMap &parent, std::string_view key);

    // Each read leaves `out` untouched when `key` is absent from `parent`.
    void read(const YamlMap &parent, std::string_view key, std::string &out);
    void read(const YamlMap &parent, std::string_view key, int &out);
    void read(const YamlMap &parent, std::string_view key, std::optional<int> &out);
    void read(const YamlMap &parent, std::string_view key, bool &out);
    void read(const YamlMap &parent, std::string_view key, std::vector<std::string> &out);
    void read(const YamlMap &parent, std::string_view key,
              std::vector<std::pair<std::string, std::string>> &out);

    /// Reads one of the spellings `choices` lists, converted by `fromString`.
    template<typename Enum>
    void readChoice(const YamlMap &parent, std::string_view key, Enum &out,
                    std::optional<Enum> (*fromString)(std::string_view), std::string_view choices);

    [[nodiscard]] std::optional<std::string> string(const YamlEntry &entry);
    [[nodiscard]] std::optional<int> integer(const YamlEntry &entry);
    /// The node converted with yamlToJson, recording a location for every nested setting.
    [[nodiscard]] std::optional<Json> json(const YamlEntry &entry);

    /// "the project" for the document, the field path otherwise.
    [[nodiscard]] std::string describe(const std::string &path) const;
    [[nodiscard]] static std::string childPath(const std::string &parent, std::string_view key);
    /// How a value looks in a message: `"three"`, `a list`, `a map`, `nothing`.
    [[nodiscard]] static std::string shapeOf(const YAML::Node &node);

private:
    [[nodiscard]] SourceLocation locate(const YAML::Mark &mark) const;
    void record(const std::string &path, const YAML::Mark &mark);
    void recordNested(const YAML::Node &node, const std::string &path);
    /// `earlier` is the entry of the same map with the same key, if there is one.
    bool checkKey(const YAML::Node &keyNode, const std::string &path, const YamlEntry *earlier,
                  std::span<const std::string_view> allowed);
    void expected(std::string_view what, const YamlEntry &entry);

    std::string m_file;
    std::string m_rootName;
    SourceMap *m_sources = nullptr;
    std::optional<Error> m_error;
};

template<typename Enum>
void YamlFieldReader::readChoice(const YamlMap &parent, std::string_view key, Enum &out,
                                 std::optional<Enum> (*fromString)(std::string_view),
                                 std::string_view choices) {
    const YamlEntry *entry = parent.find(key);
    if (!entry || failed())
        return;
    const auto text = string(*entry);
    if (!text)
        return;
    if (const auto value = fromString(*text)) {
        out = *value;
        return;
    }
    fail(entry->value.Mark(),
         "unknown " + entry->path + " \"" + *text + "\"; expected one of: " + std::string(choices));
}

} // namespace otelconsole
