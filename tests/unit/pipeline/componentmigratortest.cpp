// SPDX-License-Identifier: Apache-2.0
#include "document/componentmigrator.h"

#include <gtest/gtest.h>

namespace {

using otelconsole::AvailabilityIssue;
using otelconsole::Catalog;
using otelconsole::CollectorConfig;
using otelconsole::CollectorImage;
using otelconsole::Component;
using otelconsole::ComponentKind;
using otelconsole::Json;
using otelconsole::Pipeline;
using Migrator = otelconsole::ComponentMigrator;
using Ids = std::vector<std::string>;

const std::string contrib = "otel/opentelemetry-collector-contrib:";

CollectorImage image(const std::string &reference) {
    auto parsed = CollectorImage::parse(reference);
    EXPECT_TRUE(parsed) << reference;
    return parsed.value_or(CollectorImage{});
}

/// Traces from otlp to a Jaeger collector with the long-removed jaeger exporter.
CollectorConfig withExporter(Component exporter) {
    CollectorConfig config;
    config.receivers = {Component{"otlp", Json::object()}};
    config.processors = {Component{"batch", Json::object()}};
    config.exporters = {std::move(exporter), Component{"debug", Json::object()}};
    config.pipelines = {Pipeline{"traces", {"otlp"}, {"batch"}, {config.exporters.front().id, "debug"}}};
    return config;
}

class ComponentMigrator : public testing::Test {
protected:
    Migrator on(const std::string &tag) const { return Migrator(Catalog::builtin(), image(contrib + tag)); }
};

TEST_F(ComponentMigrator, Issues_JaegerExporterOnARecentImage_IsFlaggedWithAMigration) {
    const CollectorConfig config =
        withExporter(Component{"jaeger", Json{{"endpoint", "jaeger-collector:14250"}}});

    const std::vector<AvailabilityIssue> issues = on("0.159.0").issues(config);

    ASSERT_EQ(issues.size(), 1U);
    EXPECT_EQ(issues[0].id, "jaeger");
    EXPECT_TRUE(issues[0].known);
    EXPECT_NE(issues[0].reason.find("removed in v0.85.0"), std::string::npos);
    ASSERT_TRUE(issues[0].migration);
    EXPECT_EQ(issues[0].migration->replacement.id, "otlp_grpc/jaeger");
}

TEST_F(ComponentMigrator, Issues_OnAnOldImage_FlagTheNewerDebugExporterButNotJaeger) {
    const CollectorConfig config =
        withExporter(Component{"jaeger", Json{{"endpoint", "jaeger-collector:14250"}}});

    const std::vector<AvailabilityIssue> issues = on("0.84.0").issues(config);

    ASSERT_EQ(issues.size(), 1U);
    EXPECT_EQ(issues[0].id, "debug");
    EXPECT_FALSE(issues[0].migration);
}

TEST_F(ComponentMigrator, Issues_UnknownType_IsListedAsUnchecked) {
    const CollectorConfig config = withExporter(Component{"honeycombmarker", Json::object()});

    const std::vector<AvailabilityIssue> issues = on("0.159.0").issues(config);

    ASSERT_EQ(issues.size(), 1U);
    EXPECT_FALSE(issues[0].known);
    EXPECT_FALSE(issues[0].migration);
}

TEST_F(ComponentMigrator, Migrate_Jaeger_SendsOtlpToTheJaegerCollectorsOtlpPortWithoutTls) {
    CollectorConfig config = withExporter(Component{"jaeger", Json{{"endpoint", "jaeger-collector:14250"}}});

    const auto id = on("0.159.0").migrate(config, ComponentKind::Exporter, "jaeger");

    ASSERT_TRUE(id) << id.error().message;
    EXPECT_EQ(*id, "otlp_grpc/jaeger");
    EXPECT_EQ(config.exporters.front().config,
              (Json{{"endpoint", "jaeger-collector:4317"}, {"tls", {{"insecure", true}}}}));
    EXPECT_EQ(config.pipelines[0].exporters, (Ids{"otlp_grpc/jaeger", "debug"}));
}

TEST_F(ComponentMigrator, Migrate_JaegerBeforeTheOtlpRename_UsesTheOldName) {
    CollectorConfig config = withExporter(Component{"jaeger", Json{{"endpoint", "jaeger-collector:14250"}}});

    const auto id = on("0.120.0").migrate(config, ComponentKind::Exporter, "jaeger");

    ASSERT_TRUE(id);
    EXPECT_EQ(*id, "otlp/jaeger");
}

TEST_F(ComponentMigrator, Migrate_JaegerWithTlsSettings_KeepsThemAndTheOtherSettings) {
    const Json tls{{"ca_file", "/certs/ca.pem"}};
    CollectorConfig config = withExporter(
        Component{"jaeger/prod", Json{{"endpoint", "jaeger.prod:14250"}, {"tls", tls}, {"timeout", "10s"}}});

    const auto id = on("0.159.0").migrate(config, ComponentKind::Exporter, "jaeger/prod");

    ASSERT_TRUE(id);
    EXPECT_EQ(*id, "otlp_grpc/prod");
    EXPECT_EQ(config.exporters.front().config,
              (Json{{"endpoint", "jaeger.prod:4317"}, {"tls", tls}, {"timeout", "10s"}}));
}

TEST_F(ComponentMigrator, Migrate_ReplacementIdTaken_GetsASuffix) {
    CollectorConfig config = withExporter(Component{"jaeger", Json{{"endpoint", "jaeger:14250"}}});
    config.exporters.push_back(Component{"otlp_grpc/jaeger", Json::object()});

    const auto id = on("0.159.0").migrate(config, ComponentKind::Exporter, "jaeger");

    ASSERT_TRUE(id);
    EXPECT_EQ(*id, "otlp_grpc/jaeger-2");
}

struct EndpointRow {
    std::string jaeger;
    std::string otlp;
};

std::ostream &operator<<(std::ostream &stream, const EndpointRow &row) {
    return stream << row.jaeger;
}

class JaegerEndpointMigration : public testing::TestWithParam<EndpointRow> {};

TEST_P(JaegerEndpointMigration, MovesToPort4317) {
    CollectorConfig config = withExporter(Component{"jaeger", Json{{"endpoint", GetParam().jaeger}}});

    ASSERT_TRUE(Migrator(Catalog::builtin(), image(contrib + "0.159.0"))
                    .migrate(config, ComponentKind::Exporter, "jaeger"));
    EXPECT_EQ(config.exporters.front().config["endpoint"], GetParam().otlp);
}

INSTANTIATE_TEST_SUITE_P(Table, JaegerEndpointMigration,
                         testing::Values(EndpointRow{"jaeger:14250", "jaeger:4317"},
                                         EndpointRow{"jaeger.tracing.svc:14250", "jaeger.tracing.svc:4317"},
                                         EndpointRow{"[::1]:14250", "[::1]:4317"},
                                         EndpointRow{"dns:///jaeger", "dns:///jaeger:4317"},
                                         EndpointRow{"jaeger", "jaeger:4317"}));

struct VerbosityRow {
    Json logging;
    std::string verbosity;
};

std::ostream &operator<<(std::ostream &stream, const VerbosityRow &row) {
    return stream << row.logging.dump();
}

class LoggingMigration : public testing::TestWithParam<VerbosityRow> {};

TEST_P(LoggingMigration, MapsTheLogLevelToAVerbosity) {
    CollectorConfig config = withExporter(Component{"logging", GetParam().logging});

    const auto id = Migrator(Catalog::builtin(), image(contrib + "0.159.0"))
                        .migrate(config, ComponentKind::Exporter, "logging");

    ASSERT_TRUE(id);
    EXPECT_EQ(*id, "debug/2"); // "debug" is taken by the configuration's own debug exporter
    EXPECT_EQ(config.exporters.front().config["verbosity"], GetParam().verbosity);
    EXPECT_FALSE(config.exporters.front().config.contains("loglevel"));
}

INSTANTIATE_TEST_SUITE_P(Table, LoggingMigration,
                         testing::Values(VerbosityRow{Json{{"loglevel", "debug"}}, "detailed"},
                                         VerbosityRow{Json{{"loglevel", "info"}}, "normal"},
                                         VerbosityRow{Json{{"loglevel", "warn"}}, "basic"},
                                         VerbosityRow{Json::object(), "normal"},
                                         VerbosityRow{Json{{"verbosity", "detailed"}}, "detailed"}));

TEST_F(ComponentMigrator, Migrate_NameNewerThanTheImage_GoesBackToTheNameItKnows) {
    CollectorConfig config;
    config.receivers = {
        Component{"file_log/pods", Json{{"include", Json::array({"/var/log/pods/*/*/*.log"})}}}};
    config.pipelines = {Pipeline{"logs", {"file_log/pods"}, {}, {}}};

    const auto id = on("0.140.0").migrate(config, ComponentKind::Receiver, "file_log/pods");

    ASSERT_TRUE(id);
    EXPECT_EQ(*id, "filelog/pods");
    EXPECT_EQ(config.receivers.front().config["include"][0], "/var/log/pods/*/*/*.log");
    EXPECT_EQ(config.pipelines[0].receivers, Ids{"filelog/pods"});
}

TEST_F(ComponentMigrator, Migrate_ComponentMissingFromTheDistribution_IsAnError) {
    CollectorConfig config;
    config.receivers = {Component{"file_log", Json::object()}};
    const Migrator onCore(Catalog::builtin(), image("otel/opentelemetry-collector:0.159.0"));

    const auto id = onCore.migrate(config, ComponentKind::Receiver, "file_log");

    ASSERT_FALSE(id);
    EXPECT_EQ(config.receivers.front().id, "file_log");
}

} // namespace
