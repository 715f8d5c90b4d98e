// SPDX-License-Identifier: Apache-2.0
#include "cli/projectinput.h"

#include "catalog/catalog.h"
#include "validate/validator.h"

namespace otelconsole::cli {

namespace {

void printLine(std::FILE *stream, const std::string &text) {
    std::fputs(text.c_str(), stream);
    std::fputc('\n', stream);
}

} // namespace

std::expected<QString, int> parseProjectArguments(QCommandLineParser &parser, const QString &command,
                                                  const QStringList &arguments, const Streams &streams) {
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file (YAML)."));
    if (!parser.parse(QStringList{command} + arguments)) {
        printLine(streams.err,
                  "otel-console " + command.toStdString() + ": " + parser.errorText().toStdString());
        return std::unexpected(BadUsage);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printLine(streams.err, "otel-console " + command.toStdString() + ": expected one PROJECT file, got "
                                   + std::to_string(positional.size()) + "\n"
                                   + parser.helpText().toStdString());
        return std::unexpected(BadUsage);
    }
    return positional.front();
}

std::expected<ProjectInput, int> loadAndValidate(const QString &path, const Streams &streams) {
    auto loaded = loadProjectFile(path.toStdString());
    if (!loaded) {
        printLine(streams.err, "error: " + loaded.error().toString());
        const bool unreadable =
            loaded.error().kind == ErrorKind::Io || loaded.error().kind == ErrorKind::NotFound;
        return std::unexpected(unreadable ? BadUsage : Failed);
    }
    ProjectInput input{std::move(*loaded), {}};
    input.diagnostics = validateProject(input.loaded.project, Catalog::builtin(), &input.loaded.sources);
    return input;
}

void printDiagnostics(const std::vector<Diagnostic> &diagnostics, std::FILE *stream) {
    for (const Diagnostic &diagnostic : diagnostics)
        printLine(stream, diagnostic.toString());
}

} // namespace otelconsole::cli
