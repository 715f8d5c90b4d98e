// SPDX-License-Identifier: Apache-2.0
#include "document/modeswitch.h"

namespace otelconsole {

namespace {

template<typename T>
void removeSetting(std::optional<T> &setting, const std::string &phrase, std::vector<std::string> &changes) {
    if (!setting)
        return;
    setting.reset();
    changes.push_back(phrase);
}

void adjustGatewaySettings(Project &project, DeploymentMode mode, std::vector<std::string> &changes) {
    if (mode == DeploymentMode::Gateway) {
        if (!project.deployment.replicas) {
            project.deployment.replicas = defaultGatewayReplicas;
            changes.push_back("set replicas to " + std::to_string(defaultGatewayReplicas));
        }
        return;
    }

    if (project.deployment.replicas)
        changes.push_back("removed replicas (" + std::to_string(*project.deployment.replicas) + ")");
    project.deployment.replicas.reset();
    removeSetting(project.hpa, "removed the HPA", changes);
    removeSetting(project.antiAffinity, "removed anti-affinity", changes);
}

void adjustSidecarSettings(Project &project, DeploymentMode mode, std::vector<std::string> &changes) {
    if (mode != DeploymentMode::Sidecar) {
        removeSetting(project.sidecar, "removed the sidecar target", changes);
        return;
    }

    if (!project.sidecar) {
        project.sidecar = SidecarConfig{};
        changes.push_back("added a sidecar target workload to name");
    }
    removeSetting(project.service, "removed the Service", changes);
    removeSetting(project.serviceMonitor, "removed the ServiceMonitor", changes);
    removeSetting(project.pdb, "removed the PodDisruptionBudget", changes);
}

void adjustDaemonSetService(Project &project, DeploymentMode mode, std::vector<std::string> &changes) {
    // A gateway gets a Service by default; a DaemonSet only when asked, and a ServiceMonitor needs one.
    if (mode != DeploymentMode::DaemonSet || !project.serviceMonitor || project.service)
        return;
    project.service = ServiceSpec{};
    changes.push_back("added a ClusterIP Service for the ServiceMonitor");
}

void adjustRbac(Project &project, DeploymentMode mode, std::vector<std::string> &changes) {
    RbacConfig &rbac = project.deployment.rbac;
    if (rbac.preset == RbacPreset::Derived || rbac.preset == RbacPreset::Custom)
        return;

    const RbacPreset suggested = suggestedRbacPreset(mode);
    if (rbac.preset == suggested)
        return;
    rbac.preset = suggested;
    changes.push_back("set RBAC to " + std::string(toString(suggested)));
}

} // namespace

RbacPreset suggestedRbacPreset(DeploymentMode mode) {
    switch (mode) {
    case DeploymentMode::DaemonSet:
        return RbacPreset::NodeLevel;
    case DeploymentMode::Gateway:
        return RbacPreset::ClusterLevel;
    case DeploymentMode::Sidecar:
        return RbacPreset::PodLevel;
    }
    return RbacPreset::PodLevel;
}

std::vector<std::string> switchMode(Project &project, DeploymentMode mode) {
    std::vector<std::string> changes;
    if (project.deployment.mode == mode)
        return changes;

    project.deployment.mode = mode;
    adjustGatewaySettings(project, mode, changes);
    adjustSidecarSettings(project, mode, changes);
    adjustDaemonSetService(project, mode, changes);
    adjustRbac(project, mode, changes);
    return changes;
}

} // namespace otelconsole
