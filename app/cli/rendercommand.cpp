// SPDX-License-Identifier: Apache-2.0
#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/projectinput.h"
#include "render/renderer.h"

#include <QSaveFile>

namespace otelconsole::cli {

namespace {

bool writeOutput(const QString &target, const std::string &text, const Streams &streams) {
    if (target.isEmpty() || target == QLatin1String("-")) {
        std::fwrite(text.data(), 1, text.size(), streams.out);
        return true;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())
        || !file.commit()) {
        std::fprintf(streams.err, "error: cannot write %s: %s\n", qPrintable(target),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int runRender(const QStringList &arguments, const Streams &streams) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the Kubernetes manifests of an otel-console project."));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write to FILE instead of standard output (- for stdout)."), QStringLiteral("FILE"));
    parser.addOption(output);
    const auto path = parseProjectArguments(parser, QStringLiteral("render"), arguments, streams);
    if (!path)
        return path.error();

    const auto input = loadAndValidate(*path, streams);
    if (!input)
        return input.error();
    printDiagnostics(input->diagnostics, streams.err);
    if (hasErrors(input->diagnostics)) {
        std::fprintf(streams.err, "error: %s has errors; nothing was rendered\n", qPrintable(*path));
        return Failed;
    }

    const auto plan = renderPlan(input->loaded.project, Catalog::builtin());
    if (!plan) {
        std::fprintf(streams.err, "error: %s\n", plan.error().toString().c_str());
        return Failed;
    }
    return writeOutput(parser.value(output), plan->toYaml(), streams) ? Success : BadUsage;
}

} // namespace otelconsole::cli
