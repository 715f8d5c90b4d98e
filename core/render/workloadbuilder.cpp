// SPDX-License-Identifier: Apache-2.0
#include "render/workloadbuilder.h"

#include "render/podbuilder.h"
#include "render/rendercontext.h"

namespace otelconsole {

namespace {

Json workloadHeader(const RenderContext &context, const char *kind) {
    Json workload = Json::object();
    workload["apiVersion"] = "apps/v1";
    workload["kind"] = kind;
    workload["metadata"] = context.namespacedMetadata(context.name());
    return workload;
}

/// Spreads gateway replicas over the topology domain (usually nodes) so one failure takes out one replica.
Json buildAntiAffinity(const RenderContext &context) {
    const auto &antiAffinity = context.project().antiAffinity;
    if (!antiAffinity) {
        return nullptr;
    }

    Json term = Json::object();
    term["labelSelector"]["matchLabels"] = context.selectorLabels();
    term["topologyKey"] = antiAffinity->topologyKey;

    Json affinity = Json::object();
    if (antiAffinity->required) {
        affinity["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"] = Json::array({term});
    } else {
        Json preference = Json::object();
        preference["weight"] = 100;
        preference["podAffinityTerm"] = std::move(term);
        affinity["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"] =
            Json::array({std::move(preference)});
    }
    return affinity;
}

} // namespace

Json buildDaemonSet(const RenderContext &context) {
    Json daemonSet = workloadHeader(context, "DaemonSet");
    daemonSet["spec"]["selector"]["matchLabels"] = context.selectorLabels();
    daemonSet["spec"]["updateStrategy"]["type"] = "RollingUpdate";
    daemonSet["spec"]["updateStrategy"]["rollingUpdate"]["maxUnavailable"] = 1;
    daemonSet["spec"]["template"] = buildPodTemplate(context);
    return daemonSet;
}

Json buildDeployment(const RenderContext &context) {
    const Project &project = context.project();

    Json deployment = workloadHeader(context, "Deployment");
    if (!project.hpa) {
        deployment["spec"]["replicas"] = project.deployment.replicas.value_or(1);
    }
    deployment["spec"]["selector"]["matchLabels"] = context.selectorLabels();

    // A new replica must be ready before an old one goes, so the gateway never runs below strength.
    deployment["spec"]["strategy"]["type"] = "RollingUpdate";
    deployment["spec"]["strategy"]["rollingUpdate"]["maxSurge"] = "25%";
    deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] = 0;

    deployment["spec"]["template"] = buildPodTemplate(context, buildAntiAffinity(context));
    return deployment;
}

bool usesNativeSidecar(const RenderContext &context) {
    const NativeSidecar native =
        context.project().sidecar ? context.project().sidecar->native : NativeSidecar::Auto;
    return native == NativeSidecar::Always
           || (native == NativeSidecar::Auto && context.cluster().nativeSidecars);
}

Json buildSidecarIntent(const RenderContext &context) {
    const SidecarTarget target =
        context.project().sidecar ? context.project().sidecar->target : SidecarTarget{};
    const bool native = usesNativeSidecar(context);

    Json intent = Json::object();
    intent["apiVersion"] = "apps/v1";
    intent["kind"] = target.kind;
    intent["metadata"]["name"] = target.name;
    intent["metadata"]["namespace"] = context.namespaceName();

    Json &podTemplate = intent["spec"]["template"];
    podTemplate["metadata"]["annotations"][std::string(configChecksumAnnotation)] = context.configChecksum();
    podTemplate["spec"][native ? "initContainers" : "containers"] =
        Json::array({buildCollectorContainer(context, native)});
    podTemplate["spec"]["volumes"] = buildPodVolumes(context);
    return intent;
}

} // namespace otelconsole
