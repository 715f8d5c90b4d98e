// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Everything that shapes one sandbox cluster; the executable fills it from its command line, tests
/// set the fields they care about.
struct SandboxOptions {
    std::string listenHost = "127.0.0.1";
    int listenPort = 0; ///< 0 picks a free port
    bool plainHttp = false;
    std::string kubeconfigOut; ///< empty: no kubeconfig file is written
    int nodeCount = 3;
    std::string logLevel; ///< empty: leave the logging rules as they are
    std::vector<std::string> operatorNamespaces{"otlp-system", "observability", "shop", "default"};
    bool serviceMonitorCrd = true;
    bool metricsApi = true;
    std::string serverVersion = "1.31.4";
    std::chrono::seconds watchHistory{300};
    /// Longest a watch stays open when the client does not ask for less, like --min-request-timeout.
    std::chrono::seconds watchMaxTimeout{1800};
    std::chrono::milliseconds bookmarkInterval{std::chrono::seconds(60)};
    /// Time between a namespace being marked for deletion and its contents being removed, so clients
    /// can observe the Terminating phase as on a real cluster.
    std::chrono::milliseconds namespaceFinalizeDelay{200};
};

} // namespace otelconsole::sandbox
