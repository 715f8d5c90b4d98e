// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class ResourceChecks : public ValidationTest {
protected:
    ResourceRequirements &resources() { return m_project.deployment.resources; }
};

TEST_F(ResourceChecks, UnparsableQuantity_IsAnErrorQuotingTheParser) {
    resources().limits.memory = "5 Mi";
    const Diagnostic found = only("quantity.invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "resources.limits.memory");
    EXPECT_THAT(found.message, HasSubstr("\"5 Mi\""));
    EXPECT_THAT(found.fix, HasSubstr("512Mi"));
}

TEST_F(ResourceChecks, NegativeQuantity_IsAnError) {
    resources().requests.cpu = "-1";
    const Diagnostic found = only("quantity.invalid");
    EXPECT_EQ(found.path, "resources.requests.cpu");
    EXPECT_THAT(found.message, HasSubstr("negative"));
}

TEST_F(ResourceChecks, RequestAboveLimit_IsAnError) {
    resources().requests.cpu = "2";
    const Diagnostic found = only("resources.request-exceeds-limit");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "resources.requests.cpu");
    EXPECT_THAT(found.message, HasSubstr("request 2 is more than the CPU limit 1"));
    EXPECT_THAT(found.fix, HasSubstr("at most 1"));
}

TEST_F(ResourceChecks, RequestAboveLimit_ComparesQuantitiesNotText) {
    resources().limits.memory = "2Gi";
    resources().requests.memory = "2048Mi";
    EXPECT_FALSE(has("resources.request-exceeds-limit"));

    resources().requests.memory = "2049Mi";
    EXPECT_EQ(only("resources.request-exceeds-limit").path, "resources.requests.memory");
}

TEST_F(ResourceChecks, NoMemoryLimit_IsAWarningSuggestingASizeForTheMode) {
    resources().limits.memory.clear();
    resources().requests.memory.clear();
    const Diagnostic found = only("resources.no-memory-limit");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "resources.limits.memory");
    EXPECT_THAT(found.message, HasSubstr("node"));
    EXPECT_THAT(found.fix, HasSubstr("2Gi for a Gateway collector"));
}

TEST_F(ResourceChecks, NoMemoryLimitInDaemonSet_SuggestsADaemonSetSize) {
    m_project.deployment.mode = DeploymentMode::DaemonSet;
    m_project.deployment.replicas.reset();
    resources().limits.memory.clear();
    resources().requests.memory.clear();
    EXPECT_THAT(only("resources.no-memory-limit").fix, HasSubstr("512Mi for a DaemonSet collector"));
}

TEST_F(ResourceChecks, NoCpuLimit_IsAnInfo) {
    resources().limits.cpu.clear();
    const Diagnostic found = only("resources.no-cpu-limit");
    EXPECT_EQ(found.severity, Severity::Info);
    EXPECT_EQ(found.path, "resources.limits.cpu");
}

TEST_F(ResourceChecks, SeedsBadResourcesInGateway_WarnWithTheMinimums) {
    resources().limits = {"100m", "64Mi"};
    resources().requests = {"100m", "64Mi"};
    const std::vector<Diagnostic> found = withCode("resources.limit-too-small");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].path, "resources.limits.cpu");
    EXPECT_EQ(found[0].severity, Severity::Warning);
    EXPECT_THAT(found[0].message, HasSubstr("100m is below 500m"));
    EXPECT_THAT(found[0].fix, HasSubstr("at least 500m"));
    EXPECT_EQ(found[1].path, "resources.limits.memory");
    EXPECT_THAT(found[1].message, HasSubstr("64Mi is below 512Mi"));
}

struct MinimumRow {
    DeploymentMode mode;
    const char *cpu;
    const char *memory;
    std::size_t tooSmall;
};

class ResourceMinimums : public ValidationTest, public ::testing::WithParamInterface<MinimumRow> {};

TEST_P(ResourceMinimums, DependOnTheMode) {
    m_project.deployment.mode = GetParam().mode;
    if (GetParam().mode != DeploymentMode::Gateway)
        m_project.deployment.replicas.reset();
    m_project.deployment.resources.limits = {GetParam().cpu, GetParam().memory};
    m_project.deployment.resources.requests = {"10m", "16Mi"};
    EXPECT_EQ(withCode("resources.limit-too-small").size(), GetParam().tooSmall)
        << GetParam().cpu << " " << GetParam().memory;
}

INSTANTIATE_TEST_SUITE_P(Table, ResourceMinimums,
                         ::testing::Values(MinimumRow{DeploymentMode::Gateway, "500m", "512Mi", 0},
                                           MinimumRow{DeploymentMode::Gateway, "499m", "511Mi", 2},
                                           MinimumRow{DeploymentMode::DaemonSet, "100m", "128Mi", 0},
                                           MinimumRow{DeploymentMode::DaemonSet, "0.09", "100Mi", 2},
                                           MinimumRow{DeploymentMode::Sidecar, "50m", "64Mi", 0},
                                           MinimumRow{DeploymentMode::Sidecar, "40m", "64Mi", 1}));
