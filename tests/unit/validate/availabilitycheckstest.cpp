// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class AvailabilityChecks : public ValidationTest {
protected:
    static IntOrPercent pods(int count) { return IntOrPercent{count, false}; }
    static IntOrPercent percent(int value) { return IntOrPercent{value, true}; }
};

TEST_F(AvailabilityChecks, HpaMinimumZero_IsAnError) {
    m_project.hpa = HpaConfig{0, 5, 70, std::nullopt};
    const Diagnostic found = only("hpa.min-replicas-invalid");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "hpa.min_replicas");
    EXPECT_THAT(found.message, HasSubstr("is 0"));
}

TEST_F(AvailabilityChecks, HpaMinimumAboveMaximum_IsAnError) {
    m_project.hpa = HpaConfig{5, 3, 70, std::nullopt};
    const Diagnostic found = only("hpa.min-above-max");
    EXPECT_EQ(found.path, "hpa.max_replicas");
    EXPECT_THAT(found.message, HasSubstr("3 is less than hpa.min_replicas 5"));
    EXPECT_THAT(found.fix, HasSubstr("at least 5"));
}

TEST_F(AvailabilityChecks, HpaWithoutTarget_IsAnError) {
    m_project.hpa = HpaConfig{2, 5, std::nullopt, std::nullopt};
    const Diagnostic found = only("hpa.no-target");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "hpa");
}

TEST_F(AvailabilityChecks, HpaTargetAbove100_IsAnError) {
    m_project.hpa = HpaConfig{2, 5, 70, 150};
    const Diagnostic found = only("hpa.target-out-of-range");
    EXPECT_EQ(found.path, "hpa.target_memory_utilization");
    EXPECT_THAT(found.message, HasSubstr("150"));
}

TEST_F(AvailabilityChecks, HpaTargetWithoutRequestOrLimit_IsAWarning) {
    m_project.hpa = HpaConfig{2, 5, 70, std::nullopt};
    m_project.deployment.resources.requests.cpu.clear();
    m_project.deployment.resources.limits.cpu.clear();
    const Diagnostic found = only("hpa.target-without-request");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "hpa.target_cpu_utilization");
    EXPECT_THAT(found.fix, HasSubstr("resources.requests.cpu"));
}

TEST_F(AvailabilityChecks, HpaTargetWithLimitOnly_UsesTheLimitAsRequest) {
    m_project.hpa = HpaConfig{2, 5, 70, std::nullopt};
    m_project.deployment.resources.requests.cpu.clear();
    EXPECT_FALSE(has("hpa.target-without-request"));
}

TEST_F(AvailabilityChecks, PdbWithBothFields_IsAnError) {
    m_project.pdb = PdbConfig{pods(1), pods(1)};
    const Diagnostic found = only("pdb.exactly-one");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "pdb");
    EXPECT_THAT(found.message, HasSubstr("both"));
}

TEST_F(AvailabilityChecks, PdbWithNeitherField_IsAnError) {
    m_project.pdb = PdbConfig{};
    EXPECT_THAT(only("pdb.exactly-one").message, HasSubstr("neither"));
}

TEST_F(AvailabilityChecks, PdbPercentageAbove100_IsAnError) {
    m_project.pdb = PdbConfig{std::nullopt, percent(150)};
    const Diagnostic found = only("pdb.percentage-out-of-range");
    EXPECT_EQ(found.path, "pdb.max_unavailable");
    EXPECT_THAT(found.message, HasSubstr("150%"));
}

TEST_F(AvailabilityChecks, NegativePdbCount_IsAnError) {
    m_project.pdb = PdbConfig{pods(-1), std::nullopt};
    EXPECT_EQ(only("pdb.negative").path, "pdb.min_available");
}

TEST_F(AvailabilityChecks, MinAvailableEqualToReplicas_BlocksEviction) {
    m_project.deployment.replicas = 3;
    m_project.pdb = PdbConfig{pods(3), std::nullopt};
    const Diagnostic found = only("pdb.blocks-eviction");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "pdb.min_available");
    EXPECT_THAT(found.message, HasSubstr("3 pods"));
    EXPECT_THAT(found.fix, HasSubstr("min_available to 2"));
}

TEST_F(AvailabilityChecks, MinAvailableEqualToHpaMinimum_BlocksEviction) {
    m_project.hpa = HpaConfig{3, 10, 70, std::nullopt};
    m_project.pdb = PdbConfig{pods(3), std::nullopt};
    EXPECT_THAT(only("pdb.blocks-eviction").message, HasSubstr("hpa.min_replicas: 3"));
}

TEST_F(AvailabilityChecks, MinAvailableBelowReplicas_AllowsEviction) {
    m_project.deployment.replicas = 3;
    m_project.pdb = PdbConfig{pods(2), std::nullopt};
    EXPECT_FALSE(has("pdb.blocks-eviction"));
    EXPECT_FALSE(has("pdb.single-replica"));
}

TEST_F(AvailabilityChecks, MaxUnavailableZero_BlocksEviction) {
    m_project.pdb = PdbConfig{std::nullopt, percent(0)};
    EXPECT_EQ(only("pdb.blocks-eviction").path, "pdb.max_unavailable");
}

TEST_F(AvailabilityChecks, PdbOverASingleReplica_IsAWarning) {
    m_project.deployment.replicas = 1;
    m_project.pdb = PdbConfig{std::nullopt, pods(1)};
    const Diagnostic found = only("pdb.single-replica");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "pdb");
    EXPECT_THAT(found.fix, HasSubstr("at least 2 replicas"));
}
