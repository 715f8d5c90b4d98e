// SPDX-License-Identifier: Apache-2.0
#include "document/modeswitch.h"

#include "catalog/catalog.h"
#include "model/projectfile.h"
#include "validate/validator.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace otelconsole;

Project example(const std::string &name) {
    auto loaded = loadProjectFile(OTELCONSOLE_SOURCE_DIR "/resources/examples/" + name + ".yaml");
    EXPECT_TRUE(loaded.has_value()) << (loaded ? std::string() : loaded.error().toString());
    return loaded ? loaded->project : Project{};
}

bool mentions(const std::vector<std::string> &changes, std::string_view phrase) {
    return std::ranges::any_of(changes, [&](const std::string &change) { return change.contains(phrase); });
}

class ModeSwitch : public ::testing::Test {
protected:
    Project m_gateway = example("gateway");
};

TEST_F(ModeSwitch, ToDaemonSet_RemovesWhatOnlyAGatewayHas) {
    const auto changes = switchMode(m_gateway, DeploymentMode::DaemonSet);

    EXPECT_EQ(m_gateway.deployment.mode, DeploymentMode::DaemonSet);
    EXPECT_FALSE(m_gateway.deployment.replicas.has_value());
    EXPECT_FALSE(m_gateway.hpa.has_value());
    EXPECT_FALSE(m_gateway.antiAffinity.has_value());
    EXPECT_TRUE(mentions(changes, "removed the HPA"));
}

TEST_F(ModeSwitch, ToGatewayWithoutReplicas_SetsTheDefault) {
    Project project = example("daemonset-logs");

    static_cast<void>(switchMode(project, DeploymentMode::Gateway));

    EXPECT_EQ(project.deployment.replicas, defaultGatewayReplicas);
}

TEST_F(ModeSwitch, FixedRbacPreset_FollowsTheMode) {
    m_gateway.deployment.rbac = RbacConfig::clusterLevel();

    static_cast<void>(switchMode(m_gateway, DeploymentMode::DaemonSet));

    EXPECT_EQ(m_gateway.deployment.rbac.preset, RbacPreset::NodeLevel);
}

TEST_F(ModeSwitch, DerivedRbac_IsKept) {
    m_gateway.deployment.rbac = RbacConfig::derived();

    static_cast<void>(switchMode(m_gateway, DeploymentMode::Sidecar));

    EXPECT_EQ(m_gateway.deployment.rbac.preset, RbacPreset::Derived);
}

TEST_F(ModeSwitch, CustomRbac_IsKept) {
    m_gateway.deployment.rbac.preset = RbacPreset::Custom;
    m_gateway.deployment.rbac.rules = {PolicyRule{{""}, {"pods"}, {"get"}, {}}};

    static_cast<void>(switchMode(m_gateway, DeploymentMode::DaemonSet));

    EXPECT_EQ(m_gateway.deployment.rbac.preset, RbacPreset::Custom);
    EXPECT_EQ(m_gateway.deployment.rbac.rules.size(), 1u);
}

TEST_F(ModeSwitch, ToSidecar_AddsATargetAndDropsTheCollectorsOwnService) {
    static_cast<void>(switchMode(m_gateway, DeploymentMode::Sidecar));

    ASSERT_TRUE(m_gateway.sidecar.has_value());
    EXPECT_EQ(m_gateway.sidecar->target.kind, "Deployment");
    EXPECT_FALSE(m_gateway.service.has_value());
    EXPECT_FALSE(m_gateway.serviceMonitor.has_value());
    EXPECT_FALSE(m_gateway.pdb.has_value());
}

TEST_F(ModeSwitch, FromSidecar_RemovesTheTarget) {
    Project project = example("sidecar");

    static_cast<void>(switchMode(project, DeploymentMode::Gateway));

    EXPECT_FALSE(project.sidecar.has_value());
}

TEST_F(ModeSwitch, DaemonSetKeepingItsServiceMonitor_GetsAService) {
    m_gateway.service.reset();

    static_cast<void>(switchMode(m_gateway, DeploymentMode::DaemonSet));

    EXPECT_TRUE(m_gateway.serviceMonitor.has_value());
    EXPECT_TRUE(m_gateway.service.has_value());
}

TEST_F(ModeSwitch, SameMode_ChangesNothing) {
    const Project before = m_gateway;

    const auto changes = switchMode(m_gateway, DeploymentMode::Gateway);

    EXPECT_TRUE(changes.empty());
    EXPECT_EQ(m_gateway, before);
}

struct SwitchCase {
    const char *example;
    DeploymentMode mode;
};

class ModeSwitchValidity : public ::testing::TestWithParam<SwitchCase> {};

/// Whatever the starting point, the switch leaves nothing the validator calls wrong for the mode.
TEST_P(ModeSwitchValidity, LeavesNoModeErrors) {
    Project project = example(GetParam().example);

    static_cast<void>(switchMode(project, GetParam().mode));

    for (const Diagnostic &diagnostic : validateProject(project, Catalog::builtin())) {
        const bool modeProblem = diagnostic.code.starts_with("mode.") || diagnostic.code == "sidecar.missing"
                                 || diagnostic.code == "service-monitor.no-service";
        EXPECT_FALSE(modeProblem) << diagnostic.toString();
    }
}

INSTANTIATE_TEST_SUITE_P(EveryExampleToEveryMode, ModeSwitchValidity,
                         ::testing::Values(SwitchCase{"gateway", DeploymentMode::DaemonSet},
                                           SwitchCase{"gateway", DeploymentMode::Sidecar},
                                           SwitchCase{"daemonset-logs", DeploymentMode::Gateway},
                                           SwitchCase{"daemonset-logs", DeploymentMode::Sidecar},
                                           SwitchCase{"sidecar", DeploymentMode::Gateway},
                                           SwitchCase{"sidecar", DeploymentMode::DaemonSet}));

} // namespace
