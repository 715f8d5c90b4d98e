// SPDX-License-Identifier: Apache-2.0
#include "kube/tlscredentials.h"

#include <QFile>

namespace otelconsole {

namespace {

/// Names the key type of a PKCS#8 key Qt could not load, by its algorithm object identifier.
std::string unsupportedKeyType(const QByteArray &pem) {
    const QByteArray body = pem.mid(pem.indexOf('\n') + 1);
    const QByteArray der = QByteArray::fromBase64(body);
    const QByteArray ed25519Oid = QByteArray::fromHex("06032b6570");
    const QByteArray ed448Oid = QByteArray::fromHex("06032b6571");
    const QByteArray dsaOid = QByteArray::fromHex("06072a8648ce380401");
    if (der.contains(ed25519Oid))
        return "Ed25519";
    if (der.contains(ed448Oid))
        return "Ed448";
    if (der.contains(dsaOid) || pem.contains("BEGIN DSA PRIVATE KEY"))
        return "DSA";
    return {};
}

} // namespace

Result<QSslKey> loadPrivateKey(const QByteArray &pem, const std::string &origin) {
    if (pem.contains("ENCRYPTED"))
        return fail(ErrorKind::Auth,
                    origin + " is an encrypted private key; give the key without a passphrase");

    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }

    const std::string keyType = unsupportedKeyType(pem);
    if (!keyType.empty())
        return fail(ErrorKind::Auth, origin + " uses the unsupported key type " + keyType
                                         + "; only RSA and EC (ECDSA) client keys can be used");
    return fail(ErrorKind::Auth, origin + " is not a PEM private key of a supported key type (RSA or EC)");
}

Result<QList<QSslCertificate>> loadCertificates(const QByteArray &pem, const std::string &origin) {
    QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        return fail(ErrorKind::Tls, origin + " does not contain a PEM certificate");
    return certificates;
}

Result<QByteArray> readCredentialFile(const std::string &path, const std::string &origin) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.exists() ? ErrorKind::Io : ErrorKind::NotFound,
                    "cannot read " + origin + " (" + path + "): " + file.errorString().toStdString());
    return file.readAll();
}

} // namespace otelconsole
