// SPDX-License-Identifier: Apache-2.0
#include "render/renderer.h"

#include "common/logging.h"
#include "render/collectorconfigbuilder.h"
#include "render/rbacbuilder.h"
#include "render/rendercontext.h"
#include "render/scalingbuilder.h"
#include "render/servicebuilder.h"
#include "render/workloadbuilder.h"

namespace otelconsole {

namespace {

Json buildNamespace(const RenderContext &context) {
    Json object = Json::object();
    object["apiVersion"] = "v1";
    object["kind"] = "Namespace";
    object["metadata"] = context.clusterMetadata(context.namespaceName());
    return object;
}

void appendIfPresent(std::vector<Json> &objects, std::optional<Json> object) {
    if (object) {
        objects.push_back(std::move(*object));
    }
}

void appendWorkload(std::vector<Json> &objects, const RenderContext &context) {
    switch (context.mode()) {
    case DeploymentMode::DaemonSet:
        objects.push_back(buildDaemonSet(context));
        return;
    case DeploymentMode::Gateway:
        objects.push_back(buildDeployment(context));
        return;
    case DeploymentMode::Sidecar:
        // Without a target there is nothing to merge into; the validator reports the missing target.
        if (context.project().sidecar && !context.project().sidecar->target.name.empty()) {
            objects.push_back(buildSidecarIntent(context));
        }
        return;
    }
}

/// Every object in dependency order: what a pod refers to exists before the pod does.
std::vector<Json> buildObjects(const RenderContext &context) {
    std::vector<Json> objects;

    // A sidecar joins its application in the application's namespace. Owning that Namespace would let
    // an undeploy of the collector delete the application with it.
    if (context.mode() != DeploymentMode::Sidecar) {
        objects.push_back(buildNamespace(context));
    }
    for (Json &object : buildRbacObjects(context)) {
        objects.push_back(std::move(object));
    }
    objects.push_back(buildConfigMap(context));
    for (Json &object : buildServices(context)) {
        objects.push_back(std::move(object));
    }
    appendWorkload(objects, context);
    appendIfPresent(objects, buildHorizontalPodAutoscaler(context));
    appendIfPresent(objects, buildPodDisruptionBudget(context));
    appendIfPresent(objects, buildServiceMonitor(context));
    return objects;
}

} // namespace

Result<Plan> renderPlan(const Project &project, const Catalog &catalog, const ClusterTraits &cluster) {
    if (project.name.empty()) {
        return fail(ErrorKind::InvalidInput, "The project has no name; every object is named after it.");
    }
    if (project.deployment.namespaceName.empty()) {
        return fail(ErrorKind::InvalidInput, "The project has no namespace to deploy the collector into.");
    }

    const RenderContext context(project, catalog, cluster);

    Plan plan;
    plan.objects = buildObjects(context);
    plan.collectorConfig = context.collectorConfig();
    plan.collectorConfigYaml = context.collectorConfigYaml();
    plan.configChecksum = context.configChecksum();
    qCDebug(lcRender) << "rendered" << plan.objects.size() << "objects for" << project.name.c_str();
    return plan;
}

} // namespace otelconsole
