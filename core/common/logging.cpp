// SPDX-License-Identifier: Apache-2.0
#include "common/logging.h"

Q_LOGGING_CATEGORY(lcModel, "otelconsole.core.model", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCatalog, "otelconsole.core.catalog", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRender, "otelconsole.core.render", QtWarningMsg)
Q_LOGGING_CATEGORY(lcValidate, "otelconsole.core.validate", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKube, "otelconsole.core.kube", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDeploy, "otelconsole.core.deploy", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMonitor, "otelconsole.core.monitor", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDocument, "otelconsole.core.document", QtWarningMsg)
