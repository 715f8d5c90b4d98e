// SPDX-License-Identifier: Apache-2.0
#include "kube/clusterconnection.h"
#include "kube/kubeconfigloader.h"
#include "testpki.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace otelconsole;
using otelconsole::test::TestPki;

namespace {

class ClusterConnectionTest : public testing::Test {
protected:
    static void SetUpTestSuite() { s_pki = new TestPki; }
    static void TearDownTestSuite() {
        delete s_pki;
        s_pki = nullptr;
    }

    static Result<ClusterConnection> resolve(const std::string &yaml, const std::string &context = {}) {
        const auto config = KubeConfigLoader::parse(yaml, s_pki->path(QStringLiteral("kubeconfig")));
        if (!config)
            return std::unexpected(config.error());
        return ClusterConnection::resolve(*config, context);
    }

    /// A kubeconfig with one context "ctx" joining cluster "c" and user "u" with the given bodies.
    static std::string kubeconfig(const std::string &clusterBody, const std::string &userBody,
                                  const std::string &contextExtra = {}) {
        return "current-context: ctx\nclusters:\n- name: c\n  cluster:\n" + clusterBody
               + "users:\n- name: u\n  user:\n" + userBody
               + "contexts:\n- name: ctx\n  context:\n    cluster: c\n    user: u\n" + contextExtra;
    }

    static std::string base64(const QByteArray &data) { return data.toBase64().toStdString(); }

    static TestPki *s_pki;
};

TestPki *ClusterConnectionTest::s_pki = nullptr;

const std::string server = "    server: https://127.0.0.1:6443\n";
const std::string noUser = "    {}\n";

TEST_F(ClusterConnectionTest, Pki_IsGenerated) {
    ASSERT_TRUE(s_pki->isValid()) << "the openssl command is needed to make test certificates";
}

TEST_F(ClusterConnectionTest, NamespaceUnset_IsDefault) {
    const auto connection = resolve(kubeconfig(server, noUser));

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    EXPECT_EQ(connection->namespaceName, "default");
    EXPECT_EQ(connection->contextName, "ctx");
    EXPECT_EQ(connection->authMethod, AuthMethod::Anonymous);
}

TEST_F(ClusterConnectionTest, NamespaceFromContext_IsUsed) {
    const auto connection = resolve(kubeconfig(server, noUser, "    namespace: otel-system\n"));

    ASSERT_TRUE(connection.has_value());
    EXPECT_EQ(connection->namespaceName, "otel-system");
}

TEST_F(ClusterConnectionTest, NamespaceNotADnsLabel_IsAnError) {
    const auto connection = resolve(kubeconfig(server, noUser, "    namespace: Team_A\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("context \"ctx\""), std::string::npos);
    EXPECT_NE(connection.error().message.find("\"Team_A\""), std::string::npos);
}

TEST_F(ClusterConnectionTest, NoCurrentContext_IsAnError) {
    const auto config = KubeConfigLoader::parse("clusters: []\n", "/k/config");
    ASSERT_TRUE(config.has_value());

    const auto connection = ClusterConnection::resolve(*config);

    ASSERT_FALSE(connection.has_value());
    EXPECT_EQ(connection.error().kind, ErrorKind::NotFound);
    EXPECT_NE(connection.error().message.find("/k/config"), std::string::npos);
}

TEST_F(ClusterConnectionTest, ContextWithoutCluster_IsAnError) {
    const auto connection = resolve("contexts:\n- name: x\n  context: {cluster: gone, user: u}\n", "x");

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("cluster \"gone\""), std::string::npos)
        << connection.error().message;
}

TEST_F(ClusterConnectionTest, ContextWithUnknownUser_IsAnError) {
    const auto connection = resolve("clusters:\n- name: c\n  cluster: {server: 'https://x'}\n"
                                    "contexts:\n- name: x\n  context: {cluster: c, user: ghost}\n",
                                    "x");

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("user \"ghost\""), std::string::npos);
}

TEST_F(ClusterConnectionTest, ServerNotHttps_IsAnError) {
    const auto connection = resolve(kubeconfig("    server: ftp://x\n", noUser));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("cluster \"c\""), std::string::npos);
}

