// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace otelconsole::sandbox {

/// The credentials a kubeconfig hands out; empty certificate fields mean plain HTTP.
struct KubeconfigCredentials {
    std::string server;
    std::string caCertificatePem;
    std::string adminCertificatePem;
    std::string adminKeyPem;
    std::string adminToken; ///< used for admin only when there is no client certificate
    std::string operatorToken;
    std::string viewerToken;
};

/// Writes the kubeconfig for the sandbox: cluster "otel-console-sandbox", contexts sandbox-admin
/// (current), sandbox-operator and sandbox-viewer, all in namespace "default".
class KubeconfigWriter {
public:
    static std::string render(const KubeconfigCredentials &credentials);

    /// Base64 of `data` without line breaks, as the *-data fields expect.
    static std::string base64(const std::string &data);
};

} // namespace otelconsole::sandbox
