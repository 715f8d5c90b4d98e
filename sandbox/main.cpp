// SPDX-License-Identifier: Apache-2.0
// otel-console-sandbox: a Kubernetes API server on loopback for rehearsing deployments and for tests.

#include "commandline.h"
#include "sandboxcluster.h"

#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

using otelconsole::sandbox::CommandLine;
using otelconsole::sandbox::SandboxCluster;

int main(int argc, char **argv) {
    const auto options = CommandLine::parse(std::vector<std::string>(argv + 1, argv + argc));
    if (!options) {
        const bool help = options.error() == CommandLine::usage();
        (help ? std::cout : std::cerr) << options.error() << (options.error().ends_with('\n') ? "" : "\n");
        return help ? 0 : 2;
    }

    // Block the stop signals before any thread starts so that only sigwait() below receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    otelconsole::sandbox::SandboxOptions settings = *options;
    if (settings.logLevel.empty()) {
        settings.logLevel = "info";
    }
    SandboxCluster cluster;
    const auto url = cluster.start(settings);
    if (!url) {
        std::cerr << "otel-console-sandbox: " << url.error() << "\n";
        return 1;
    }
    // Tests and the app read this first line to find the server.
    std::cout << "otel-console-sandbox listening on " << *url << std::endl;

    int received = 0;
    sigwait(&stopSignals, &received);
    cluster.stop();
    return 0;
}
