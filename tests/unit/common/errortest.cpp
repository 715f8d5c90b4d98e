// SPDX-License-Identifier: Apache-2.0
#include "common/error.h"

#include <gtest/gtest.h>

using namespace otelconsole;

TEST(ErrorText, LocationPrefixesTheMessage) {
    const Error error{ErrorKind::InvalidInput, "unknown key \"replica\"", {"gateway.yaml", 7, 3}, {}, 0, {}};
    EXPECT_EQ(error.toString(), "gateway.yaml:7:3: unknown key \"replica\"");
}

TEST(ErrorText, LineWithoutFileSaysLine) {
    const Error error{ErrorKind::InvalidInput, "bad", {"", 4, 0}, {}, 0, {}};
    EXPECT_EQ(error.toString(), "line 4: bad");
}

TEST(ErrorText, NoLocationIsJustTheMessage) {
    auto result = Result<int>(fail(ErrorKind::Io, "cannot read"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().toString(), "cannot read");
    EXPECT_EQ(result.error().kind, ErrorKind::Io);
}
