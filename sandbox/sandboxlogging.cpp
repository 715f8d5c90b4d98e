// SPDX-License-Identifier: Apache-2.0
#include "sandboxlogging.h"

#include <QString>

Q_LOGGING_CATEGORY(lcSandboxServer, "otelconsole.sandbox.server", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandboxStore, "otelconsole.sandbox.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandboxApi, "otelconsole.sandbox.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandboxControllers, "otelconsole.sandbox.controllers", QtWarningMsg)

namespace otelconsole::sandbox {

bool setSandboxLogLevel(std::string_view level) {
    QString rules;
    if (level == "error") {
        rules = QStringLiteral("otelconsole.sandbox.*.warning=false\notelconsole.sandbox.*.info=false\n"
                               "otelconsole.sandbox.*.debug=false");
    } else if (level == "warn") {
        rules = QStringLiteral("otelconsole.sandbox.*.info=false\notelconsole.sandbox.*.debug=false");
    } else if (level == "info") {
        rules = QStringLiteral("otelconsole.sandbox.*.info=true\notelconsole.sandbox.*.debug=false");
    } else if (level == "debug") {
        rules = QStringLiteral("otelconsole.sandbox.*=true");
    } else {
        return false;
    }
    QLoggingCategory::setFilterRules(rules);
    return true;
}

} // namespace otelconsole::sandbox
