// SPDX-License-Identifier: Apache-2.0
#include "server/apiserver.h"

#include "api/apirequest.h"
#include "api/apiresponse.h"
#include "api/requestrouter.h"
#include "sandboxlogging.h"
#include "server/elastictaskqueue.h"
#include "server/requestinfoparser.h"

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>

#include <chrono>
#include <optional>

namespace otelconsole::sandbox {

namespace {

constexpr std::size_t kMaxBodyBytes = 3 * 1024 * 1024;
constexpr std::size_t kMaxConnections = 512;

using SteadyClock = std::chrono::steady_clock;

void logRequest(const std::string &method, const std::string &path, const std::string &user, int status,
                SteadyClock::time_point started) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - started);
    qCInfo(lcSandboxServer).noquote()
        << QString::fromStdString(method) << QString::fromStdString(path)
        << "user=" + QString::fromStdString(user.empty() ? "-" : user) << "status=" + QString::number(status)
        << "duration=" + QString::number(micros.count() / 1000.0, 'f', 3) + "ms";
}

// Paths that try to climb out or smuggle separators are refused before anything reads them.
std::optional<std::string> pathProblem(const std::string &target, const std::string &path) {
    const std::string raw = target.substr(0, target.find('?'));
    for (const char *encoded : {"%2f", "%2F", "%00", "%5c", "%5C"}) {
        if (raw.find(encoded) != std::string::npos) {
            return "encoded separators or NUL are not allowed in the path";
        }
    }
    if (path.empty() || path.front() != '/' || path.find('\0') != std::string::npos
        || path.find('\\') != std::string::npos) {
        return "invalid path";
    }
    if (path.find("//") != std::string::npos) {
        return "empty path segments are not allowed";
    }
    const std::string padded = path + "/";
    if (padded.find("/../") != std::string::npos || padded.find("/./") != std::string::npos) {
        return "relative path segments are not allowed";
    }
    return std::nullopt;
}

bool isPublicPath(const std::string &path) {
    return path == "/healthz" || path == "/livez" || path == "/readyz" || path == "/version";
}

std::optional<PeerCertificate> peerCertificate(const httplib::Request &request) {
    if (!request.ssl) {
        return std::nullopt;
    }
    auto *ssl = const_cast<SSL *>(request.ssl);
    X509 *certificate = SSL_get0_peer_certificate(ssl);
    if (!certificate || SSL_get_verify_result(ssl) != X509_V_OK) {
        return std::nullopt;
    }
    PeerCertificate peer;
    const X509_NAME *subject = X509_get_subject_name(certificate);
    for (int i = 0; i < X509_NAME_entry_count(subject); ++i) {
        const X509_NAME_ENTRY *entry = X509_NAME_get_entry(subject, i);
        const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
        const ASN1_STRING *data = X509_NAME_ENTRY_get_data(entry);
        const std::string value(reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)),
                                static_cast<std::size_t>(ASN1_STRING_length(data)));
        if (nid == NID_commonName) {
            peer.commonName = value;
        } else if (nid == NID_organizationName) {
            peer.organizations.push_back(value);
        }
    }
    return peer;
}

