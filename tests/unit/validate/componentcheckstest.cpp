// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class ComponentChecks : public ValidationTest {
protected:
    void useImage(const std::string &reference) { m_project.deployment.collectorImage = reference; }
    void addLogsPipelineWith(const std::string &receiver, const Json &config) {
        m_project.collector.receivers.push_back({receiver, config});
        m_project.collector.pipelines.push_back({"logs", {receiver}, {"memory_limiter"}, {"otlp_grpc"}});
    }
};

TEST_F(ComponentChecks, TypeUnknownToTheCatalog_IsAnInfo) {
    m_project.collector.receivers.push_back({"acme_receiver", Json()});
    traces().receivers.push_back("acme_receiver");
    const Diagnostic found = only("component.unknown");
    EXPECT_EQ(found.severity, Severity::Info);
    EXPECT_EQ(found.path, "collector.receivers.acme_receiver");
    EXPECT_THAT(found.message, HasSubstr("not checked"));
}

TEST_F(ComponentChecks, ReceiverMissingFromCoreImage_SuggestsTheContribImage) {
    useImage("otel/opentelemetry-collector:0.159.0");
    addLogsPipelineWith("file_log", yaml("{include: [/var/log/pods/*/*/*.log]}"));
    const Diagnostic found = only("component.unavailable");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.receivers.file_log");
    EXPECT_THAT(found.message, HasSubstr("core"));
    EXPECT_EQ(found.fix, "change the image to otel/opentelemetry-collector-contrib:0.159.0");
}

TEST_F(ComponentChecks, RemovedJaegerExporter_OffersTheOtlpReplacement) {
    m_project.collector.exporters.push_back({"jaeger", yaml("{endpoint: jaeger-collector:14250}")});
    traces().exporters.push_back("jaeger");
    const Diagnostic found = only("component.unavailable");
    EXPECT_EQ(found.path, "collector.exporters.jaeger");
    EXPECT_THAT(found.message, HasSubstr("0.85.0"));
    EXPECT_THAT(found.fix,
                HasSubstr("otlp_grpc/jaeger: {endpoint: jaeger-collector:4317, tls: {insecure: true}}"));
}

TEST_F(ComponentChecks, RemovedLoggingExporter_SuggestsDebug) {
    m_project.collector.exporters.push_back({"logging", yaml("{verbosity: detailed}")});
    traces().exporters.push_back("logging");
    const Diagnostic found = only("component.unavailable");
    EXPECT_EQ(found.path, "collector.exporters.logging");
    EXPECT_THAT(found.message, HasSubstr("0.111.0"));
    EXPECT_THAT(found.fix, HasSubstr("rename \"logging\" to \"debug\""));
}

TEST_F(ComponentChecks, LoggingExporterBeforeItsRemoval_IsAccepted) {
    useImage("otel/opentelemetry-collector-contrib:0.110.0");
    exporter("otlp_grpc").id = "otlp";
    traces().exporters = {"otlp", "logging"};
    m_project.collector.exporters.push_back({"logging", Json()});
    EXPECT_FALSE(has("component.unavailable"));
}

TEST_F(ComponentChecks, ComponentNewerThanTheImage_SuggestsAnUpgrade) {
    useImage("otel/opentelemetry-collector-contrib:0.85.0");
    exporter("otlp_grpc").id = "otlp";
    traces().exporters = {"otlp", "debug"};
    m_project.collector.exporters.push_back({"debug", Json()});
    const Diagnostic found = only("component.unavailable");
    EXPECT_EQ(found.path, "collector.exporters.debug");
    EXPECT_THAT(found.fix, HasSubstr("upgrade the image to otel/opentelemetry-collector-contrib:"));
}

TEST_F(ComponentChecks, NameNewerThanTheImage_IsAnErrorWithTheOldName) {
    useImage("otel/opentelemetry-collector-contrib:0.140.0");
    exporter("otlp_grpc").id = "otlp_grpc/backend";
    traces().exporters = {"otlp_grpc/backend"};
    const Diagnostic found = only("component.name-too-new");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.exporters.otlp_grpc/backend");
    EXPECT_THAT(found.message, HasSubstr("otlp_grpc"));
    EXPECT_THAT(found.fix, HasSubstr("rename \"otlp_grpc/backend\" to \"otlp/backend\""));
}

TEST_F(ComponentChecks, OldNameAfterARename_IsAnInfoWithThePreferredName) {
    exporter("otlp_grpc").id = "otlp";
    traces().exporters = {"otlp"};
    const Diagnostic found = only("component.deprecated-name");
    EXPECT_EQ(found.severity, Severity::Info);
    EXPECT_EQ(found.path, "collector.exporters.otlp");
    EXPECT_THAT(found.message, HasSubstr("\"otlp_grpc\" since v0.144.0"));
    EXPECT_THAT(found.fix, HasSubstr("rename \"otlp\" to \"otlp_grpc\""));
}

TEST_F(ComponentChecks, ExporterMissingFromK8sImage_IsAnError) {
    useImage("otel/opentelemetry-collector-k8s:0.159.0");
    m_project.collector.exporters.push_back({"prometheus", yaml("{endpoint: 0.0.0.0:8889}")});
    m_project.collector.pipelines.push_back({"metrics", {"otlp"}, {"memory_limiter"}, {"prometheus"}});
    const Diagnostic found = only("component.unavailable");
    EXPECT_EQ(found.path, "collector.exporters.prometheus");
    EXPECT_THAT(found.message, HasSubstr("k8s"));
    EXPECT_THAT(found.fix, HasSubstr("otel/opentelemetry-collector-contrib:0.159.0"));
}
