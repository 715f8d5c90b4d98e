// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/commandline.h"

namespace otelconsole::cli {

// Each subcommand receives its own arguments (after the subcommand name).
int runRender(const QStringList &arguments, const Streams &streams);
int runValidate(const QStringList &arguments, const Streams &streams);

} // namespace otelconsole::cli
