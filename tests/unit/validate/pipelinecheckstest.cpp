// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class PipelineChecks : public ValidationTest {};

TEST_F(PipelineChecks, NoPipeline_IsAnError) {
    m_project.collector.pipelines.clear();
    const Diagnostic found = only("pipeline.none");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.service.pipelines");
}

TEST_F(PipelineChecks, PipelineIdWithoutSignal_IsAnError) {
    traces().id = "spans/main";
    const Diagnostic found = only("pipeline.signal-invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.service.pipelines.spans/main");
    EXPECT_THAT(found.message, HasSubstr("\"spans\""));
}

TEST_F(PipelineChecks, NamedPipelines_AreAccepted) {
    m_project.collector.pipelines.push_back({"traces/2", {"otlp"}, {"memory_limiter"}, {"otlp_grpc"}});
    EXPECT_FALSE(has("pipeline.signal-invalid"));
}

TEST_F(PipelineChecks, PipelineWithoutReceiver_IsAnError) {
    traces().receivers.clear();
    const Diagnostic found = only("pipeline.no-receiver");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.service.pipelines.traces.receivers");
}

TEST_F(PipelineChecks, PipelineWithoutExporter_IsAnError) {
    traces().exporters.clear();
    const Diagnostic found = only("pipeline.no-exporter");
    EXPECT_EQ(found.path, "collector.service.pipelines.traces.exporters");
    EXPECT_THAT(found.message, HasSubstr("traces"));
}

TEST_F(PipelineChecks, UndefinedExporter_IsAnErrorAtItsListEntry) {
    traces().exporters.push_back("otlp_grpc/jaeger");
    const Diagnostic found = only("pipeline.undefined-reference");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.service.pipelines.traces.exporters[1]");
    EXPECT_THAT(found.message, HasSubstr("\"otlp_grpc/jaeger\""));
    EXPECT_THAT(found.fix, HasSubstr("collector.exporters"));
}

TEST_F(PipelineChecks, ProcessorDefinedOnlyAsConnector_IsUndefined) {
    m_project.collector.connectors.push_back({"forward", Json()});
    traces().processors.push_back("forward");
    EXPECT_EQ(only("pipeline.undefined-reference").path, "collector.service.pipelines.traces.processors[2]");
}

TEST_F(PipelineChecks, ConnectorJoiningTwoPipelines_IsAccepted) {
    m_project.collector.connectors.push_back({"forward", Json()});
    traces().exporters.push_back("forward");
    m_project.collector.pipelines.push_back({"traces/copy", {"forward"}, {"memory_limiter"}, {"otlp_grpc"}});
    const std::vector<Diagnostic> diagnostics = validate();
    EXPECT_TRUE(diagnostics.empty()) << describeAll(diagnostics);
}

TEST_F(PipelineChecks, ConnectorUsedOnlyAsExporter_IsAnError) {
    m_project.collector.connectors.push_back({"forward", Json()});
    traces().exporters.push_back("forward");
    const Diagnostic found = only("connector.unpaired");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.connectors.forward");
    EXPECT_THAT(found.message, HasSubstr("as an exporter"));
}

TEST_F(PipelineChecks, ComponentListedTwice_IsAnError) {
    traces().processors.push_back("batch");
    const Diagnostic found = only("pipeline.duplicate-reference");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.service.pipelines.traces.processors[2]");
    EXPECT_THAT(found.message, HasSubstr("\"batch\" twice"));
}

TEST_F(PipelineChecks, LogsReceiverInTracesPipeline_IsAnError) {
    m_project.collector.receivers.push_back({"file_log", yaml("{include: [/var/log/pods/*/*/*.log]}")});
    traces().receivers.push_back("file_log");
    const Diagnostic found = only("pipeline.signal-mismatch");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.service.pipelines.traces.receivers[1]");
    EXPECT_THAT(found.message, HasSubstr("\"file_log\" handles logs, not traces"));
    EXPECT_THAT(found.fix, HasSubstr("logs pipeline"));
}

TEST_F(PipelineChecks, UndefinedServiceExtension_IsAnError) {
    m_project.collector.serviceExtensions.push_back("pprof");
    const Diagnostic found = only("extension.undefined-reference");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.service.extensions[1]");
    EXPECT_THAT(found.message, HasSubstr("\"pprof\""));
}

TEST_F(PipelineChecks, UnusedReceiver_IsAnInfo) {
    m_project.collector.receivers.push_back(
        {"otlp/unused", yaml("{protocols: {grpc: {endpoint: 0.0.0.0:5317}}}")});
    const Diagnostic found = only("component.unused");
    EXPECT_EQ(found.severity, Severity::Info);
    EXPECT_EQ(found.path, "collector.receivers.otlp/unused");
    EXPECT_THAT(found.message, HasSubstr("ignores"));
}

TEST_F(PipelineChecks, ExtensionNotInServiceExtensions_IsUnused) {
    m_project.collector.extensions.push_back({"zpages", Json()});
    const Diagnostic found = only("component.unused");
    EXPECT_EQ(found.path, "collector.extensions.zpages");
    EXPECT_THAT(found.message, HasSubstr("service.extensions"));
}
