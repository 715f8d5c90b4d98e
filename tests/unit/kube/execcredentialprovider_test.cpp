// SPDX-License-Identifier: Apache-2.0
#include "kube/execcredentialprovider.h"
#include "testapplication.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace otelconsole;
using namespace std::chrono_literals;

namespace {

class ExecCredentialProviderTest : public testing::Test {
protected:
    void SetUp() override { test::ensureApplication(); }

    /// Writes an executable shell script that appends a line to `runs` each time it is started and then
    /// runs `body`; returns its path.
    std::string script(const std::string &body) {
        const QString path = m_dir.filePath(QStringLiteral("plugin.sh"));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        const std::string text = "#!/bin/sh\necho run >> '" + runsFile() + "'\n" + body + "\n";
        file.write(text.c_str());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path.toStdString();
    }

    std::string runsFile() const { return m_dir.filePath(QStringLiteral("runs")).toStdString(); }

    int runs() const {
        QFile file(QString::fromStdString(runsFile()));
        return file.open(QIODevice::ReadOnly) ? static_cast<int>(file.readAll().count('\n')) : 0;
    }

    QByteArray readFile(const QString &name) const {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static ExecConfig config(const std::string &command) {
        ExecConfig exec;
        exec.apiVersion = "client.authentication.k8s.io/v1";
        exec.command = command;
        exec.interactiveMode = "Never";
        return exec;
    }

    static std::string tokenOutput(const std::string &token, const QDateTime &expiry) {
        return "cat <<'EOF'\n{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
               "\"status\":{\"token\":\""
               + token + "\",\"expirationTimestamp\":\"" + expiry.toString(Qt::ISODate).toStdString()
               + "\"}}\nEOF";
    }

    static Result<ExecCredential> fetch(ExecCredentialProvider &provider) {
        return QCoro::waitFor(provider.credential());
    }

    QTemporaryDir m_dir;
};

const QDateTime inAnHour = QDateTime::currentDateTimeUtc().addSecs(3600);

TEST_F(ExecCredentialProviderTest, TokenFromPlugin_IsReturned) {
    ExecCredentialProvider provider(config(script(tokenOutput("plugin-token", inAnHour))), "alice",
                                    Json::object());

    const auto credential = fetch(provider);

    ASSERT_TRUE(credential.has_value()) << credential.error().toString();
    EXPECT_EQ(credential->token, "plugin-token");
    ASSERT_TRUE(credential->expiry.has_value());
}

TEST_F(ExecCredentialProviderTest, ArgsAndEnv_AreGivenWithoutAShell) {
    ExecConfig exec =
        config(script("printf '%s|' \"$@\" > '" + m_dir.filePath("args").toStdString()
                      + "'\n"
                        "printf '%s' \"$REGION\" > '"
                      + m_dir.filePath("env").toStdString() + "'\n" + tokenOutput("t", inAnHour)));
    exec.args = {"get-token", "two words", "$HOME"};
    exec.env = {{"REGION", "eu-west"}};
    ExecCredentialProvider provider(exec, "alice", Json::object());

    ASSERT_TRUE(fetch(provider).has_value());

    EXPECT_EQ(readFile("args"), "get-token|two words|$HOME|") << "arguments reach the plugin verbatim";
    EXPECT_EQ(readFile("env"), "eu-west");
}

TEST_F(ExecCredentialProviderTest, ExecInfo_SaysNotInteractiveAndCarriesClusterWhenAsked) {
    ExecConfig exec =
        config(script("printf '%s' \"$KUBERNETES_EXEC_INFO\" > '" + m_dir.filePath("info").toStdString()
                      + "'\n" + tokenOutput("t", inAnHour)));
    exec.provideClusterInfo = true;
    ExecCredentialProvider provider(exec, "alice", Json{{"server", "https://k:6443"}});

    ASSERT_TRUE(fetch(provider).has_value());

    const Json info = Json::parse(readFile("info").toStdString());
    EXPECT_EQ(info["kind"], "ExecCredential");
    EXPECT_EQ(info["apiVersion"], "client.authentication.k8s.io/v1");
    EXPECT_EQ(info["spec"]["interactive"], false);
    EXPECT_EQ(info["spec"]["cluster"]["server"], "https://k:6443");
}

TEST_F(ExecCredentialProviderTest, ExecInfo_OmitsClusterUnlessAsked) {
    const ExecConfig exec =
        config(script("printf '%s' \"$KUBERNETES_EXEC_INFO\" > '" + m_dir.filePath("info").toStdString()
                      + "'\n" + tokenOutput("t", inAnHour)));
    ExecCredentialProvider provider(exec, "alice", Json{{"server", "https://k:6443"}});

    ASSERT_TRUE(fetch(provider).has_value());

    EXPECT_FALSE(Json::parse(readFile("info").toStdString())["spec"].contains("cluster"));
}

TEST_F(ExecCredentialProviderTest, ValidCredential_IsCachedUntilExpiry) {
    ExecCredentialProvider provider(config(script(tokenOutput("t", inAnHour))), "alice", Json::object());

    ASSERT_TRUE(fetch(provider).has_value());
    ASSERT_TRUE(fetch(provider).has_value());

    EXPECT_EQ(runs(), 1);
    EXPECT_EQ(provider.runCount(), 1);
}

TEST_F(ExecCredentialProviderTest, ExpiredCredential_RunsThePluginAgain) {
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-60);
    ExecCredentialProvider provider(config(script(tokenOutput("t", past))), "alice", Json::object());

