// SPDX-License-Identifier: Apache-2.0
#include "testapplication.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace otelconsole::test {

void ensureApplication() {
    static int argc = 1;
    static char name[] = "otelconsole-tests";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv);
}

bool processEventsUntil(const std::function<bool()> &done, std::chrono::milliseconds limit) {
    QDeadlineTimer deadline(limit);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(1);
    }
    return true;
}

} // namespace otelconsole::test
