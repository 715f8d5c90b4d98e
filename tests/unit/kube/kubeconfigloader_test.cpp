// SPDX-License-Identifier: Apache-2.0
#include "kube/kubeconfigloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

class KubeConfigLoaderTest : public testing::Test {
protected:
    std::string write(const QString &name, const std::string &text) {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text.data(), static_cast<qint64>(text.size()));
        return path.toStdString();
    }

    std::string dir() const { return m_dir.path().toStdString(); }

    QTemporaryDir m_dir;
};

const char *firstFile = R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: shared
  cluster:
    server: https://first.example:6443
contexts:
- name: dev
  context: {cluster: shared, user: alice, namespace: team-a}
users:
- name: alice
  user:
    token: first-token
)";

const char *secondFile = R"(apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: shared
  cluster:
    server: https://second.example:6443
    insecure-skip-tls-verify: true
- name: prod
  cluster:
    server: https://prod.example:6443
contexts:
- name: prod
  context: {cluster: prod, user: bob}
users:
- name: alice
  user:
    username: alice
    password: pw
- name: bob
  user:
    token: bob-token
)";

TEST_F(KubeConfigLoaderTest, SearchPaths_UnsetVariable_IsHomeKubeConfig) {
    EXPECT_EQ(KubeConfigLoader::searchPaths(std::nullopt, "/home/me"),
              std::vector<std::string>{"/home/me/.kube/config"});
    EXPECT_EQ(KubeConfigLoader::searchPaths(std::string(), "/home/me"),
              std::vector<std::string>{"/home/me/.kube/config"});
}

TEST_F(KubeConfigLoaderTest, SearchPaths_SplitsOnColonDropsEmptyAndDuplicates) {
    const auto paths = KubeConfigLoader::searchPaths(std::string("/a:/b::/a:/c"), "/home/me");

    EXPECT_EQ(paths, (std::vector<std::string>{"/a", "/b", "/c"}));
}

TEST_F(KubeConfigLoaderTest, Merge_FirstFileDefiningANameWinsWholesale) {
    const auto config = KubeConfigLoader::loadFiles({write("one", firstFile), write("two", secondFile)});

    ASSERT_TRUE(config.has_value()) << config.error().toString();
    EXPECT_EQ(config->clusters.at("shared").server, "https://first.example:6443");
    EXPECT_FALSE(config->clusters.at("shared").insecureSkipTlsVerify) << "fields must not be merged";
    EXPECT_EQ(config->users.at("alice").token, "first-token");
    EXPECT_TRUE(config->users.at("alice").username.empty());
    EXPECT_EQ(config->clusters.at("prod").server, "https://prod.example:6443");
    EXPECT_EQ(config->users.at("bob").token, "bob-token");
}

TEST_F(KubeConfigLoaderTest, Merge_CurrentContextComesFromFirstFileSettingIt) {
    const auto withoutCurrent = write("zero", "apiVersion: v1\nkind: Config\n");

    const auto config =
        KubeConfigLoader::loadFiles({withoutCurrent, write("two", secondFile), write("one", firstFile)});

    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->currentContext, "prod");
}

TEST_F(KubeConfigLoaderTest, MissingFilesInTheList_AreSkipped) {
    const auto config = KubeConfigLoader::loadFiles({dir() + "/does-not-exist", write("one", firstFile)});

    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->files, std::vector<std::string>{dir() + "/one"});
}

TEST_F(KubeConfigLoaderTest, ExplicitPathThatDoesNotExist_IsAnError) {
    const auto config = KubeConfigLoader::load(dir() + "/nope");

    ASSERT_FALSE(config.has_value());
    EXPECT_EQ(config.error().kind, ErrorKind::NotFound);
    EXPECT_NE(config.error().message.find(dir() + "/nope"), std::string::npos);
}

TEST_F(KubeConfigLoaderTest, KubeconfigVariable_IsUsedWhenNoExplicitPath) {
    const std::string one = write("one", firstFile);
    const std::string two = write("two", secondFile);
    qputenv("KUBECONFIG", QByteArray::fromStdString(two + ":" + one));

    const auto config = KubeConfigLoader::load();
    qunsetenv("KUBECONFIG");

    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->clusters.at("shared").server, "https://second.example:6443");
}