    ASSERT_TRUE(fetch(provider).has_value());
    ASSERT_TRUE(fetch(provider).has_value());

    EXPECT_EQ(runs(), 2);
}

TEST_F(ExecCredentialProviderTest, Invalidate_RunsThePluginAgain) {
    ExecCredentialProvider provider(config(script(tokenOutput("t", inAnHour))), "alice", Json::object());

    ASSERT_TRUE(fetch(provider).has_value());
    provider.invalidate();
    ASSERT_TRUE(fetch(provider).has_value());

    EXPECT_EQ(runs(), 2);
}

TEST_F(ExecCredentialProviderTest, PluginThatHangs_TimesOut) {
    ExecCredentialProvider provider(config(script("exec sleep 30")), "alice", Json::object());
    provider.setTimeout(300ms);

    const auto credential = fetch(provider);

    ASSERT_FALSE(credential.has_value());
    EXPECT_EQ(credential.error().kind, ErrorKind::Timeout);
    EXPECT_NE(credential.error().message.find("user \"alice\""), std::string::npos);
}

TEST_F(ExecCredentialProviderTest, MissingCommand_ShowsInstallHint) {
    ExecConfig exec = config("otelconsole-no-such-plugin");
    exec.installHint = "Install it with: apt install the-plugin";
    ExecCredentialProvider provider(exec, "alice", Json::object());

    const auto credential = fetch(provider);

    ASSERT_FALSE(credential.has_value());
    EXPECT_EQ(credential.error().kind, ErrorKind::Auth);
    EXPECT_NE(credential.error().message.find("apt install the-plugin"), std::string::npos);
}

TEST_F(ExecCredentialProviderTest, FailingPlugin_ReportsExitCodeAndStderr) {
    ExecCredentialProvider provider(config(script("echo 'login required' >&2\nexit 3")), "alice",
                                    Json::object());

    const auto credential = fetch(provider);

    ASSERT_FALSE(credential.has_value());
    EXPECT_NE(credential.error().message.find("exit code 3"), std::string::npos);
    EXPECT_NE(credential.error().message.find("login required"), std::string::npos);
}

TEST_F(ExecCredentialProviderTest, OutputNotAnExecCredential_IsAnError) {
    ExecCredentialProvider provider(config(script("echo '{\"kind\":\"Other\"}'")), "alice", Json::object());

    const auto credential = fetch(provider);

    ASSERT_FALSE(credential.has_value());
    EXPECT_NE(credential.error().message.find("ExecCredential"), std::string::npos);
}

TEST_F(ExecCredentialProviderTest, WrongApiVersionInOutput_IsAnError) {
    ExecConfig exec = config(script(tokenOutput("t", inAnHour)));
    exec.apiVersion = "client.authentication.k8s.io/v1beta1";
    ExecCredentialProvider provider(exec, "alice", Json::object());

    const auto credential = fetch(provider);

    ASSERT_FALSE(credential.has_value());
    EXPECT_NE(credential.error().message.find("apiVersion"), std::string::npos);
}

} // namespace
