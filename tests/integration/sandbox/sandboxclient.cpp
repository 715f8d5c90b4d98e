// SPDX-License-Identifier: Apache-2.0
#include "sandboxclient.h"

#include "sandboxcluster.h"

#include <httplib.h>
#include <openssl/pem.h>

#include <sstream>

namespace sandboxtest {

namespace {

struct BioDeleter {
    void operator()(BIO *bio) const { BIO_free(bio); }
};

X509_STORE *storeWith(const std::string &caPem) {
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(caPem.data(), static_cast<int>(caPem.size())));
    X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, certificate);
    X509_free(certificate);
    return store;
}

HttpResult resultOf(const httplib::Result &result) {
    HttpResult answer;
    if (!result) {
        answer.status = -static_cast<int>(result.error());
        return answer;
    }
    answer.status = result->status;
    answer.body = result->body;
    answer.contentType = result->get_header_value("Content-Type");
    answer.json = nlohmann::json::parse(answer.body, nullptr, false);
    return answer;
}

} // namespace

SandboxClient::SandboxClient(const otelconsole::sandbox::SandboxCluster &cluster, Identity identity) {
    switch (identity) {
    case Identity::Operator:
        m_token = cluster.tokens().operatorUser;
        break;
    case Identity::Viewer:
        m_token = cluster.tokens().viewer;
        break;
    default:
        break;
    }
    configure(cluster, identity == Identity::Admin);
}

SandboxClient::SandboxClient(const otelconsole::sandbox::SandboxCluster &cluster,
                             const std::string &bearerToken)
    : m_token(bearerToken) {
    configure(cluster, false);
}

SandboxClient::~SandboxClient() = default;

void SandboxClient::configure(const otelconsole::sandbox::SandboxCluster &cluster, bool clientCertificate) {
    if (clientCertificate) {
        const std::string &certificatePem = cluster.adminCertificatePem();
        const std::string &keyPem = cluster.adminKeyPem();
        std::unique_ptr<BIO, BioDeleter> certificateBio(
            BIO_new_mem_buf(certificatePem.data(), static_cast<int>(certificatePem.size())));
        std::unique_ptr<BIO, BioDeleter> keyBio(
            BIO_new_mem_buf(keyPem.data(), static_cast<int>(keyPem.size())));
        X509 *certificate = PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr);
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr);
        m_client = std::make_unique<httplib::SSLClient>("127.0.0.1", cluster.port(), certificate, key);
        X509_free(certificate);
        EVP_PKEY_free(key);
    } else {
        m_client = std::make_unique<httplib::SSLClient>("127.0.0.1", cluster.port());
    }
    m_client->set_ca_cert_store(storeWith(cluster.caCertificatePem()));
    m_client->enable_server_certificate_verification(true);
    m_client->set_connection_timeout(5);
    m_client->set_read_timeout(15);
    m_client->set_write_timeout(15);
    if (!m_token.empty()) {
        m_client->set_bearer_token_auth(m_token.c_str());
    }
}

HttpResult SandboxClient::get(const std::string &path, const std::string &accept) {
    return resultOf(m_client->Get(path.c_str(), httplib::Headers{{"Accept", accept}}));
}

HttpResult SandboxClient::post(const std::string &path, const nlohmann::json &body) {
    return postRaw(path, body.dump(), "application/json");
}

HttpResult SandboxClient::postRaw(const std::string &path, const std::string &body,
                                  const std::string &contentType) {
    return resultOf(m_client->Post(path.c_str(), body, contentType.c_str()));
}

HttpResult SandboxClient::put(const std::string &path, const nlohmann::json &body) {
    return resultOf(m_client->Put(path.c_str(), body.dump(), "application/json"));
}

HttpResult SandboxClient::patch(const std::string &path, const std::string &body,
                                const std::string &contentType) {
    return resultOf(m_client->Patch(path.c_str(), body, contentType.c_str()));
}

HttpResult SandboxClient::remove(const std::string &path, const std::string &body) {
    if (body.empty()) {
        return resultOf(m_client->Delete(path.c_str()));
    }
    return resultOf(m_client->Delete(path.c_str(), body, "application/json"));
}

HttpResult SandboxClient::send(const std::string &method, const std::string &target,
                               const std::string &body) {
    httplib::Request request;
    request.method = method;
    request.path = target;
    request.body = body;
    if (!body.empty()) {
        request.set_header("Content-Type", "application/json");
    }
    return resultOf(m_client->send(request));
}

std::vector<nlohmann::json>
SandboxClient::watch(const std::string &path,
                     const std::function<bool(const std::vector<nlohmann::json> &)> &done,
                     std::chrono::seconds timeout) {
    std::vector<nlohmann::json> events;
    std::string buffer;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    m_client->set_read_timeout(timeout);
    m_client->Get(path.c_str(), [&](const char *data, std::size_t length) {
        buffer.append(data, length);
        for (auto newline = buffer.find('\n'); newline != std::string::npos; newline = buffer.find('\n')) {
            events.push_back(nlohmann::json::parse(buffer.substr(0, newline), nullptr, false));
            buffer.erase(0, newline + 1);
        }
        return !done(events) && std::chrono::steady_clock::now() < deadline;
    });
    m_client->set_read_timeout(15);
    return events;
}

} // namespace sandboxtest