TEST_F(ClusterConnectionTest, CertificateAuthorityData_WinsOverPath) {
    const std::string yaml =
        kubeconfig(server + "    certificate-authority: /does/not/exist.crt\n"
                       + "    certificate-authority-data: " + base64(s_pki->read("ca.crt")) + "\n",
                   noUser);

    const auto connection = resolve(yaml);

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    ASSERT_EQ(connection->caCertificates.size(), 1);
    EXPECT_NE(connection->caOrigin.find("certificate-authority-data of cluster \"c\""), std::string::npos);
}

TEST_F(ClusterConnectionTest, CertificateAuthorityPath_IsRelativeToTheKubeconfig) {
    const auto connection = resolve(kubeconfig(server + "    certificate-authority: ca.crt\n", noUser));

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    EXPECT_EQ(connection->caCertificates.size(), 1);
    EXPECT_NE(connection->caOrigin.find(s_pki->path("ca.crt")), std::string::npos);
}

TEST_F(ClusterConnectionTest, CertificateAuthorityFileMissing_IsAnErrorNamingIt) {
    const auto connection = resolve(kubeconfig(server + "    certificate-authority: missing.crt\n", noUser));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find(s_pki->path("missing.crt")), std::string::npos);
}

TEST_F(ClusterConnectionTest, CertificateAuthorityWithInsecureSkip_IsAnError) {
    const auto connection = resolve(kubeconfig(server
                                                   + "    certificate-authority: ca.crt\n"
                                                     "    insecure-skip-tls-verify: true\n",
                                               noUser));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("insecure-skip-tls-verify"), std::string::npos);
}

TEST_F(ClusterConnectionTest, InsecureSkipTlsVerify_IsFlaggedForTheUi) {
    const auto connection = resolve(kubeconfig(server + "    insecure-skip-tls-verify: true\n", noUser));

    ASSERT_TRUE(connection.has_value());
    EXPECT_TRUE(connection->insecureSkipTlsVerify);
}

TEST_F(ClusterConnectionTest, ProxyUrl_AcceptsHttpHttpsSocks5) {
    const auto socks = resolve(kubeconfig(server + "    proxy-url: socks5://proxy.local:1080\n", noUser));
    const auto http = resolve(kubeconfig(server + "    proxy-url: http://proxy.local:3128\n", noUser));

    ASSERT_TRUE(socks.has_value());
    ASSERT_TRUE(http.has_value());
    EXPECT_EQ(socks->proxy->type(), QNetworkProxy::Socks5Proxy);
    EXPECT_EQ(http->proxy->type(), QNetworkProxy::HttpProxy);
    EXPECT_EQ(http->proxy->port(), 3128);
}

TEST_F(ClusterConnectionTest, ProxyUrlOtherScheme_IsAnError) {
    const auto connection = resolve(kubeconfig(server + "    proxy-url: ftp://proxy.local\n", noUser));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("proxy-url"), std::string::npos);
}

TEST_F(ClusterConnectionTest, TokenAndBasicAuthTogether_IsAnError) {
    const auto connection =
        resolve(kubeconfig(server, "    token: abc\n    username: a\n    password: secret-pw\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("user \"u\""), std::string::npos);
    EXPECT_EQ(connection.error().message.find("secret-pw"), std::string::npos) << "credentials never appear";
    EXPECT_EQ(connection.error().message.find("abc"), std::string::npos);
}

TEST_F(ClusterConnectionTest, TokenFile_WinsOverToken) {
    const auto connection = resolve(kubeconfig(server, "    token: inline\n    tokenFile: token.txt\n"));

    ASSERT_TRUE(connection.has_value());
    EXPECT_EQ(connection->authMethod, AuthMethod::TokenFile);
    EXPECT_EQ(connection->tokenFile, s_pki->path("token.txt"));
}