TEST_F(KubeConfigLoaderTest, RelativePaths_ResolveAgainstTheFilesDirectory) {
    const std::string path = write("sub/config", R"(clusters:
- name: c
  cluster:
    server: https://x:6443
    certificate-authority: certs/ca.crt
users:
- name: u
  user:
    client-certificate: ../client.crt
    client-key: /abs/client.key
    tokenFile: token
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/plugin
      interactiveMode: Never
- name: v
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: aws
      interactiveMode: Never
)");

    const auto config = KubeConfigLoader::loadFile(path);

    ASSERT_TRUE(config.has_value()) << config.error().toString();
    EXPECT_EQ(config->clusters.at("c").certificateAuthority, dir() + "/sub/certs/ca.crt");
    EXPECT_EQ(config->users.at("u").clientCertificate, dir() + "/client.crt");
    EXPECT_EQ(config->users.at("u").clientKey, "/abs/client.key");
    EXPECT_EQ(config->users.at("u").tokenFile, dir() + "/sub/token");
    EXPECT_EQ(config->users.at("u").exec->command, dir() + "/sub/bin/plugin");
    EXPECT_EQ(config->users.at("v").exec->command, "aws") << "a bare command is looked up in PATH";
}

TEST_F(KubeConfigLoaderTest, Base64Data_IsDecoded) {
    const auto config = KubeConfigLoader::parse(R"(clusters:
- name: c
  cluster: {server: "https://x", certificate-authority-data: "aGVsbG8="}
)",
                                                "mem");

    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->clusters.at("c").certificateAuthorityData, "hello");
}

TEST_F(KubeConfigLoaderTest, InvalidBase64_IsAnErrorNamingFileFieldAndEntry) {
    const auto config = KubeConfigLoader::parse(
        "clusters:\n- name: c\n  cluster:\n    certificate-authority-data: '@@'\n", "/etc/kube.yaml");

    ASSERT_FALSE(config.has_value());
    EXPECT_EQ(config.error().location.file, "/etc/kube.yaml");
    EXPECT_EQ(config.error().location.line, 4);
    EXPECT_NE(config.error().message.find("cluster \"c\": certificate-authority-data"), std::string::npos)
        << config.error().message;
}

TEST_F(KubeConfigLoaderTest, MalformedYaml_IsAnErrorWithLine) {
    const auto config = KubeConfigLoader::parse("clusters:\n  - name: [unclosed\n", "bad.yaml");

    ASSERT_FALSE(config.has_value());
    EXPECT_EQ(config.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(config.error().location.file, "bad.yaml");
    EXPECT_GT(config.error().location.line, 0);
}

TEST_F(KubeConfigLoaderTest, ClustersNotAList_IsAnError) {
    const auto config = KubeConfigLoader::parse("clusters: {a: b}\n", "bad.yaml");

    ASSERT_FALSE(config.has_value());
    EXPECT_NE(config.error().message.find("\"clusters\" must be a list"), std::string::npos);
}

TEST_F(KubeConfigLoaderTest, ExecEntry_KeepsArgsEnvAndSettings) {
    const auto config = KubeConfigLoader::parse(R"(users:
- name: u
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: plugin
      args: [get-token, --cluster, dev]
      env: [{name: REGION, value: eu}]
      installHint: install it
      provideClusterInfo: true
)",
                                                "mem");

    ASSERT_TRUE(config.has_value());
    const ExecConfig &exec = *config->users.at("u").exec;
    EXPECT_EQ(exec.args, (std::vector<std::string>{"get-token", "--cluster", "dev"}));
    ASSERT_EQ(exec.env.size(), 1u);
    EXPECT_EQ(exec.env.front(), (std::pair<std::string, std::string>{"REGION", "eu"}));
    EXPECT_EQ(exec.installHint, "install it");
    EXPECT_TRUE(exec.provideClusterInfo);
    EXPECT_TRUE(exec.interactiveMode.empty());
}

} // namespace
