// SPDX-License-Identifier: Apache-2.0
#include "cli/commandline.h"

#include "cli/commands.h"

#include <functional>
#include <map>

namespace otelconsole::cli {

namespace {

using Command = std::function<int(const QStringList &, const Streams &)>;

const std::map<QString, Command> &commands() {
    static const std::map<QString, Command> table = {
        {QStringLiteral("render"), runRender},
        {QStringLiteral("validate"), runValidate},
    };
    return table;
}

} // namespace

bool isSubcommand(const QString &name) {
    return commands().contains(name) || name == QLatin1String("help") || name == QLatin1String("--help")
           || name == QLatin1String("-h");
}

QString usageText() {
    return QStringLiteral(
        "Usage: otel-console [COMMAND] [ARGS...]\n"
        "\n"
        "Without a command, opens the desktop console.\n"
        "\n"
        "Commands:\n"
        "  render PROJECT [-o FILE|-]   write the project's Kubernetes manifests as multi-document YAML\n"
        "  validate PROJECT             print the project's diagnostics\n"
        "\n"
        "Exit status: 0 success, 1 the project has errors or the operation failed, 2 bad usage or an\n"
        "unreadable file.\n");
}

int runSubcommand(const QStringList &arguments, const Streams &streams) {
    const QString name = arguments.value(0);
    const auto command = commands().find(name);
    if (command == commands().end()) {
        const bool askedForHelp =
            name == QLatin1String("help") || name == QLatin1String("--help") || name == QLatin1String("-h");
        std::fputs(usageText().toLocal8Bit().constData(), askedForHelp ? streams.out : streams.err);
        return askedForHelp ? Success : BadUsage;
    }
    return command->second(arguments.mid(1), streams);
}

} // namespace otelconsole::cli
