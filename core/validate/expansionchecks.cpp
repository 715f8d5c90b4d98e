// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <array>
#include <optional>

namespace otelconsole {

namespace {

bool isNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
}

/// The first `$NAME` in the text that is neither `${...}` nor escaped as `$$`.
std::optional<std::string> findBashVariable(std::string_view text) {
    for (std::size_t index = 0; index + 1 < text.size(); ++index) {
        if (text[index] != '$')
            continue;
        if (text[index + 1] == '$') {
            ++index;
            continue;
        }
        if (!isNameStart(text[index + 1]))
            continue;
        std::size_t end = index + 1;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        return std::string(text.substr(index + 1, end - index - 1));
    }
    return std::nullopt;
}

void reportVariable(ValidationContext &context, const std::string &path, const std::string &text,
                    const std::string &variable) {
    context.report(Severity::Warning, "config.bash-expansion", path,
                   "\"" + text + "\" uses $" + variable
                       + ", a bash-style reference the collector stopped expanding in v0.104 (for good in "
                         "v0.107); it is now kept as literal text",
                   "write ${env:" + variable + "} to read the environment variable, or $$" + variable
                       + " for a literal dollar sign");
}

void scan(ValidationContext &context, const Json &value, const std::string &path) {
    if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        if (const std::optional<std::string> variable = findBashVariable(text))
            reportVariable(context, path, text, *variable);
    } else if (value.is_object()) {
        for (const auto &[key, child] : value.items())
            scan(context, child, path + "." + key);
    } else if (value.is_array()) {
        for (std::size_t index = 0; index < value.size(); ++index)
            scan(context, value[index], path + "[" + std::to_string(index) + "]");
    }
}

} // namespace

void checkEnvExpansion(ValidationContext &context) {
    constexpr std::array<ComponentKind, 5> kinds{ComponentKind::Receiver, ComponentKind::Processor,
                                                 ComponentKind::Exporter, ComponentKind::Extension,
                                                 ComponentKind::Connector};
    for (const ComponentKind kind : kinds) {
        for (const Component &component : context.components(kind))
            scan(context, component.config, ValidationContext::componentPath(kind, component.id));
    }
    scan(context, context.project().collector.telemetry, "collector.service.telemetry");
}

} // namespace otelconsole
