// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class ImageChecks : public ValidationTest {};

TEST_F(ImageChecks, UnknownRepository_IsAWarningThatComponentsAreNotChecked) {
    m_project.deployment.collectorImage = "registry.example.com/custom-otelcol:1.0";
    const Diagnostic found = only("image.unrecognized");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector_image");
    EXPECT_THAT(found.message, HasSubstr("not checked"));
    EXPECT_THAT(found.message, HasSubstr("registry.example.com/custom-otelcol:1.0"));
}

TEST_F(ImageChecks, UnknownRepository_SkipsComponentChecks) {
    m_project.deployment.collectorImage = "registry.example.com/custom-otelcol:1.0";
    m_project.collector.exporters.push_back({"logging", Json()});
    traces().exporters.push_back("logging");
    EXPECT_FALSE(has("component.unavailable"));
}

TEST_F(ImageChecks, LatestTag_IsAWarningNamingTheNewestRelease) {
    m_project.deployment.collectorImage = "otel/opentelemetry-collector-contrib:latest";
    const Diagnostic found = only("image.unpinned");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector_image");
    EXPECT_THAT(found.message, HasSubstr("may break"));
    EXPECT_THAT(found.fix, HasSubstr("otel/opentelemetry-collector-contrib:"
                                     + Catalog::builtin().newestRelease().toString()));
}

TEST_F(ImageChecks, MissingTag_CountsAsLatest) {
    m_project.deployment.collectorImage = "otel/opentelemetry-collector-contrib";
    EXPECT_EQ(only("image.unpinned").path, "collector_image");
}

TEST_F(ImageChecks, PinnedRelease_IsAccepted) {
    m_project.deployment.collectorImage = "otel/opentelemetry-collector-contrib:0.158.0";
    EXPECT_FALSE(has("image.unpinned"));
    EXPECT_FALSE(has("image.unrecognized"));
}

TEST_F(ImageChecks, ReleaseNewerThanTheCatalog_IsAnInfo) {
    const Version newest = Catalog::builtin().newestRelease();
    const std::string newer = Version{newest.major, newest.minor + 5, 0}.toString();
    m_project.deployment.collectorImage = "otel/opentelemetry-collector-contrib:" + newer;
    const Diagnostic found = only("image.newer-than-catalog");
    EXPECT_EQ(found.severity, Severity::Info);
    EXPECT_THAT(found.message, HasSubstr(newer));
}