TEST_F(ClusterConnectionTest, ClientCertificateWithoutKey_IsAnError) {
    const auto connection = resolve(kubeconfig(server, "    client-certificate: client.crt\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("client-key"), std::string::npos);
}

TEST_F(ClusterConnectionTest, ClientCertificateData_WinsOverPath) {
    const auto connection =
        resolve(kubeconfig(server, "    client-certificate: /nope.crt\n    client-key: /nope.key\n"
                                   "    client-certificate-data: "
                                       + base64(s_pki->read("client.crt")) + "\n    client-key-data: "
                                       + base64(s_pki->read("client.key")) + "\n"));

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    EXPECT_EQ(connection->authMethod, AuthMethod::ClientCertificate);
    EXPECT_FALSE(connection->clientKey.isNull());
    EXPECT_EQ(connection->clientCertificateChain.size(), 1);
}

class ClientKeyFormat : public ClusterConnectionTest, public testing::WithParamInterface<const char *> {};

TEST_P(ClientKeyFormat, Loads) {
    const std::string key = s_pki->makeKey(QString::fromLatin1(GetParam()));
    ASSERT_FALSE(key.empty());

    const auto connection =
        resolve(kubeconfig(server, "    client-certificate: client.crt\n    client-key: " + key + "\n"));

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    EXPECT_FALSE(connection->clientKey.isNull());
    const bool rsa = std::string(GetParam()).starts_with("rsa");
    EXPECT_EQ(connection->clientKey.algorithm(), rsa ? QSsl::Rsa : QSsl::Ec);
}

INSTANTIATE_TEST_SUITE_P(RsaAndEc, ClientKeyFormat,
                         testing::Values("rsa-pkcs1", "rsa-pkcs8", "ec-sec1", "ec-pkcs8"));

TEST_F(ClusterConnectionTest, Ed25519ClientKey_IsRefusedClearly) {
    const std::string key = s_pki->makeKey(QStringLiteral("ed25519"));
    ASSERT_FALSE(key.empty());

    const auto connection =
        resolve(kubeconfig(server, "    client-certificate: client.crt\n    client-key: " + key + "\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_EQ(connection.error().kind, ErrorKind::Auth);
    EXPECT_NE(connection.error().message.find("unsupported key type Ed25519"), std::string::npos)
        << connection.error().message;
    EXPECT_EQ(connection.error().message.find("PRIVATE KEY"), std::string::npos)
        << "key material never appears";
}

TEST_F(ClusterConnectionTest, ExecV1WithoutInteractiveMode_IsAnError) {
    const auto connection =
        resolve(kubeconfig(server, "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                                   "      command: plugin\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("interactiveMode"), std::string::npos);
}

TEST_F(ClusterConnectionTest, ExecV1beta1WithoutInteractiveMode_IsAccepted) {
    const auto connection =
        resolve(kubeconfig(server, "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                                   "      command: plugin\n"));

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    EXPECT_EQ(connection->authMethod, AuthMethod::Exec);
}

TEST_F(ClusterConnectionTest, ExecAlwaysInteractive_IsRefused) {
    const auto connection =
        resolve(kubeconfig(server, "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                                   "      command: plugin\n      interactiveMode: Always\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_EQ(connection.error().kind, ErrorKind::Auth);
}

TEST_F(ClusterConnectionTest, ExecClusterInfo_CarriesServerAndTlsServerName) {
    const auto connection =
        resolve(kubeconfig(server + "    tls-server-name: api.internal\n",
                           "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                           "      command: plugin\n      interactiveMode: Never\n"));

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    EXPECT_EQ(connection->execClusterInfo["server"], "https://127.0.0.1:6443");
    EXPECT_EQ(connection->execClusterInfo["tls-server-name"], "api.internal");
    EXPECT_EQ(connection->tlsServerName, QStringLiteral("api.internal"));
}

TEST_F(ClusterConnectionTest, ImpersonationWithUserExtra_IsRefused) {
    const auto connection = resolve(kubeconfig(server, "    as: bob\n    as-user-extra: {scopes: [view]}\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("as-user-extra"), std::string::npos);
}

TEST_F(ClusterConnectionTest, Impersonation_IsCarriedToTheConnection) {
    const auto connection =
        resolve(kubeconfig(server, "    token: t\n    as: bob\n    as-groups: [ops]\n    as-uid: '42'\n"));

    ASSERT_TRUE(connection.has_value()) << connection.error().toString();
    EXPECT_EQ(connection->impersonate, "bob");
    EXPECT_EQ(connection->impersonateGroups, std::vector<std::string>{"ops"});
    EXPECT_EQ(connection->impersonateUid, "42");
}

TEST_F(ClusterConnectionTest, LegacyAuthProvider_IsRefusedWithAHint) {
    const auto connection = resolve(kubeconfig(server, "    auth-provider:\n      name: gcp\n"));

    ASSERT_FALSE(connection.has_value());
    EXPECT_NE(connection.error().message.find("exec credential plugin"), std::string::npos);
}

} // namespace
