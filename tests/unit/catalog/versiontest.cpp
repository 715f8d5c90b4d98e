// SPDX-License-Identifier: Apache-2.0
#include "catalog/version.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

constexpr auto digest = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

struct VersionRow {
    const char *text;
    std::optional<Version> expected;
};

class VersionParse : public testing::TestWithParam<VersionRow> {};

TEST_P(VersionParse, ReadsMajorMinorPatch) {
    EXPECT_EQ(Version::parse(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, VersionParse,
    testing::Values(VersionRow{"0.159.0", Version{0, 159, 0}}, VersionRow{"v0.159.0", Version{0, 159, 0}},
                    VersionRow{"1.2.3", Version{1, 2, 3}}, VersionRow{"0.85.10", Version{0, 85, 10}},
                    VersionRow{"0.159", std::nullopt}, VersionRow{"0.159.0.1", std::nullopt},
                    VersionRow{"latest", std::nullopt}, VersionRow{"", std::nullopt},
                    VersionRow{"v", std::nullopt}, VersionRow{"-1.2.3", std::nullopt},
                    VersionRow{"0..0", std::nullopt}, VersionRow{"0.1a.0", std::nullopt},
                    VersionRow{"V0.1.0", std::nullopt}, VersionRow{"0.159.0-rc.1", std::nullopt}));

class VersionCompare : public testing::Test {};

TEST_F(VersionCompare, MinorPartsCompareAsNumbers) {
    EXPECT_LT(*Version::parse("0.85.0"), *Version::parse("0.111.0"));
}

TEST_F(VersionCompare, PatchBreaksTies) {
    EXPECT_LT(*Version::parse("0.110.0"), *Version::parse("0.110.1"));
    EXPECT_GT(*Version::parse("1.0.0"), *Version::parse("0.999.999"));
}

TEST_F(VersionCompare, LeadingVIsTheSameRelease) {
    EXPECT_EQ(*Version::parse("v0.144.0"), *Version::parse("0.144.0"));
}

TEST_F(VersionCompare, ToStringHasNoLeadingV) {
    EXPECT_EQ(Version::parse("v0.159.0")->toString(), "0.159.0");
}

struct ImageRow {
    std::string reference;
    Distribution distribution;
    std::string repository;
    std::string tag;
    std::optional<Version> version;
};

class CollectorImageParse : public testing::TestWithParam<ImageRow> {};

TEST_P(CollectorImageParse, FindsDistributionAndVersion) {
    const ImageRow &row = GetParam();
    const auto image = CollectorImage::parse(row.reference);
    ASSERT_TRUE(image) << image.error().toString();
    EXPECT_EQ(image->distribution, row.distribution);
    EXPECT_EQ(image->repository, row.repository);
    EXPECT_EQ(image->tag, row.tag);
    EXPECT_EQ(image->version, row.version);
}

const std::string ghcr = "ghcr.io/open-telemetry/opentelemetry-collector-releases/";

INSTANTIATE_TEST_SUITE_P(
    Table, CollectorImageParse,
    testing::Values(ImageRow{"otel/opentelemetry-collector-contrib:0.159.0", Distribution::Contrib,
                             "otel/opentelemetry-collector-contrib", "0.159.0", Version{0, 159, 0}},
                    ImageRow{"otel/opentelemetry-collector:v0.140.0", Distribution::Core,
                             "otel/opentelemetry-collector", "v0.140.0", Version{0, 140, 0}},
                    ImageRow{"otel/opentelemetry-collector-k8s:0.120.1", Distribution::K8s,
                             "otel/opentelemetry-collector-k8s", "0.120.1", Version{0, 120, 1}},
                    ImageRow{"docker.io/otel/opentelemetry-collector-k8s:0.150.0", Distribution::K8s,
                             "docker.io/otel/opentelemetry-collector-k8s", "0.150.0", Version{0, 150, 0}},
                    ImageRow{"otel/opentelemetry-collector-contrib", Distribution::Contrib,
                             "otel/opentelemetry-collector-contrib", "latest", std::nullopt},
                    ImageRow{"otel/opentelemetry-collector:latest", Distribution::Core,
                             "otel/opentelemetry-collector", "latest", std::nullopt},
                    ImageRow{ghcr + "opentelemetry-collector-contrib:0.159.0", Distribution::Contrib,
                             ghcr + "opentelemetry-collector-contrib", "0.159.0", Version{0, 159, 0}},
                    ImageRow{ghcr + "opentelemetry-collector-k8s:v0.130.0", Distribution::K8s,
                             ghcr + "opentelemetry-collector-k8s", "v0.130.0", Version{0, 130, 0}},
                    ImageRow{ghcr + "opentelemetry-collector", Distribution::Core,
                             ghcr + "opentelemetry-collector", "latest", std::nullopt},
                    ImageRow{std::string("otel/opentelemetry-collector-contrib@") + digest,
                             Distribution::Contrib, "otel/opentelemetry-collector-contrib", "", std::nullopt},
                    ImageRow{std::string("otel/opentelemetry-collector-contrib:0.158.0@") + digest,
                             Distribution::Contrib, "otel/opentelemetry-collector-contrib", "0.158.0",
                             Version{0, 158, 0}}));

class CollectorImageParsing : public testing::Test {};

TEST_F(CollectorImageParsing, Digest_IsKept) {
    const auto image = CollectorImage::parse(std::string("otel/opentelemetry-collector@") + digest);
    ASSERT_TRUE(image) << image.error().toString();
    EXPECT_EQ(image->digest, digest);
}

class CollectorImageRejects : public testing::TestWithParam<std::string> {};

TEST_P(CollectorImageRejects, WithAnInputError) {
    const auto image = CollectorImage::parse(GetParam());
    ASSERT_FALSE(image) << GetParam();
    EXPECT_EQ(image.error().kind, ErrorKind::InvalidInput);
    EXPECT_FALSE(image.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, CollectorImageRejects,
                         testing::Values("", "otel/opentelemetry-collector-contrib:0.159.0 ",
                                         "otel/opentelemetry-collector-contrib:",
                                         "otel/opentelemetry-collector-contrib:-x",
                                         "otel/opentelemetry-collector-contrib@sha256",
                                         "otel/opentelemetry-collector-contrib@sha256:XYZ",
                                         "otel/opentelemetry-collector-extra:0.159.0",
                                         "quay.io/otel/opentelemetry-collector:0.159.0",
                                         "registry.local:5000/otel/opentelemetry-collector-contrib:0.159.0",
                                         "ghcr.io/open-telemetry/opentelemetry-collector-contrib:0.159.0"));

TEST_F(CollectorImageParsing, OtherRepository_NamesTheSupportedOnes) {
    const auto image = CollectorImage::parse("mycorp/otelcol-custom:1.0.0");
    ASSERT_FALSE(image);
    const std::string &message = image.error().message;
    EXPECT_NE(message.find("\"mycorp/otelcol-custom\""), std::string::npos) << message;
    EXPECT_NE(message.find("otel/opentelemetry-collector,"), std::string::npos) << message;
    EXPECT_NE(message.find("otel/opentelemetry-collector-k8s"), std::string::npos) << message;
    EXPECT_NE(message.find("otel/opentelemetry-collector-contrib"), std::string::npos) << message;
    EXPECT_NE(message.find("ghcr.io/open-telemetry/opentelemetry-collector-releases/"), std::string::npos)
        << message;
}

class DistributionNames : public testing::Test {};

TEST_F(DistributionNames, RoundTripThroughText) {
    for (const Distribution distribution : {Distribution::Core, Distribution::K8s, Distribution::Contrib})
        EXPECT_EQ(distributionFromString(toString(distribution)), distribution);
    EXPECT_EQ(distributionFromString("Contrib"), std::nullopt);
}

TEST_F(DistributionNames, DockerHubRepositories) {
    EXPECT_EQ(dockerHubRepository(Distribution::Core), "otel/opentelemetry-collector");
    EXPECT_EQ(dockerHubRepository(Distribution::K8s), "otel/opentelemetry-collector-k8s");
    EXPECT_EQ(dockerHubRepository(Distribution::Contrib), "otel/opentelemetry-collector-contrib");
}

} // namespace
