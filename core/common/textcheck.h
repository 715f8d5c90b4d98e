// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

#include <string>
#include <string_view>

namespace otelconsole {

/// Whether `text` is well-formed UTF-8: no overlong forms, surrogates or code points above U+10FFFF.
[[nodiscard]] bool isValidUtf8(std::string_view text);

/// Checks that `text` is what YAML allows a stream to be, which yaml-cpp itself does not check: UTF-8
/// (an optional byte order mark included) without control characters other than tab, line feed and
/// carriage return. The error names the line and column of the first offending byte, so a file saved in
/// another encoding or a binary pasted by mistake is reported instead of loading as garbled strings
/// that fail later, far from their cause.
[[nodiscard]] Result<void> checkYamlText(std::string_view text, const std::string &file = {});

} // namespace otelconsole
