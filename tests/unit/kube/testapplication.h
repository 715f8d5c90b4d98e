// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <functional>

namespace otelconsole::test {

/// Creates the QCoreApplication the event loop needs, once per test process.
void ensureApplication();

/// Runs the event loop until `done` holds or `limit` passes (a guard against hangs, not a measurement);
/// returns whether `done` held.
bool processEventsUntil(const std::function<bool()> &done,
                        std::chrono::milliseconds limit = std::chrono::seconds(20));

} // namespace otelconsole::test
