// SPDX-License-Identifier: Apache-2.0
#include "validate/validator.h"

#include "model/projectfile.h"
#include "validationtest.h"

#include <gmock/gmock.h>

#include <algorithm>
#include <tuple>

using namespace otelconsole;
using testing::HasSubstr;

class Validator : public ValidationTest {};

TEST_F(Validator, MinimalProject_HasNoDiagnostics) {
    const std::vector<Diagnostic> diagnostics = validate();
    EXPECT_TRUE(diagnostics.empty()) << describeAll(diagnostics);
}

TEST_F(Validator, SourceMap_FillsLocations) {
    m_project.deployment.resources.limits.memory = "64 Mi";
    SourceMap sources;
    sources.add("resources.limits.memory", SourceLocation{"gateway.yaml", 7, 13});

    const std::vector<Diagnostic> diagnostics = validateProject(m_project, Catalog::builtin(), &sources);
    const auto found = std::ranges::find(diagnostics, "quantity.invalid", &Diagnostic::code);
    ASSERT_NE(found, diagnostics.end());
    EXPECT_EQ(found->location.file, "gateway.yaml");
    EXPECT_EQ(found->location.line, 7);
    EXPECT_THAT(found->toString(), testing::StartsWith("gateway.yaml:7:13: error: "));
}

TEST_F(Validator, SourceMap_FallsBackToTheNearestRecordedParent) {
    processor("memory_limiter").config.erase("check_interval");
    SourceMap sources;
    sources.add("collector.processors.memory_limiter", SourceLocation{"gateway.yaml", 21, 5});

    const std::vector<Diagnostic> diagnostics = validateProject(m_project, Catalog::builtin(), &sources);
    const auto found = std::ranges::find(diagnostics, "memory-limiter.check-interval", &Diagnostic::code);
    ASSERT_NE(found, diagnostics.end());
    EXPECT_EQ(found->path, "collector.processors.memory_limiter.check_interval");
    EXPECT_EQ(found->location.line, 21);
}

TEST_F(Validator, WithoutSourceMap_LocationsStayEmpty) {
    m_project.deployment.resources.limits.memory = "64 Mi";
    const std::vector<Diagnostic> diagnostics = validate();
    ASSERT_FALSE(diagnostics.empty());
    EXPECT_TRUE(std::ranges::all_of(diagnostics, [](const Diagnostic &d) { return d.location.line == 0; }));
}

TEST_F(Validator, Diagnostics_AreSortedByPathThenSeverity) {
    // Break several things at once, in fields far apart in the file.
    m_project.deployment.resources.limits = {"", ""};
    m_project.deployment.resources.requests.cpu = "two";
    m_project.deployment.namespaceName = "Observability";
    traces().processors = {"batch", "memory_limiter"};
    exporter("otlp_grpc").id = "logging";
    traces().exporters = {"logging"};

    const std::vector<Diagnostic> diagnostics = validate();
    ASSERT_GE(diagnostics.size(), 5u);
    EXPECT_TRUE(std::ranges::is_sorted(diagnostics, [](const Diagnostic &left, const Diagnostic &right) {
        return std::tie(left.path, left.severity) < std::tie(right.path, right.severity);
    })) << describeAll(diagnostics);
}

TEST_F(Validator, SameProject_GivesTheSameOutputEveryTime) {
    m_project.deployment.resources.limits = {"", ""};
    m_project.collector.pipelines.push_back({"logs", {"otlp"}, {}, {"otlp_grpc"}});
    m_project.collector.receivers.push_back({"zipkin", Json()});

    const std::vector<Diagnostic> first = validate();
    const std::vector<Diagnostic> second = validate();
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t index = 0; index < first.size(); ++index)
        EXPECT_EQ(first[index].toString(), second[index].toString());
}

TEST_F(Validator, SamePath_ListsErrorsBeforeInfos) {
    // An unused exporter the image no longer has: an info (unused) and an error (removed), one path.
    m_project.collector.exporters.push_back({"logging", Json()});

    const std::vector<Diagnostic> diagnostics = validate();
    std::vector<Severity> severities;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.path == "collector.exporters.logging")
            severities.push_back(diagnostic.severity);
    }
    EXPECT_EQ(severities, (std::vector<Severity>{Severity::Error, Severity::Info}))
        << describeAll(diagnostics);
}

class ExampleProject : public ::testing::TestWithParam<const char *> {};

TEST_P(ExampleProject, ValidatesWithoutErrors) {
    const std::string path = std::string(OTELCONSOLE_SOURCE_DIR) + "/resources/examples/" + GetParam();
    const Result<LoadedProject> loaded = loadProjectFile(path);
    ASSERT_TRUE(loaded) << loaded.error().toString();

    const std::vector<Diagnostic> diagnostics =
        validateProject(loaded->project, Catalog::builtin(), &loaded->sources);
    EXPECT_FALSE(hasErrors(diagnostics)) << describeAll(diagnostics);
    for (const Diagnostic &diagnostic : diagnostics)
        EXPECT_THAT(diagnostic.location.file, HasSubstr(GetParam())) << diagnostic.toString();
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleProject,
                         ::testing::Values("gateway.yaml", "daemonset-logs.yaml", "sidecar.yaml"));
