// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>

#include <string>

namespace otelconsole {

/// Loads a PEM private key: RSA (PKCS#1 or PKCS#8) or EC (SEC1 or PKCS#8). Qt needs the algorithm up
/// front, so RSA is tried first and EC second; other key types (Ed25519, Ed448, DSA) and encrypted keys
/// are refused with a message that says so. `origin` names where the key came from, for messages; the
/// key material itself never appears in them.
[[nodiscard]] Result<QSslKey> loadPrivateKey(const QByteArray &pem, const std::string &origin);

/// Loads one or more PEM certificates; none at all is an error naming `origin`.
[[nodiscard]] Result<QList<QSslCertificate>> loadCertificates(const QByteArray &pem,
                                                              const std::string &origin);

/// Reads a whole local file, for certificates, keys and token files.
[[nodiscard]] Result<QByteArray> readCredentialFile(const std::string &path, const std::string &origin);

} // namespace otelconsole
