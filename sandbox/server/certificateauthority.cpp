// SPDX-License-Identifier: Apache-2.0
#include "server/certificateauthority.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace otelconsole::sandbox {

namespace {

constexpr long kDay = 24L * 60 * 60;

struct BioDeleter {
    void operator()(BIO *bio) const { BIO_free(bio); }
};

std::string drain(BIO *bio) {
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const std::string &value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    if (!extension) {
        return false;
    }
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

struct CertificateRequest {
    std::string commonName;
    std::vector<std::string> organizations;
    long validDays = 365;
    std::vector<std::pair<int, std::string>> extensions;
};

std::expected<IssuedCertificate, std::string> sign(const CertificateRequest &request, X509 *issuer,
                                                   EVP_PKEY *issuerKey) {
    IssuedCertificate issued;
    issued.key.reset(EVP_EC_gen("P-256"));
    issued.certificate.reset(X509_new());
    if (!issued.key || !issued.certificate) {
        return std::unexpected("could not generate a key pair");
    }
    X509 *certificate = issued.certificate.get();
    std::uint64_t serial = 0;
    RAND_bytes(reinterpret_cast<unsigned char *>(&serial), sizeof serial);
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate), serial >> 1);
    // Backdated an hour so that a client whose clock is slightly behind still accepts it.
    X509_gmtime_adj(X509_getm_notBefore(certificate), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate), request.validDays * kDay);

    X509_NAME *subject = X509_get_subject_name(certificate);
    for (const auto &organization : request.organizations) {
        X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(organization.c_str()), -1, -1, 0);
    }
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(request.commonName.c_str()), -1, -1,
                               0);
    X509_set_issuer_name(certificate, issuer ? X509_get_subject_name(issuer) : subject);
    X509_set_pubkey(certificate, issued.key.get());

    for (const auto &[nid, value] : request.extensions) {
        if (!addExtension(certificate, issuer ? issuer : certificate, nid, value)) {
            return std::unexpected("could not add certificate extension " + value);
        }
    }
    if (X509_sign(certificate, issuerKey ? issuerKey : issued.key.get(), EVP_sha256()) <= 0) {
        return std::unexpected("could not sign certificate for " + request.commonName);
    }

    std::unique_ptr<BIO, BioDeleter> certificateBio(BIO_new(BIO_s_mem()));
    std::unique_ptr<BIO, BioDeleter> keyBio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(certificateBio.get(), certificate);
    PEM_write_bio_PrivateKey(keyBio.get(), issued.key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    issued.certificatePem = drain(certificateBio.get());
    issued.keyPem = drain(keyBio.get());
    return issued;
}

} // namespace

CertificateAuthority::CertificateAuthority(IssuedCertificate ca)
    : m_ca(std::move(ca)) {}

std::expected<CertificateAuthority, std::string> CertificateAuthority::create(const std::string &commonName) {
    CertificateRequest request{commonName,
                               {},
                               3650,
                               {{NID_basic_constraints, "critical,CA:TRUE"},
                                {NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature"},
                                {NID_subject_key_identifier, "hash"}}};
    auto ca = sign(request, nullptr, nullptr);
    if (!ca) {
        return std::unexpected(ca.error());
    }
    return CertificateAuthority(std::move(*ca));
}

std::expected<IssuedCertificate, std::string>
CertificateAuthority::issueServer(const std::vector<std::string> &dnsNames,
                                  const std::vector<std::string> &ipAddresses) const {
    std::string alternativeNames;
    for (const auto &name : dnsNames) {
        alternativeNames += (alternativeNames.empty() ? "DNS:" : ",DNS:") + name;
    }
    for (const auto &address : ipAddresses) {
        alternativeNames += (alternativeNames.empty() ? "IP:" : ",IP:") + address;
    }
    CertificateRequest request{"kube-apiserver",
                               {},
                               365,
                               {{NID_basic_constraints, "critical,CA:FALSE"},
                                {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                                {NID_ext_key_usage, "serverAuth"},
                                {NID_authority_key_identifier, "keyid:always"},
                                {NID_subject_alt_name, alternativeNames}}};
    return sign(request, m_ca.certificate.get(), m_ca.key.get());
}

std::expected<IssuedCertificate, std::string>
CertificateAuthority::issueClient(const std::string &commonName,
                                  const std::vector<std::string> &organizations) const {
    CertificateRequest request{commonName,
                               organizations,
                               365,
                               {{NID_basic_constraints, "critical,CA:FALSE"},
                                {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                                {NID_ext_key_usage, "clientAuth"},
                                {NID_authority_key_identifier, "keyid:always"}}};
    return sign(request, m_ca.certificate.get(), m_ca.key.get());
}

} // namespace otelconsole::sandbox
