// SPDX-License-Identifier: Apache-2.0
#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace otelconsole;

namespace {

CollectorImage image(const std::string &reference) {
    auto parsed = CollectorImage::parse(reference);
    EXPECT_TRUE(parsed) << reference;
    return parsed.value_or(CollectorImage{});
}

struct SupportRow {
    ComponentKind kind;
    std::string type;
    std::string image;
    bool available;
    std::string preferredName;
    std::string reason; ///< the whole reason; empty when available
};

std::ostream &operator<<(std::ostream &stream, const SupportRow &row) {
    return stream << toString(row.kind) << " " << row.type << " in " << row.image;
}

class CatalogSupport : public testing::TestWithParam<SupportRow> {};

TEST_P(CatalogSupport, DependsOnDistributionAndVersion) {
    const SupportRow &row = GetParam();
    const ComponentSupport support = Catalog::builtin().support(row.kind, row.type, image(row.image));
    ASSERT_NE(support.component, nullptr);
    EXPECT_EQ(support.available, row.available);
    EXPECT_EQ(support.preferredName, row.preferredName);
    EXPECT_EQ(support.reason, row.reason);
}

const std::string core = "otel/opentelemetry-collector:";
const std::string k8s = "otel/opentelemetry-collector-k8s:";
const std::string contrib = "otel/opentelemetry-collector-contrib:";
using enum ComponentKind;

INSTANTIATE_TEST_SUITE_P(
    Table, CatalogSupport,
    testing::Values(
        SupportRow{
            Receiver, "file_log", core + "0.159.0", false, "file_log",
            "the \"file_log\" receiver is not in the core distribution (otel/opentelemetry-collector); it is "
            "in otel/opentelemetry-collector-k8s and otel/opentelemetry-collector-contrib"},
        SupportRow{Receiver, "filelog", contrib + "0.100.0", true, "filelog", ""},
        SupportRow{Receiver, "file_log", contrib + "0.140.0", false, "filelog",
                   "\"file_log\" is the name from v0.149.0 on; v0.140.0 knows this receiver as \"filelog\""},
        SupportRow{Receiver, "filelog", contrib + "0.159.0", true, "file_log", ""},
        SupportRow{Receiver, "file_log", contrib + "0.149.0", true, "file_log", ""},
        SupportRow{Receiver, "file_log", "otel/opentelemetry-collector-contrib", true, "file_log", ""},
        SupportRow{Exporter, "jaeger", contrib + "0.84.0", true, "jaeger", ""},
        SupportRow{Exporter, "jaeger", contrib + "0.90.0", false, "jaeger",
                   "the \"jaeger\" exporter was removed in v0.85.0; use the otlp exporter to the Jaeger "
                   "collector's OTLP port 4317 (Jaeger >= 1.35)"},
        SupportRow{Exporter, "jaeger", core + "0.84.0", false, "jaeger",
                   "the \"jaeger\" exporter is not in the core distribution (otel/opentelemetry-collector); "
                   "it is in "
                   "otel/opentelemetry-collector-contrib"},
        SupportRow{Exporter, "logging", core + "0.110.0", true, "logging", ""},
        SupportRow{Exporter, "logging", core + "0.111.0", false, "logging",
                   "the \"logging\" exporter was removed in v0.111.0; use the debug exporter"},
        SupportRow{Exporter, "debug", core + "0.85.0", false, "debug",
                   "the \"debug\" exporter first appears in v0.86.0; v0.85.0 does not have it"},
        SupportRow{Exporter, "prometheus", k8s + "0.159.0", false, "prometheus",
                   "the \"prometheus\" exporter is not in the k8s distribution "
                   "(otel/opentelemetry-collector-k8s); it "
                   "is in otel/opentelemetry-collector and otel/opentelemetry-collector-contrib"},
        SupportRow{Exporter, "otlp_grpc", contrib + "0.143.0", false, "otlp",
                   "\"otlp_grpc\" is the name from v0.144.0 on; v0.143.0 knows this exporter as \"otlp\""},
        SupportRow{Exporter, "otlp", contrib + "0.159.0", true, "otlp_grpc", ""},
        SupportRow{Exporter, "otlp", core + "0.144.0", true, "otlp_grpc", ""},
        SupportRow{Exporter, "otlphttp", k8s + "0.150.0", true, "otlp_http", ""},
        SupportRow{Processor, "k8s_attributes", contrib + "0.140.0", false, "k8sattributes",
                   "\"k8s_attributes\" is the name from v0.146.0 on; v0.140.0 knows this processor as "
                   "\"k8sattributes\""},
        SupportRow{Processor, "resourcedetection", k8s + "0.153.0", true, "resource_detection", ""},
        SupportRow{Receiver, "kubeletstats", contrib + "0.156.0", true, "kubeletstats", ""},
        SupportRow{Receiver, "jaeger", core + "0.159.0", true, "jaeger", ""},
        SupportRow{Connector, "spanmetrics", k8s + "0.159.0", false, "spanmetrics",
                   "the \"spanmetrics\" connector is not in the k8s distribution "
                   "(otel/opentelemetry-collector-k8s); "
                   "it is in otel/opentelemetry-collector-contrib"}));

class CatalogSupportOfUnknownType : public testing::Test {};

TEST_F(CatalogSupportOfUnknownType, HasNoComponentAndKeepsTheName) {
    const ComponentSupport support = Catalog::builtin().support(
        Receiver, "mystery", image("otel/opentelemetry-collector-contrib:0.159.0"));
    EXPECT_EQ(support.component, nullptr);
    EXPECT_FALSE(support.available);
    EXPECT_EQ(support.preferredName, "mystery");
    EXPECT_NE(support.reason.find("\"mystery\""), std::string::npos) << support.reason;
}

class CatalogAvailable : public testing::Test {
protected:
    static std::vector<std::string> names(ComponentKind kind, const std::string &reference) {
        std::vector<std::string> result;
        for (const ComponentInfo *info : Catalog::builtin().available(kind, image(reference)))
            result.push_back(info->originalName());
        return result;
    }

