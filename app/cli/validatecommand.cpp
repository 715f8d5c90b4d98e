// SPDX-License-Identifier: Apache-2.0
#include "cli/commands.h"
#include "cli/projectinput.h"

#include <algorithm>

namespace otelconsole::cli {

int runValidate(const QStringList &arguments, const Streams &streams) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the diagnostics of an otel-console project."));
    const auto path = parseProjectArguments(parser, QStringLiteral("validate"), arguments, streams);
    if (!path)
        return path.error();

    const auto input = loadAndValidate(*path, streams);
    if (!input)
        return input.error();

    printDiagnostics(input->diagnostics, streams.out);
    const auto count = [&](Severity severity) {
        return std::count_if(input->diagnostics.begin(), input->diagnostics.end(),
                             [&](const Diagnostic &d) { return d.severity == severity; });
    };
    std::fprintf(streams.out, "%s: %ld error(s), %ld warning(s), %ld info\n", qPrintable(*path),
                 static_cast<long>(count(Severity::Error)), static_cast<long>(count(Severity::Warning)),
                 static_cast<long>(count(Severity::Info)));
    return hasErrors(input->diagnostics) ? Failed : Success;
}

} // namespace otelconsole::cli
