// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxoptions.h"

#include <chrono>
#include <expected>
#include <memory>
#include <string>

namespace otelconsole::sandbox {

class Clock;
class ObjectStore;
class RbacAuthorizer;
class ResourceRegistry;

/// The bearer tokens issued at start; admin's is for plain HTTP, where no client certificate exists.
struct SandboxTokens {
    std::string admin;
    std::string operatorUser;
    std::string viewer;
};

/// A whole sandbox cluster in-process: certificates, store, API, controllers and the HTTPS server
/// on its own threads. The executable wraps one; tests start one per fixture.
class SandboxCluster {
public:
    SandboxCluster();
    ~SandboxCluster();

    SandboxCluster(const SandboxCluster &) = delete;
    SandboxCluster &operator=(const SandboxCluster &) = delete;

    /// Starts serving; returns the server URL ("https://127.0.0.1:PORT") or why it could not start.
    std::expected<std::string, std::string> start(const SandboxOptions &options);

    /// Ends open watches, stops the server and controllers and joins their threads. Idempotent.
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] const std::string &url() const;
    [[nodiscard]] int port() const;

    /// The kubeconfig text (also written to --kubeconfig-out when given).
    [[nodiscard]] const std::string &kubeconfig() const;
    [[nodiscard]] const SandboxTokens &tokens() const;
    [[nodiscard]] const std::string &caCertificatePem() const;
    [[nodiscard]] const std::string &adminCertificatePem() const;
    [[nodiscard]] const std::string &adminKeyPem() const;

    /// A bearer token authenticating as the ServiceAccount `ns`/`name`.
    std::string issueServiceAccountToken(const std::string &ns, const std::string &name);

    /// The store, for controllers and tests that observe or write through it directly.
    [[nodiscard]] ObjectStore &store();
    [[nodiscard]] Clock &clock();
    [[nodiscard]] const RbacAuthorizer &authorizer() const;
    [[nodiscard]] const ResourceRegistry &registry() const;

    /// Waits until the built-in controllers have nothing left to do right now; for tests.
    bool waitForControllers(std::chrono::milliseconds timeout);

private:
    struct Runtime;

    std::unique_ptr<Runtime> m_runtime;
};

} // namespace otelconsole::sandbox
