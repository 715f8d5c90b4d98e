// SPDX-License-Identifier: Apache-2.0
#include "monitor/prometheustext.h"

#include "common/textcheck.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace otelconsole {

namespace {

bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
}

/// Reads one sample line left to right; every method returns false (with a reason) on malformed input.
class SampleLineReader {
public:
    explicit SampleLineReader(std::string_view line)
        : m_line(line) {}

    bool read(MetricSample &sample) {
        if (!readName(sample.name, true))
            return false;
        if (peek() == '{' && !readLabels(sample.labels))
            return false;
        if (!skipBlanks(true))
            return failWith("expected a value after the series name");
        if (!readValue(sample.value))
            return false;
        if (!skipBlanks(false))
            return true;
        if (atEnd())
            return true;
        std::int64_t timestamp = 0;
        if (!readTimestamp(timestamp))
            return false;
        sample.timestampMs = timestamp;
        skipBlanks(false);
        return atEnd() || failWith("unexpected text after the timestamp");
    }

    [[nodiscard]] const std::string &reason() const { return m_reason; }
    [[nodiscard]] int column() const { return static_cast<int>(m_position) + 1; }

private:
    bool readName(std::string &name, bool allowColon) {
        const std::size_t start = m_position;
        if (atEnd() || !isNameStart(peek()) || (!allowColon && peek() == ':'))
            return failWith("expected a metric or label name");
        while (!atEnd() && isNameChar(peek()) && (allowColon || peek() != ':'))
            ++m_position;
        name.assign(m_line.substr(start, m_position - start));
        return true;
    }

    bool readLabels(std::vector<std::pair<std::string, std::string>> &labels) {
        ++m_position; // '{'
        while (true) {
            skipBlanks(false);
            if (peek() == '}') {
                ++m_position;
                return true;
            }
            std::string key;
            std::string value;
            if (!readName(key, false))
                return false;
            skipBlanks(false);
            if (peek() != '=')
                return failWith("expected '=' after label name \"" + key + "\"");
            ++m_position;
            skipBlanks(false);
            if (!readQuoted(value))
                return false;
            labels.emplace_back(std::move(key), std::move(value));
            skipBlanks(false);
            if (peek() == ',')
                ++m_position;
            else if (peek() != '}')
                return failWith("expected ',' or '}' in the label set");
        }
    }

    bool readQuoted(std::string &value) {
        if (peek() != '"')
            return failWith("expected a quoted label value");
        ++m_position;
        while (!atEnd() && peek() != '"') {
            char c = m_line[m_position++];
            if (c == '\\') {
                if (atEnd())
                    break;
                const char escaped = m_line[m_position++];
                if (escaped != '\\' && escaped != '"' && escaped != 'n')
                    return failWith(std::string("unknown escape \\") + escaped + " in a label value");
                c = escaped == 'n' ? '\n' : escaped;
            }
            value.push_back(c);
        }
        if (atEnd())
            return failWith("unterminated label value");
        ++m_position;
        return true;
    }

    bool readValue(double &value) {
        const std::string_view token = nextToken();
        if (token == "+Inf" || token == "Inf") {
            value = std::numeric_limits<double>::infinity();
            return true;
        }
        if (token == "-Inf") {
            value = -std::numeric_limits<double>::infinity();
            return true;
        }
        if (token == "NaN") {
            value = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        const std::string_view digits = token.starts_with('+') ? token.substr(1) : token;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()
            || !std::isfinite(value))
            return failWith("\"" + std::string(token) + "\" is not a number");
        return true;
    }

    bool readTimestamp(std::int64_t &timestamp) {
        const std::string_view token = nextToken();
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), timestamp);
        if (token.empty() || error != std::errc() || end != token.data() + token.size())
            return failWith("\"" + std::string(token) + "\" is not a timestamp in milliseconds");
        return true;
    }

    std::string_view nextToken() {
        const std::size_t start = m_position;
        while (!atEnd() && peek() != ' ' && peek() != '\t')
            ++m_position;
        return m_line.substr(start, m_position - start);
    }

    /// Skips spaces and tabs; returns whether any were skipped (or, when not required, always true).
    bool skipBlanks(bool required) {
        const std::size_t start = m_position;
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_position;
        return !required || m_position > start;
    }

    bool failWith(std::string reason) {
        m_reason = std::move(reason);
        return false;
    }

    [[nodiscard]] bool atEnd() const { return m_position >= m_line.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_line[m_position]; }

    std::string_view m_line;
    std::size_t m_position = 0;
    std::string m_reason;
};

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    return line;
}

} // namespace

std::string MetricSample::label(std::string_view key) const {
    for (const auto &[labelName, labelValue] : labels) {
        if (labelName == key)
            return labelValue;
    }
    return {};
}

Result<std::vector<MetricSample>> parsePrometheusText(std::string_view text) {
    std::vector<MetricSample> samples;
    int lineNumber = 0;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view rawLine = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++lineNumber;

        const std::string_view line = trimmed(rawLine);
        if (line.empty() || line.front() == '#')
            continue;
        // The exposition format is UTF-8; anything else would reach the charts as garbled labels.
        if (!isValidUtf8(line))
            return fail(ErrorKind::InvalidInput, "malformed metrics line: the text is not valid UTF-8",
                        SourceLocation{{}, lineNumber, 1});

        MetricSample sample;
        SampleLineReader reader(line);
        if (!reader.read(sample)) {
            const int indent = static_cast<int>(line.data() - rawLine.data());
            return fail(ErrorKind::InvalidInput, "malformed metrics line: " + reader.reason(),
                        SourceLocation{{}, lineNumber, indent + reader.column()});
        }
        samples.push_back(std::move(sample));
    }
    return samples;
}

} // namespace otelconsole
