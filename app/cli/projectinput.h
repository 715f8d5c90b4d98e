// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/commandline.h"
#include "model/projectfile.h"
#include "validate/diagnostic.h"

#include <QCommandLineParser>

#include <expected>
#include <vector>

namespace otelconsole::cli {

/// A project read from the command line's PROJECT argument, with its diagnostics.
struct ProjectInput {
    LoadedProject loaded;
    std::vector<Diagnostic> diagnostics;
};

/// Parses `arguments` with `parser` (the subcommand name is supplied as program name) and checks that
/// exactly one positional PROJECT argument is given; prints what is wrong and returns BadUsage if not.
[[nodiscard]] std::expected<QString, int> parseProjectArguments(QCommandLineParser &parser,
                                                                const QString &command,
                                                                const QStringList &arguments,
                                                                const Streams &streams);

/// Loads and validates a project. An unreadable file gives BadUsage, a malformed one Failed; either way
/// the reason has been printed.
[[nodiscard]] std::expected<ProjectInput, int> loadAndValidate(const QString &path, const Streams &streams);

/// One line per diagnostic, as `file:line:column: severity: message (fix: ...)`.
void printDiagnostics(const std::vector<Diagnostic> &diagnostics, std::FILE *stream);

} // namespace otelconsole::cli
