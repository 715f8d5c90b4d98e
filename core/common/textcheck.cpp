// SPDX-License-Identifier: Apache-2.0
#include "common/textcheck.h"

#include <cstdint>
#include <cstdio>

namespace otelconsole {

namespace {

/// How many bytes a UTF-8 sequence starting with `lead` has, or 0 when `lead` cannot start one.
int sequenceLength(std::uint8_t lead) {
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead <= 0xdf)
        return 2;
    if (lead >= 0xe0 && lead <= 0xef)
        return 3;
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    return 0;
}

/// Whether the second byte of a sequence is allowed after `lead`: this is where overlong forms,
/// UTF-16 surrogates and code points above U+10FFFF are ruled out.
bool validSecondByte(std::uint8_t lead, std::uint8_t second) {
    switch (lead) {
    case 0xe0:
        return second >= 0xa0 && second <= 0xbf;
    case 0xed:
        return second >= 0x80 && second <= 0x9f;
    case 0xf0:
        return second >= 0x90 && second <= 0xbf;
    case 0xf4:
        return second >= 0x80 && second <= 0x8f;
    default:
        return second >= 0x80 && second <= 0xbf;
    }
}

/// The length of the valid UTF-8 sequence at the start of `rest`, or 0 when it is not one.
int validSequenceAt(std::string_view rest) {
    const auto lead = static_cast<std::uint8_t>(rest.front());
    const int length = sequenceLength(lead);
    if (length <= 1 || rest.size() < static_cast<std::size_t>(length))
        return length == 1 ? 1 : 0;
    if (!validSecondByte(lead, static_cast<std::uint8_t>(rest[1])))
        return 0;
    for (int i = 2; i < length; ++i) {
        const auto next = static_cast<std::uint8_t>(rest[static_cast<std::size_t>(i)]);
        if (next < 0x80 || next > 0xbf)
            return 0;
    }
    return length;
}

std::string hexByte(std::uint8_t byte) {
    char text[5];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(byte));
    return text;
}

bool isForbiddenControl(std::uint8_t byte) {
    return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7f;
}

std::string controlMessage(std::uint8_t byte) {
    if (byte == 0)
        return "the text contains a NUL byte; a YAML file must be text, not binary data";
    return "the control character " + hexByte(byte)
           + " is not allowed in YAML text; inside a double-quoted string write it as an escape such as \\x"
           + hexByte(byte).substr(2);
}

} // namespace

bool isValidUtf8(std::string_view text) {
    while (!text.empty()) {
        const int length = validSequenceAt(text);
        if (length == 0)
            return false;
        text.remove_prefix(static_cast<std::size_t>(length));
    }
    return true;
}

Result<void> checkYamlText(std::string_view text, const std::string &file) {
    int line = 1;
    int column = 1;
    std::size_t position = 0;
    while (position < text.size()) {
        const std::string_view rest = text.substr(position);
        const auto byte = static_cast<std::uint8_t>(rest.front());
        const int length = validSequenceAt(rest);
        if (length == 0)
            return fail(ErrorKind::InvalidInput,
                        "the text is not valid UTF-8 (byte " + hexByte(byte) + "); save the file as UTF-8",
                        {file, line, column});
        if (length == 1 && isForbiddenControl(byte))
            return fail(ErrorKind::InvalidInput, controlMessage(byte), {file, line, column});

        position += static_cast<std::size_t>(length);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {};
}

} // namespace otelconsole