// A watch client that hung up is noticed here rather than at the next event, which may never come.
bool peerHungUp(int fd) {
    if (fd < 0) {
        return false;
    }
    pollfd descriptor{fd, POLLRDHUP, 0};
    return ::poll(&descriptor, 1, 0) > 0 && (descriptor.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

int selectHttp11(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
                 unsigned int inLength, void *) {
    // Clients such as Qt and Go offer h2 first; answering http/1.1 makes them fall back cleanly.
    static const unsigned char kHttp11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char *selected = nullptr;
    if (SSL_select_next_proto(&selected, outLength, kHttp11, sizeof kHttp11, in, inLength)
        != OPENSSL_NPN_NEGOTIATED) {
        return SSL_TLSEXT_ERR_NOACK;
    }
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
}

bool configureTls(SSL_CTX &context, const ServerTls &tls) {
    SSL_CTX_set_min_proto_version(&context, TLS1_2_VERSION);
    SSL_CTX_set_options(&context, SSL_OP_NO_COMPRESSION | SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
    if (SSL_CTX_use_certificate(&context, tls.serverCertificate->certificate.get()) != 1
        || SSL_CTX_use_PrivateKey(&context, tls.serverCertificate->key.get()) != 1) {
        return false;
    }
    X509_STORE_add_cert(SSL_CTX_get_cert_store(&context), tls.clientCa);
    // Naming the CA matters: Go only sends a client certificate issued by one of the CAs listed here.
    SSL_CTX_add_client_CA(&context, tls.clientCa);
    // Ask for a client certificate but do not require one: token users have none.
    SSL_CTX_set_verify(&context, SSL_VERIFY_PEER, nullptr);
    static const unsigned char kSessionContext[] = "otel-console-sandbox";
    SSL_CTX_set_session_id_context(&context, kSessionContext, sizeof kSessionContext - 1);
    SSL_CTX_set_alpn_select_cb(&context, selectHttp11, nullptr);
    return true;
}

} // namespace

ApiServer::ApiServer(RequestRouter &router, const Authenticator &authenticator)
    : m_router(router)
    , m_authenticator(authenticator) {}

ApiServer::~ApiServer() {
    stop();
}

std::expected<int, std::string> ApiServer::bind(const std::string &host, int port, const ServerTls *tls) {
    if (tls) {
        const ServerTls copy = *tls;
        m_server = std::make_unique<httplib::SSLServer>(
            [copy](SSL_CTX &context) { return configureTls(context, copy); });
    } else {
        m_server = std::make_unique<httplib::Server>();
    }
    if (!m_server->is_valid()) {
        return std::unexpected("could not set up TLS for the server");
    }
    configure();

    const int bound =
        port == 0 ? m_server->bind_to_any_port(host) : (m_server->bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        return std::unexpected("could not listen on " + host + ":" + std::to_string(port));
    }
    return bound;
}

void ApiServer::serve() {
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
}

void ApiServer::stop() {
    if (!m_server) {
        return;
    }
    m_stopping = true;
    m_server->stop();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    m_server.reset();
}

void ApiServer::configure() {
    m_server->new_task_queue = [] { return new ElasticTaskQueue(kMaxConnections); };
    m_server->set_payload_max_length(kMaxBodyBytes);
    m_server->set_keep_alive_max_count(1000);
    m_server->set_keep_alive_timeout(5);
    m_server->set_read_timeout(10);
    m_server->set_write_timeout(10);
    m_server->set_tcp_nodelay(true);

    const auto handler = [this](const httplib::Request &request, httplib::Response &response) {
        handle(request, response);
    };
    m_server->Get(".*", handler);
    m_server->Post(".*", handler);
    m_server->Put(".*", handler);
    m_server->Patch(".*", handler);
    m_server->Delete(".*", handler);
    m_server->Options(".*", handler);
    m_server->set_error_handler([this](const httplib::Request &request, httplib::Response &response) {
        fillLibraryError(request, response);
    });
    m_server->set_exception_handler(
        [](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
            response.status = 500;
            response.set_content(
                StatusError::internal("unexpected failure while serving the request").toJson().dump(),
                "application/json");
        });
}

void ApiServer::fillLibraryError(const httplib::Request &request, httplib::Response &response) const {
    if (!response.body.empty()) {
        return;
    }
    // The HTTP library answered on its own (body too large, malformed request line...): give the
    // client the Status object it expects from an API server.
    const StatusError error =
        response.status == 413 ? StatusError::requestEntityTooLarge()
        : response.status == 404
            ? StatusError::pathNotFound()
            : StatusError(response.status, "BadRequest", "the server rejected the malformed request");
    response.set_content(error.toJson().dump(), "application/json");
    logRequest(request.method, request.path, {}, response.status, SteadyClock::now());
}

bool ApiServer::authenticate(const httplib::Request &request, ApiRequest &apiRequest,
                             httplib::Response &response) const {
    const std::string authorization = request.get_header_value("Authorization");
    const auto peer = peerCertificate(request);
    if (auto user = m_authenticator.authenticate(authorization, peer)) {
        apiRequest.user = std::move(*user);
        return true;
    }
    if (authorization.empty() && !peer && isPublicPath(request.path)) {
        apiRequest.user = UserInfo{"system:anonymous", {"system:unauthenticated"}};
        return true;
    }
    response.status = 401;
    response.set_content(StatusError::unauthorized().toJson().dump(), "application/json");
    return false;
}

void ApiServer::handle(const httplib::Request &request, httplib::Response &response) {
    const auto started = SteadyClock::now();
    if (const auto problem = pathProblem(request.target, request.path)) {
        response.status = 400;
        response.set_content(StatusError::badRequest(*problem).toJson().dump(), "application/json");
        logRequest(request.method, request.target, {}, response.status, started);
        return;
    }

    ApiRequest apiRequest;
    if (!authenticate(request, apiRequest, response)) {
        logRequest(request.method, request.path, {}, response.status, started);
        return;
    }
    apiRequest.method = request.method;
    apiRequest.contentType = request.get_header_value("Content-Type");
    apiRequest.accept = request.get_header_value("Accept");
    apiRequest.userAgent = request.get_header_value("User-Agent");
    apiRequest.body = request.body;
    apiRequest.query.insert(request.params.begin(), request.params.end());
    apiRequest.info = RequestInfoParser::parse(request.method, request.path, apiRequest.query);

    ApiResponse answer = m_router.handle(apiRequest);
    const int status = answer.status;
    const bool streamed = answer.stream != nullptr;
    writeResponse(request, std::move(answer), response, apiRequest.user.name);
    if (!streamed) {
        logRequest(request.method, request.target, apiRequest.user.name, status, started);
    }
}

void ApiServer::writeResponse(const httplib::Request &request, ApiResponse apiResponse,
                              httplib::Response &response, const std::string &user) {
    response.status = apiResponse.status;
    if (!apiResponse.stream) {
        response.set_content(std::move(apiResponse.body), apiResponse.contentType.c_str());
        return;
    }

    const int fd = request.ssl ? SSL_get_fd(const_cast<SSL *>(request.ssl)) : -1;
    auto stream = apiResponse.stream;
    const auto started = SteadyClock::now();
    response.set_chunked_content_provider(
        apiResponse.contentType,
        [this, stream, fd](std::size_t, httplib::DataSink &sink) {
            std::string chunk;
            const bool more = stream->next(chunk);
            if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) {
                return false;
            }
            if (peerHungUp(fd)) {
                return false;
            }
            if (!more || m_stopping) {
                sink.done();
            }
            return true;
        },
        [method = request.method, target = request.target, user, status = response.status, started](bool) {
            logRequest(method, target, user, status, started);
        });
}

} // namespace otelconsole::sandbox
