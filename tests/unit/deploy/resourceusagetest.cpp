// SPDX-License-Identifier: Apache-2.0
#include "deploy/resourceusage.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

Json container(const std::string &name, const std::string &cpu, const std::string &memory) {
    return {{"name", name}, {"resources", {{"requests", {{"cpu", cpu}, {"memory", memory}}}}}};
}

Json podOn(const std::string &node, Json spec, const std::string &phase = "Running") {
    spec["nodeName"] = node;
    return {{"spec", spec}, {"status", {{"phase", phase}}}};
}

Json node(const std::string &name) {
    return {{"metadata", {{"name", name}}},
            {"status",
             {{"allocatable", {{"cpu", "4"}, {"memory", "16Gi"}, {"pods", "110"}}},
              {"conditions", Json::array({{{"type", "Ready"}, {"status", "True"}}})}}}};
}

TEST(ResourceUsage, Nanocores_AreMillicores) {
    EXPECT_DOUBLE_EQ(ResourceUsage::cpuMillicores(Json("123456789n")), 123.456789);
    EXPECT_DOUBLE_EQ(ResourceUsage::cpuMillicores(Json("250m")), 250.0);
    EXPECT_DOUBLE_EQ(ResourceUsage::cpuMillicores(Json("2")), 2000.0);
}

TEST(ResourceUsage, UnparseableQuantity_IsZero) {
    EXPECT_DOUBLE_EQ(ResourceUsage::memoryBytes(Json("lots")), 0.0);
}

TEST(ResourceUsage, PodMetrics_OfTheCollectorContainerOnly) {
    const Json list = {
        {"items",
         {{{"metadata", {{"name", "checkout-1"}}},
           {"containers",
            {{{"name", "checkout"}, {"usage", {{"cpu", "900m"}, {"memory", "1Gi"}}}},
             {{"name", "otel-collector"}, {"usage", {{"cpu", "50000000n"}, {"memory", "65536Ki"}}}}}}}}}};

    const std::vector<PodUsage> usage = ResourceUsage::fromPodMetrics(list, {}, "otel-collector");

    ASSERT_EQ(usage.size(), 1u);
    EXPECT_EQ(usage[0].pod, "checkout-1");
    EXPECT_DOUBLE_EQ(usage[0].cpuMillicores, 50.0);
    EXPECT_DOUBLE_EQ(usage[0].memoryMiB, 64.0);
}

TEST(ResourceUsage, PodMetrics_SkipsPodsNotAsked) {
    const Json list = {{"items", {{{"metadata", {{"name", "other"}}}, {"containers", Json::array()}}}}};

    EXPECT_TRUE(ResourceUsage::fromPodMetrics(list, {"gw-1"}, "otel-collector").empty());
}

TEST(ResourceUsage, PerNode_SumsRequestsOfActivePods) {
    const Json nodes = {{"items", {node("n1")}}};
    const Json pods = {
        {"items",
         {podOn("n1", {{"containers", {container("a", "500m", "1Gi"), container("b", "250m", "512Mi")}}}),
          podOn("n1", {{"containers", {container("c", "2", "4Gi")}}}, "Succeeded")}}};

    const std::vector<NodeResources> result = ResourceUsage::perNode(nodes, pods);

    ASSERT_EQ(result.size(), 1u);
    EXPECT_EQ(result[0].allocatableCpuMillicores, 4000);
    EXPECT_EQ(result[0].allocatableMemoryBytes, 16LL << 30);
    EXPECT_EQ(result[0].allocatablePods, 110);
    EXPECT_EQ(result[0].requestedCpuMillicores, 750);
    EXPECT_EQ(result[0].requestedMemoryBytes, (1LL << 30) + (512LL << 20));
    EXPECT_EQ(result[0].pods, 1);
    EXPECT_TRUE(result[0].ready);
}

TEST(ResourceUsage, PerNode_CountsNativeSidecarsAndTheLargestInitContainer) {
    Json sidecar = container("otel-collector", "100m", "64Mi");
    sidecar["restartPolicy"] = "Always";
    const Json spec = {{"containers", {container("app", "200m", "128Mi")}},
                       {"initContainers", {sidecar, container("migrate", "1", "64Mi")}}};

    const std::vector<NodeResources> result =
        ResourceUsage::perNode({{"items", {node("n1")}}}, {{"items", {podOn("n1", spec)}}});

    ASSERT_EQ(result.size(), 1u);
    EXPECT_EQ(result[0].requestedCpuMillicores, 1000);
    EXPECT_EQ(result[0].requestedMemoryBytes, 192LL << 20);
}

} // namespace
