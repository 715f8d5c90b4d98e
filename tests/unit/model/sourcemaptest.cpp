// SPDX-License-Identifier: Apache-2.0
#include "model/projectfile.h"
#include "modeltestsupport.h"

#include <gtest/gtest.h>

using namespace otelconsole;
using otelconsole::modeltest::positionOf;

namespace {

class SourceMapLookup : public ::testing::Test {
protected:
    void SetUp() override {
        m_text = otelconsole::modeltest::readSourceFile(examplePath);
        auto loaded = parseProject(m_text, examplePath);
        ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
        m_sources = loaded->sources;
    }

    /// The line of the first line containing `needle` at or after the first line containing `after`.
    [[nodiscard]] int lineOf(std::string_view needle, std::string_view after = {}) const {
        const int from = after.empty() ? 1 : positionOf(m_text, after).line;
        return positionOf(m_text, needle, from).line;
    }

    static constexpr const char *examplePath = "resources/examples/gateway.yaml";
    std::string m_text;
    SourceMap m_sources;
};

TEST_F(SourceMapLookup, TopLevelField_HasItsLineAndFile) {
    const SourceLocation location = m_sources.find("name");

    EXPECT_EQ(location.file, examplePath);
    EXPECT_EQ(location.line, lineOf("name: otel-gateway"));
    EXPECT_EQ(location.column, 1);
}

TEST_F(SourceMapLookup, NestedField_HasItsLine) {
    EXPECT_EQ(m_sources.find("resources.limits.memory").line, lineOf("limits:"));
    EXPECT_EQ(m_sources.find("hpa.min_replicas").line, lineOf("min_replicas: 3"));
}

TEST_F(SourceMapLookup, FlowMapField_HasItsColumn) {
    const auto expected = positionOf(m_text, "memory: 4Gi");

    EXPECT_EQ(m_sources.find("resources.limits.memory").column, expected.column);
}

TEST_F(SourceMapLookup, Component_HasItsLine) {
    EXPECT_EQ(m_sources.find("collector.receivers.otlp").line, lineOf("otlp:", "receivers:"));
}

TEST_F(SourceMapLookup, ComponentSetting_HasItsLine) {
    EXPECT_EQ(m_sources.find("collector.processors.memory_limiter.limit_mib").line,
              lineOf("limit_mib: 3276"));
    EXPECT_EQ(m_sources.find("collector.receivers.otlp.protocols.grpc.endpoint").line,
              lineOf("0.0.0.0:4317"));
}

TEST_F(SourceMapLookup, PipelineListItem_HasItsLineAndColumn) {
    const auto expected = positionOf(m_text, "otlp_grpc/jaeger, otlp_grpc]");
    const SourceLocation location = m_sources.find("collector.service.pipelines.traces.exporters[1]");

    EXPECT_EQ(location.line, expected.line);
    EXPECT_EQ(location.column,
              expected.column + static_cast<int>(std::string_view("otlp_grpc/jaeger, ").size()));
}

TEST_F(SourceMapLookup, ServiceExtension_HasItsLine) {
    EXPECT_EQ(m_sources.find("collector.service.extensions[0]").line, lineOf("extensions: [health_check]"));
}

TEST_F(SourceMapLookup, TelemetrySetting_HasItsLine) {
    EXPECT_EQ(
        m_sources.find("collector.service.telemetry.metrics.readers[0].pull.exporter.prometheus.port").line,
        lineOf("port: 8888"));
}

TEST_F(SourceMapLookup, UnrecordedPath_FallsBackToNearestParent) {
    EXPECT_EQ(m_sources.find("collector.processors.memory_limiter.no_such_setting").line,
              lineOf("memory_limiter:"));
    EXPECT_EQ(m_sources.find("hpa.behavior.scale_down[3]").line, lineOf("hpa:"));
}

TEST_F(SourceMapLookup, UnknownRoot_GivesAnEmptyLocation) {
    EXPECT_EQ(m_sources.find("nothing.here").line, 0);
}

class SourceMapParents : public ::testing::Test {};

TEST_F(SourceMapParents, IndexAndKeySteps_AreBothDropped) {
    SourceMap sources;
    sources.add("a.b", SourceLocation{"f.yaml", 3, 4});

    EXPECT_EQ(sources.find("a.b[2].c[0]").line, 3);
    EXPECT_EQ(sources.find("a.bc").line, 0);
}

} // namespace
