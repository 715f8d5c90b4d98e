// SPDX-License-Identifier: Apache-2.0
#include "cli/commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("otel-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OTELCONSOLE_VERSION));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    return otelconsole::cli::runSubcommand(arguments.isEmpty() ? QStringList{QStringLiteral("--help")}
                                                               : arguments);
}
