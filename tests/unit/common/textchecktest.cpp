// SPDX-License-Identifier: Apache-2.0
#include "common/textcheck.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using testing::HasSubstr;

namespace {

class YamlText : public testing::Test {
protected:
    static Error rejection(std::string_view text) {
        const auto checked = checkYamlText(text, "input.yaml");
        EXPECT_FALSE(checked) << "accepted: " << text;
        return checked ? Error{} : checked.error();
    }
};

TEST_F(YamlText, MultiByteCharactersAndByteOrderMark_AreAccepted) {
    EXPECT_TRUE(checkYamlText("\xEF\xBB\xBFname: caf\xC3\xA9 \xE2\x98\x83 \xF0\x9F\x93\x88\r\n\tx: 1\n"));
}

TEST_F(YamlText, InvalidByte_IsNamedWithLineAndColumn) {
    const Error error = rejection("a: 1\nname: \x93quoted\x94\n");

    EXPECT_THAT(error.message, HasSubstr("not valid UTF-8 (byte 0x93)"));
    EXPECT_EQ(error.location.file, "input.yaml");
    EXPECT_EQ(error.location.line, 2);
    EXPECT_EQ(error.location.column, 7);
}

TEST_F(YamlText, ColumnCountsCharactersNotBytes) {
    EXPECT_EQ(rejection("caf\xC3\xA9\xFF").location.column, 5);
}

struct InvalidSequenceRow {
    const char *what;
    std::string bytes;
};

class YamlTextInvalidSequence : public testing::TestWithParam<InvalidSequenceRow> {};

TEST_P(YamlTextInvalidSequence, IsRejected) {
    const auto checked = checkYamlText("x: " + GetParam().bytes + "\n");
    ASSERT_FALSE(checked) << GetParam().what;
    EXPECT_THAT(checked.error().message, HasSubstr("not valid UTF-8")) << GetParam().what;
}

INSTANTIATE_TEST_SUITE_P(Table, YamlTextInvalidSequence,
                         testing::Values(InvalidSequenceRow{"lone continuation", "\x80"},
                                         InvalidSequenceRow{"overlong slash", "\xC0\xAF"},
                                         InvalidSequenceRow{"overlong three bytes", "\xE0\x80\xAF"},
                                         InvalidSequenceRow{"UTF-16 surrogate", "\xED\xA0\x80"},
                                         InvalidSequenceRow{"above U+10FFFF", "\xF4\x90\x80\x80"},
                                         InvalidSequenceRow{"truncated", "\xE2\x98"},
                                         InvalidSequenceRow{"Latin-1 e acute", "caf\xE9"}));

TEST_F(YamlText, TruncatedSequenceAtTheEnd_IsRejected) {
    EXPECT_THAT(rejection("x: \xF0\x9F\x93").message, HasSubstr("not valid UTF-8"));
}

TEST_F(YamlText, NulByte_IsCalledBinaryData) {
    const Error error = rejection(std::string("a: 1\nb: x\0y\n", 12));

    EXPECT_THAT(error.message, HasSubstr("NUL byte"));
    EXPECT_EQ(error.location.line, 2);
    EXPECT_EQ(error.location.column, 5);
}

TEST_F(YamlText, ControlCharacter_SuggestsAnEscape) {
    EXPECT_THAT(rejection("a: \x1b[31mred\n").message, HasSubstr("0x1B is not allowed in YAML text"));
    EXPECT_THAT(rejection("a: \x1b[31mred\n").message, HasSubstr("\\x1B"));
}

TEST_F(YamlText, DeleteCharacter_IsRejected) {
    EXPECT_THAT(rejection("a: \x7f\n").message, HasSubstr("0x7F"));
}

class Utf8Validity : public testing::Test {};

TEST_F(Utf8Validity, WellFormedText_IsValid) {
    EXPECT_TRUE(isValidUtf8("caf\xC3\xA9 \xE2\x98\x83 \xF0\x9F\x93\x88"));
}

TEST_F(Utf8Validity, Latin1Text_IsNotValid) {
    EXPECT_FALSE(isValidUtf8("caf\xE9"));
}

} // namespace
