// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace httplib {
class Client;
class SSLClient;
} // namespace httplib

namespace otelconsole::sandbox {
class SandboxCluster;
}

namespace sandboxtest {

/// One HTTP answer: status, raw body and, when the body is JSON, the parsed document.
struct HttpResult {
    int status = 0;
    std::string body;
    nlohmann::json json;
    std::string contentType;
};

/// An HTTPS client of the sandbox that trusts its CA and authenticates as one of its users.
class SandboxClient {
public:
    enum class Identity { Admin, Operator, Viewer, Anonymous };

    SandboxClient(const otelconsole::sandbox::SandboxCluster &cluster, Identity identity);
    SandboxClient(const otelconsole::sandbox::SandboxCluster &cluster, const std::string &bearerToken);
    ~SandboxClient();

    HttpResult get(const std::string &path, const std::string &accept = "application/json");
    HttpResult post(const std::string &path, const nlohmann::json &body);
    HttpResult postRaw(const std::string &path, const std::string &body, const std::string &contentType);
    HttpResult put(const std::string &path, const nlohmann::json &body);
    HttpResult patch(const std::string &path, const std::string &body, const std::string &contentType);
    HttpResult remove(const std::string &path, const std::string &body = {});
    /// A request with an arbitrary method and raw target, for malformed-request tests.
    HttpResult send(const std::string &method, const std::string &target, const std::string &body = {});

    /// Reads a watch until `done` accepts the events so far, the server ends it or `timeout` passes.
    std::vector<nlohmann::json> watch(const std::string &path,
                                      const std::function<bool(const std::vector<nlohmann::json> &)> &done,
                                      std::chrono::seconds timeout);

private:
    void configure(const otelconsole::sandbox::SandboxCluster &cluster, bool clientCertificate);

    std::unique_ptr<httplib::SSLClient> m_client;
    std::string m_token;
};

} // namespace sandboxtest
