// SPDX-License-Identifier: Apache-2.0
// loadYamlDocuments(): yaml-cpp behind the checks it lacks.
#include "common/textcheck.h"
#include "common/yaml.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <sstream>

namespace otelconsole {

namespace {

SourceLocation locationOf(const YAML::Mark &mark, const std::string &file) {
    if (mark.is_null())
        return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

/// Remembers where the current document starts and ignores every other event.
class DocumentStartTracker : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark &mark) override { m_start = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

    [[nodiscard]] const YAML::Mark &start() const { return m_start; }

private:
    YAML::Mark m_start;
};

/// Where yaml-cpp 0.7's LoadAll() would loop forever: on some malformed streams (a ',' outside any flow
/// collection) its parser reports an empty document without consuming anything, again and again, while
/// memory fills with null documents. Walking the events first finds the spot: a document that starts
/// where the previous one did.
std::optional<YAML::Mark> endlessDocumentStart(const std::string &text) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentStartTracker events;
    std::optional<int> previousStart;
    while (parser.HandleNextDocument(events)) {
        if (previousStart == events.start().pos)
            return events.start();
        previousStart = events.start().pos;
    }
    return std::nullopt;
}

std::string unexpectedText(const std::string &text, const YAML::Mark &mark) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size())
        return "unexpected text";
    return "unexpected \"" + std::string(1, text[static_cast<std::size_t>(mark.pos)])
           + "\" where a value should start";
}

} // namespace

Result<std::vector<YAML::Node>> loadYamlDocuments(std::string_view text, const std::string &file) {
    if (auto readable = checkYamlText(text, file); !readable)
        return std::unexpected(std::move(readable.error()));

    const std::string document(text);
    try {
        if (const auto stuck = endlessDocumentStart(document))
            return fail(ErrorKind::InvalidInput, unexpectedText(document, *stuck), locationOf(*stuck, file));
        return YAML::LoadAll(document);
    } catch (const YAML::DeepRecursion &error) {
        return fail(ErrorKind::InvalidInput,
                    "the document nests more than " + std::to_string(error.depth()) + " levels deep",
                    locationOf(error.mark, file));
    } catch (const YAML::Exception &error) {
        return fail(ErrorKind::InvalidInput, error.msg, locationOf(error.mark, file));
    }
}

} // namespace otelconsole