    static bool contains(const std::vector<std::string> &names, const std::string &name) {
        return std::ranges::find(names, name) != names.end();
    }
};

TEST_F(CatalogAvailable, CoreReceivers_LackKubernetesOnes) {
    const auto receivers = names(Receiver, "otel/opentelemetry-collector:0.159.0");
    EXPECT_TRUE(contains(receivers, "otlp"));
    EXPECT_TRUE(contains(receivers, "hostmetrics"));
    EXPECT_FALSE(contains(receivers, "filelog"));
    EXPECT_FALSE(contains(receivers, "kubeletstats"));
    EXPECT_FALSE(contains(receivers, "k8s_cluster"));
}

TEST_F(CatalogAvailable, OldContribExporters_IncludeRemovedOnes) {
    const auto exporters = names(Exporter, "otel/opentelemetry-collector-contrib:0.84.0");
    EXPECT_TRUE(contains(exporters, "jaeger"));
    EXPECT_TRUE(contains(exporters, "logging"));
    EXPECT_FALSE(contains(exporters, "debug"));
}

TEST_F(CatalogAvailable, LatestImage_CountsAsNewestRelease) {
    const auto exporters = names(Exporter, "otel/opentelemetry-collector-contrib:latest");
    EXPECT_TRUE(contains(exporters, "debug"));
    EXPECT_FALSE(contains(exporters, "logging"));
    EXPECT_FALSE(contains(exporters, "jaeger"));
}

TEST_F(CatalogAvailable, OnlyTheAskedKind) {
    for (const ComponentInfo *info :
         Catalog::builtin().available(Extension, image("otel/opentelemetry-collector-k8s:0.159.0")))
        EXPECT_EQ(info->kind, Extension);
    EXPECT_TRUE(contains(names(Extension, "otel/opentelemetry-collector-k8s:0.159.0"), "file_storage"));
}

class ComponentInfoNames : public testing::Test {};

TEST_F(ComponentInfoNames, NameAt_IsTheNewestValidName) {
    const ComponentInfo *otlp = Catalog::builtin().find(Exporter, "otlp");
    ASSERT_NE(otlp, nullptr);
    EXPECT_EQ(otlp->nameAt(Version{0, 143, 0}), "otlp");
    EXPECT_EQ(otlp->nameAt(Version{0, 144, 0}), "otlp_grpc");
    EXPECT_EQ(otlp->nameAt(Version{0, 50, 0}), "otlp");
}

TEST_F(ComponentInfoNames, NameSince_IsUnsetForForeignNames) {
    const ComponentInfo *otlp = Catalog::builtin().find(Exporter, "otlp");
    ASSERT_NE(otlp, nullptr);
    EXPECT_EQ(otlp->nameSince("otlp_grpc"), (Version{0, 144, 0}));
    EXPECT_EQ(otlp->nameSince("otlp_http"), std::nullopt);
    EXPECT_FALSE(otlp->hasName("otlp_http"));
}

} // namespace
