// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <string>

namespace otelconsole::test {

/// Certificates and keys made with the `openssl` command for one test process: a cluster CA, a server
/// certificate for 127.0.0.1 signed by it, a client certificate for user "alice", and an unrelated CA.
class TestPki {
public:
    TestPki();

    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] std::string path(const QString &name) const;
    [[nodiscard]] QByteArray read(const QString &name) const;

    /// Writes a fresh private key of one format (rsa-pkcs1, rsa-pkcs8, ec-sec1, ec-pkcs8, ed25519) and
    /// returns its path.
    std::string makeKey(const QString &format);

    /// Runs openssl with the arguments in the PKI directory; true on success.
    bool openssl(const QStringList &arguments) const;

private:
    bool generate();

    QTemporaryDir m_dir;
    bool m_valid = false;
};

} // namespace otelconsole::test
