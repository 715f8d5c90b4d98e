// SPDX-License-Identifier: Apache-2.0
#include "testpki.h"

#include <QFile>
#include <QProcess>

namespace otelconsole::test {

namespace {

const QStringList ecKeyOptions{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                               QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};

} // namespace

TestPki::TestPki() {
    m_valid = m_dir.isValid() && generate();
}

std::string TestPki::path(const QString &name) const {
    return m_dir.filePath(name).toStdString();
}

QByteArray TestPki::read(const QString &name) const {
    QFile file(m_dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool TestPki::openssl(const QStringList &arguments) const {
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral("openssl"), arguments);
    return process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit
           && process.exitCode() == 0;
}

bool TestPki::generate() {
    QFile extensions(m_dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    extensions.close();

    const auto selfSigned = [this](const QString &name, const QString &subject) {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKeyOptions
                       + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                     QStringLiteral("-out"), name + QStringLiteral(".crt"),
                                     QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                     subject});
    };
    const auto signedBy = [this](const QString &name, const QString &subject, const QStringList &extra) {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} + ecKeyOptions
                       + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                     QStringLiteral("-out"), name + QStringLiteral(".csr"),
                                     QStringLiteral("-subj"), subject})
               && openssl(QStringList{QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                                      name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                                      QStringLiteral("ca.crt"), QStringLiteral("-CAkey"),
                                      QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                                      QStringLiteral("-out"), name + QStringLiteral(".crt"),
                                      QStringLiteral("-days"), QStringLiteral("2")}
                          + extra);
    };
    return selfSigned(QStringLiteral("ca"), QStringLiteral("/CN=test-cluster-ca"))
           && selfSigned(QStringLiteral("other-ca"), QStringLiteral("/CN=unrelated-ca"))
           && signedBy(QStringLiteral("server"), QStringLiteral("/CN=localhost"),
                       {QStringLiteral("-extfile"), QStringLiteral("server.ext")})
           && signedBy(QStringLiteral("client"), QStringLiteral("/O=operators/CN=alice"), {});
}

std::string TestPki::makeKey(const QString &format) {
    const QString file = format + QStringLiteral(".pem");
    QStringList arguments;
    if (format == QLatin1String("rsa-pkcs1"))
        arguments = {QStringLiteral("genrsa"), QStringLiteral("-traditional"), QStringLiteral("-out"), file,
                     QStringLiteral("2048")};
    else if (format == QLatin1String("rsa-pkcs8"))
        arguments = {QStringLiteral("genpkey"),
                     QStringLiteral("-algorithm"),
                     QStringLiteral("RSA"),
                     QStringLiteral("-pkeyopt"),
                     QStringLiteral("rsa_keygen_bits:2048"),
                     QStringLiteral("-out"),
                     file};
    else if (format == QLatin1String("ec-sec1"))
        arguments = {QStringLiteral("ecparam"),
                     QStringLiteral("-name"),
                     QStringLiteral("prime256v1"),
                     QStringLiteral("-genkey"),
                     QStringLiteral("-noout"),
                     QStringLiteral("-out"),
                     file};
    else if (format == QLatin1String("ec-pkcs8"))
        arguments = {QStringLiteral("genpkey"),
                     QStringLiteral("-algorithm"),
                     QStringLiteral("EC"),
                     QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:P-256"),
                     QStringLiteral("-out"),
                     file};
    else
        arguments = {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ed25519"),
                     QStringLiteral("-out"), file};
    return openssl(arguments) ? path(file) : std::string();
}

} // namespace otelconsole::test
