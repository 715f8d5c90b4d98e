// SPDX-License-Identifier: Apache-2.0
#include "kube/clustercapabilities.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

const Json apiGroups = Json::parse(R"({"kind":"APIGroupList","groups":[
  {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}]},
  {"name":"monitoring.coreos.com","versions":[{"groupVersion":"monitoring.coreos.com/v1","version":"v1"}]},
  {"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}]}]})");

Json version(const std::string &major, const std::string &minor, const std::string &git) {
    return Json{{"major", major}, {"minor", minor}, {"gitVersion", git}};
}

TEST(ClusterCapabilitiesTest, Version129_SupportsNativeSidecars) {
    const auto capabilities = ClusterCapabilities::fromDiscovery(version("1", "29", "v1.29.0"), apiGroups);

    ASSERT_TRUE(capabilities.has_value());
    EXPECT_TRUE(capabilities->nativeSidecars);
    EXPECT_EQ(capabilities->minor, 29);
}

TEST(ClusterCapabilitiesTest, Version128_DoesNotSupportNativeSidecars) {
    const auto capabilities = ClusterCapabilities::fromDiscovery(version("1", "28", "v1.28.9"), apiGroups);

    ASSERT_TRUE(capabilities.has_value());
    EXPECT_FALSE(capabilities->nativeSidecars);
}

TEST(ClusterCapabilitiesTest, MinorWithPlus_IsRead) {
    const auto capabilities =
        ClusterCapabilities::fromDiscovery(version("1", "30+", "v1.30.2-gke.1"), apiGroups);

    ASSERT_TRUE(capabilities.has_value());
    EXPECT_EQ(capabilities->minor, 30);
}

TEST(ClusterCapabilitiesTest, MissingMinor_FallsBackToGitVersion) {
    const auto capabilities = ClusterCapabilities::fromDiscovery(version("", "", "v1.31.1"), apiGroups);

    ASSERT_TRUE(capabilities.has_value());
    EXPECT_EQ(capabilities->major, 1);
    EXPECT_EQ(capabilities->minor, 31);
}

TEST(ClusterCapabilitiesTest, ServedGroups_AreDetected) {
    const auto capabilities = ClusterCapabilities::fromDiscovery(version("1", "29", ""), apiGroups);
    const auto bare =
        ClusterCapabilities::fromDiscovery(version("1", "29", ""), Json{{"groups", Json::array()}});

    ASSERT_TRUE(capabilities.has_value());
    ASSERT_TRUE(bare.has_value());
    EXPECT_TRUE(capabilities->serviceMonitors);
    EXPECT_TRUE(capabilities->metricsApi);
    EXPECT_FALSE(bare->serviceMonitors);
    EXPECT_FALSE(bare->metricsApi);
}

TEST(ClusterCapabilitiesTest, WrongShapes_AreAnErrorNotACrash) {
    const auto capabilities = ClusterCapabilities::fromDiscovery(Json{{"major", 1}}, Json{{"groups", 3}});

    ASSERT_FALSE(capabilities.has_value());
    EXPECT_EQ(capabilities.error().kind, ErrorKind::Api);
}

} // namespace
