// SPDX-License-Identifier: Apache-2.0
// The command line as a user meets it: the real executable, its exit statuses and its messages.
#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

namespace {

// QProcess needs an application object for its socket notifiers.
class QtApplication : public testing::Environment {
public:
    void SetUp() override { m_application = std::make_unique<QCoreApplication>(m_argc, m_argv); }
    void TearDown() override { m_application.reset(); }

private:
    int m_argc = 1;
    char m_name[9] = "test_cli";
    char *m_argv[2] = {m_name, nullptr};
    std::unique_ptr<QCoreApplication> m_application;
};

[[maybe_unused]] testing::Environment *const qtApplication =
    testing::AddGlobalTestEnvironment(new QtApplication);

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

class CommandLine : public testing::Test {
protected:
    static ProcessResult run(const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral(OTELCONSOLE_EXECUTABLE), arguments);
        EXPECT_TRUE(process.waitForFinished(60'000)) << "otel-console did not finish";
        return {process.exitCode(), process.readAllStandardOutput().toStdString(),
                process.readAllStandardError().toStdString()};
    }

    static QString example(const char *name) {
        return QStringLiteral(OTELCONSOLE_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
    }

    QString writeFile(const char *name, const std::string &text) {
        const QString path = m_dir.filePath(QLatin1String(name));
        std::ofstream(path.toStdString()) << text;
        return path;
    }

    QTemporaryDir m_dir;
};

TEST_F(CommandLine, RenderExample_PrintsManifestsAndSucceeds) {
    const ProcessResult result = run({QStringLiteral("render"), example("gateway.yaml")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("kind: Deployment"), std::string::npos);
    EXPECT_NE(result.out.find("kind: HorizontalPodAutoscaler"), std::string::npos);
}

TEST_F(CommandLine, RenderToFile_WritesTheSameBytesAsStdout) {
    const QString output = m_dir.filePath(QStringLiteral("plan.yaml"));
    const ProcessResult toFile =
        run({QStringLiteral("render"), example("daemonset-logs.yaml"), QStringLiteral("-o"), output});
    const ProcessResult toStdout = run({QStringLiteral("render"), example("daemonset-logs.yaml")});
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    std::ifstream file(output.toStdString());
    const std::string written((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_EQ(written, toStdout.out);
}

TEST_F(CommandLine, ValidateExample_ReportsNoErrors) {
    const ProcessResult result = run({QStringLiteral("validate"), example("sidecar.yaml")});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("0 error(s)"), std::string::npos) << result.out;
}

TEST_F(CommandLine, MissingFile_IsBadUsage) {
    const ProcessResult result =
        run({QStringLiteral("validate"), m_dir.filePath(QStringLiteral("absent.yaml"))});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("absent.yaml"), std::string::npos) << result.err;
}

TEST_F(CommandLine, UnknownKey_NamesFileAndLine) {
    const QString path = writeFile("typo.yaml", "name: demo\nmode: Gateway\nreplica: 3\n");
    const ProcessResult result = run({QStringLiteral("render"), path});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("typo.yaml:3"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("replica"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
}

TEST_F(CommandLine, MalformedYaml_GivesOneMessageNotACrash) {
    const QString path = writeFile("broken.yaml", "name: demo\nresources: {limits: [\n");
    const ProcessResult result = run({QStringLiteral("validate"), path});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("broken.yaml:"), std::string::npos) << result.err;
}

TEST_F(CommandLine, ProjectWithErrors_RendersNothingAndFails) {
    const QString path =
        writeFile("bad.yaml", "name: demo\nmode: DaemonSet\nreplicas: 3\n"
                              "collector_image: otel/opentelemetry-collector-contrib:0.159.0\n");
    const ProcessResult result = run({QStringLiteral("render"), path});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("replicas"), std::string::npos) << result.err;
}

TEST_F(CommandLine, UnknownCommandOrMissingArgument_IsBadUsage) {
    EXPECT_EQ(run({QStringLiteral("render")}).exitCode, 2);
    EXPECT_EQ(run({QStringLiteral("render"), QStringLiteral("a"), QStringLiteral("b")}).exitCode, 2);
    EXPECT_EQ(run({QStringLiteral("render"), QStringLiteral("--bogus"), example("gateway.yaml")}).exitCode,
              2);
}

TEST_F(CommandLine, Help_PrintsUsageAndSucceeds) {
    const ProcessResult result = run({QStringLiteral("--help")});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("render PROJECT"), std::string::npos);
}

} // namespace
