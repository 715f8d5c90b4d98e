// SPDX-License-Identifier: Apache-2.0
#include "testapiserver.h"

#include "testpki.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace otelconsole::test {

namespace {

std::string peerSubject(const httplib::Request &request) {
    if (!request.ssl)
        return {};
    X509 *certificate = SSL_get1_peer_certificate(request.ssl);
    if (!certificate)
        return {};
    char subject[256] = {};
    X509_NAME_oneline(X509_get_subject_name(certificate), subject, sizeof subject);
    X509_free(certificate);
    return subject;
}

} // namespace

std::string RecordedRequest::param(const std::string &key) const {
    const auto found = query.find(key);
    return found == query.end() ? std::string() : found->second;
}

TestApiServer::TestApiServer(const TestPki &pki, bool requireClientCertificate) {
    const std::string cert = pki.path(QStringLiteral("server.crt"));
    const std::string key = pki.path(QStringLiteral("server.key"));
    const std::string ca = pki.path(QStringLiteral("ca.crt"));
    m_server = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str(),
                                                    requireClientCertificate ? ca.c_str() : nullptr);
    m_server->set_logger(
        [this](const httplib::Request &request, const httplib::Response &) { record(request); });
    m_port = m_server->bind_to_any_port("127.0.0.1");
}

TestApiServer::~TestApiServer() {
    m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
}

void TestApiServer::handle(const std::string &method, const std::string &pattern, Handler handler) {
    if (method == "GET")
        m_server->Get(pattern, std::move(handler));
    else if (method == "POST")
        m_server->Post(pattern, std::move(handler));
    else if (method == "PATCH")
        m_server->Patch(pattern, std::move(handler));
    else if (method == "DELETE")
        m_server->Delete(pattern, std::move(handler));
    else if (method == "PUT")
        m_server->Put(pattern, std::move(handler));
}

void TestApiServer::start() {
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    while (!m_server->is_running())
        std::this_thread::yield();
}

std::string TestApiServer::url() const {
    return "https://127.0.0.1:" + std::to_string(m_port);
}

std::vector<RecordedRequest> TestApiServer::requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
}

std::size_t TestApiServer::count(const std::string &method, const std::string &path) const {
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(
        std::count_if(m_requests.begin(), m_requests.end(),
                      [&](const RecordedRequest &r) { return r.method == method && r.path == path; }));
}

void TestApiServer::record(const httplib::Request &request) {
    RecordedRequest recorded{request.method,
                             request.path,
                             {request.params.begin(), request.params.end()},
                             request.get_header_value("Content-Type"),
                             request.get_header_value("Authorization"),
                             request.body,
                             peerSubject(request)};
    std::lock_guard lock(m_mutex);
    m_requests.push_back(std::move(recorded));
}

void respondStatus(httplib::Response &response, int code, const std::string &reason,
                   const std::string &message) {
    const nlohmann::json status = {
        {"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", nlohmann::json::object()},
        {"status", "Failure"}, {"message", message}, {"reason", reason},
        {"code", code}};
    response.status = code;
    response.set_content(status.dump(), "application/json");
}

} // namespace otelconsole::test
