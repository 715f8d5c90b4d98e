// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

#include <string_view>

// One category per part of the sandbox; warnings are on by default. The executable raises or lowers
// them all with --log-level, tests leave them alone.
Q_DECLARE_LOGGING_CATEGORY(lcSandboxServer)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxStore)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxApi)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxControllers)

namespace otelconsole::sandbox {

/// Enables the sandbox categories from the given level up: "error", "warn", "info" or "debug".
/// Returns false for an unknown level and changes nothing then.
bool setSandboxLogLevel(std::string_view level);

} // namespace otelconsole::sandbox
