// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <expected>
#include <memory>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

struct KeyDeleter {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertificateDeleter {
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
using KeyHandle = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertificateHandle = std::unique_ptr<X509, CertificateDeleter>;

/// A certificate and its private key, both as OpenSSL objects and as PEM text.
struct IssuedCertificate {
    CertificateHandle certificate;
    KeyHandle key;
    std::string certificatePem;
    std::string keyPem; ///< PKCS#8 ("BEGIN PRIVATE KEY")
};

/// A throwaway certificate authority made at start: it signs the server certificate and the admin
/// client certificate, and the kubeconfig tells clients to trust it. EC P-256 keys keep start fast.
class CertificateAuthority {
public:
    static std::expected<CertificateAuthority, std::string> create(const std::string &commonName);

    /// A server certificate for the given DNS names and IP addresses.
    std::expected<IssuedCertificate, std::string>
    issueServer(const std::vector<std::string> &dnsNames, const std::vector<std::string> &ipAddresses) const;

    /// A client certificate; Kubernetes reads the user from CN and the groups from O.
    std::expected<IssuedCertificate, std::string>
    issueClient(const std::string &commonName, const std::vector<std::string> &organizations) const;

    [[nodiscard]] X509 *certificate() const { return m_ca.certificate.get(); }
    [[nodiscard]] const std::string &certificatePem() const { return m_ca.certificatePem; }

private:
    explicit CertificateAuthority(IssuedCertificate ca);

    IssuedCertificate m_ca;
};

} // namespace otelconsole::sandbox
