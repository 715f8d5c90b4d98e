// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

#include <cstdio>

namespace otelconsole::cli {

/// Exit statuses shared by every subcommand.
enum ExitCode { Success = 0, Failed = 1, BadUsage = 2 };

/// Where a command writes: standard output for results, standard error for diagnostics and progress.
struct Streams {
    std::FILE *out = stdout;
    std::FILE *err = stderr;
};

/// Whether `name` is a subcommand (render, validate, ...); anything else starts the GUI.
[[nodiscard]] bool isSubcommand(const QString &name);

/// Runs `otel-console <subcommand> <arguments...>`; `arguments` excludes the program name.
[[nodiscard]] int runSubcommand(const QStringList &arguments, const Streams &streams = {});

/// The text printed by `otel-console --help`.
[[nodiscard]] QString usageText();

} // namespace otelconsole::cli
