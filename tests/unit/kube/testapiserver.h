// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class SSLServer;
struct Request;
struct Response;
} // namespace httplib

namespace otelconsole::test {

class TestPki;

/// One request as the server saw it.
struct RecordedRequest {
    std::string method;
    std::string path;
    std::multimap<std::string, std::string> query;
    std::string contentType;
    std::string authorization;
    std::string body;
    std::string clientSubject; ///< subject of the client certificate, when one was presented

    [[nodiscard]] std::string param(const std::string &key) const;
};

/// A loopback HTTPS server (cpp-httplib) on an ephemeral port standing in for an API server. Handlers run
/// on the server's threads; every request is recorded for the test to inspect.
class TestApiServer {
public:
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;

    /// With `requireClientCertificate` the TLS handshake fails unless the client presents a certificate
    /// signed by the PKI's CA.
    explicit TestApiServer(const TestPki &pki, bool requireClientCertificate = false);
    ~TestApiServer();

    void handle(const std::string &method, const std::string &pattern, Handler handler);
    void start();

    [[nodiscard]] std::string url() const;
    [[nodiscard]] std::vector<RecordedRequest> requests() const;
    [[nodiscard]] std::size_t count(const std::string &method, const std::string &path) const;

private:
    void record(const httplib::Request &request);

    std::unique_ptr<httplib::SSLServer> m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::vector<RecordedRequest> m_requests;
};

/// Writes a Kubernetes Status body with the given code, reason and message.
void respondStatus(httplib::Response &response, int code, const std::string &reason,
                   const std::string &message);

} // namespace otelconsole::test
