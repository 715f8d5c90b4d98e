// SPDX-License-Identifier: Apache-2.0
#include "render/scalingbuilder.h"

#include "render/rendercontext.h"

#include <string>

namespace otelconsole {

namespace {

Json resourceMetric(const char *resource, int averageUtilization) {
    Json metric = Json::object();
    metric["type"] = "Resource";
    metric["resource"]["name"] = resource;
    metric["resource"]["target"]["type"] = "Utilization";
    metric["resource"]["target"]["averageUtilization"] = averageUtilization;
    return metric;
}

Json toJson(const IntOrPercent &value) {
    if (value.percent) {
        return std::to_string(value.value) + "%";
    }
    return value.value;
}

} // namespace

std::optional<Json> buildHorizontalPodAutoscaler(const RenderContext &context) {
    const auto &hpa = context.project().hpa;
    if (!hpa || context.mode() != DeploymentMode::Gateway) {
        return std::nullopt;
    }

    Json autoscaler = Json::object();
    autoscaler["apiVersion"] = "autoscaling/v2";
    autoscaler["kind"] = "HorizontalPodAutoscaler";
    autoscaler["metadata"] = context.namespacedMetadata(context.name());
    autoscaler["spec"]["scaleTargetRef"]["apiVersion"] = "apps/v1";
    autoscaler["spec"]["scaleTargetRef"]["kind"] = "Deployment";
    autoscaler["spec"]["scaleTargetRef"]["name"] = context.name();
    autoscaler["spec"]["minReplicas"] = hpa->minReplicas;
    autoscaler["spec"]["maxReplicas"] = hpa->maxReplicas;

    // Without metrics the API server defaults to 80% CPU, which is what an empty list would mean anyway.
    Json metrics = Json::array();
    if (hpa->targetCpuUtilization) {
        metrics.push_back(resourceMetric("cpu", *hpa->targetCpuUtilization));
    }
    if (hpa->targetMemoryUtilization) {
        metrics.push_back(resourceMetric("memory", *hpa->targetMemoryUtilization));
    }
    if (!metrics.empty()) {
        autoscaler["spec"]["metrics"] = std::move(metrics);
    }
    return autoscaler;
}

std::optional<Json> buildPodDisruptionBudget(const RenderContext &context) {
    const auto &pdb = context.project().pdb;
    if (!pdb || context.mode() == DeploymentMode::Sidecar) {
        return std::nullopt;
    }

    Json budget = Json::object();
    budget["apiVersion"] = "policy/v1";
    budget["kind"] = "PodDisruptionBudget";
    budget["metadata"] = context.namespacedMetadata(context.name());

    // The API rejects a budget that sets both; that mistake is the validator's to report, so write one.
    if (pdb->minAvailable) {
        budget["spec"]["minAvailable"] = toJson(*pdb->minAvailable);
    } else if (pdb->maxUnavailable) {
        budget["spec"]["maxUnavailable"] = toJson(*pdb->maxUnavailable);
    }
    budget["spec"]["selector"]["matchLabels"] = context.selectorLabels();
    return budget;
}

} // namespace otelconsole
