// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "server/authenticator.h"
#include "server/certificateauthority.h"

#include <atomic>
#include <expected>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace otelconsole::sandbox {

class RequestRouter;
struct ApiRequest;
struct ApiResponse;

/// The TLS material the server presents and trusts.
struct ServerTls {
    const IssuedCertificate *serverCertificate = nullptr;
    X509 *clientCa = nullptr;
};

/// The HTTP(S) front: accepts connections on its own threads, checks the path, authenticates,
/// hands the request to the router, writes the answer (streaming watches chunk by chunk) and logs
/// one line per request.
class ApiServer {
public:
    ApiServer(RequestRouter &router, const Authenticator &authenticator);
    ~ApiServer();

    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    /// Binds the listening socket; `tls` null means plain HTTP. Returns the bound port. Connections
    /// wait in the backlog until serve() is called.
    std::expected<int, std::string> bind(const std::string &host, int port, const ServerTls *tls);

    /// Starts accepting connections on the server's own threads.
    void serve();

    /// Stops accepting, ends open watches and joins every thread.
    void stop();

private:
    void configure();
    void handle(const httplib::Request &request, httplib::Response &response);
    void fillLibraryError(const httplib::Request &request, httplib::Response &response) const;
    bool authenticate(const httplib::Request &request, ApiRequest &apiRequest,
                      httplib::Response &response) const;
    void writeResponse(const httplib::Request &request, ApiResponse apiResponse, httplib::Response &response,
                       const std::string &user);

    RequestRouter &m_router;
    const Authenticator &m_authenticator;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
};

} // namespace otelconsole::sandbox
