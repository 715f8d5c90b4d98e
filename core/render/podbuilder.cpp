// SPDX-License-Identifier: Apache-2.0
#include "render/podbuilder.h"

#include "model/quantity.h"
#include "render/collectorconfigbuilder.h"
#include "render/rendercontext.h"

#include <algorithm>
#include <array>
#include <map>

namespace otelconsole {

namespace {

constexpr auto configVolumeName = "otel-collector-config";
constexpr auto configMountPath = "/conf";
constexpr int nonRootUser = 10001; // the UID and GID the collector images are built to run as
constexpr std::int64_t bytesPerMiB = 1024 * 1024;

Json fieldRefEnv(const std::string &name, const std::string &fieldPath) {
    Json env = Json::object();
    env["name"] = name;
    env["valueFrom"]["fieldRef"]["fieldPath"] = fieldPath;
    return env;
}

/// The downward-API variables every collector gets: configs refer to them as ${env:MY_POD_IP} and so on.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> standardEnv = {{
    {"MY_POD_IP", "status.podIP"},
    {"K8S_NODE_NAME", "spec.nodeName"},
    {"K8S_NAMESPACE", "metadata.namespace"},
}};

bool isStandardEnv(std::string_view name) {
    return std::ranges::any_of(standardEnv, [&](const auto &variable) { return variable.first == name; });
}

Json buildEnv(const RenderContext &context) {
    Json env = Json::array();
    for (const auto &[name, fieldPath] : standardEnv) {
        env.push_back(fieldRefEnv(std::string(name), std::string(fieldPath)));
    }

    // A map keeps the components' variables sorted by name and each one once.
    std::map<std::string, std::string> fromCatalog;
    for (const UsedComponent &used : context.usedComponents()) {
        if (used.info == nullptr) {
            continue;
        }
        for (const CatalogEnv &variable : used.info->env) {
            if (!isStandardEnv(variable.name)) {
                fromCatalog.try_emplace(variable.name, variable.fieldPath);
            }
        }
    }
    for (const auto &[name, fieldPath] : fromCatalog) {
        env.push_back(fieldRefEnv(name, fieldPath));
    }

    if (const auto limit = goMemoryLimitFor(context.project().deployment.resources.limits.memory)) {
        env.push_back({{"name", "GOMEMLIMIT"}, {"value", *limit}});
    }
    return env;
}

Json resourceListJson(const ResourceList &list) {
    Json json = Json::object();
    if (!list.cpu.empty()) {
        json["cpu"] = list.cpu;
    }
    if (!list.memory.empty()) {
        json["memory"] = list.memory;
    }
    return json;
}

Json buildResources(const ResourceRequirements &resources) {
    Json json = Json::object();
    if (Json limits = resourceListJson(resources.limits); !limits.empty()) {
        json["limits"] = std::move(limits);
    }
    if (Json requests = resourceListJson(resources.requests); !requests.empty()) {
        json["requests"] = std::move(requests);
    }
    return json;
}

Json buildPorts(const RenderContext &context) {
    Json ports = Json::array();
    for (const ContainerPort &port : context.containerPorts()) {
        ports.push_back({{"name", port.name}, {"containerPort", port.port}, {"protocol", port.protocol}});
    }
    return ports;
}

bool needsRoot(const RenderContext &context) {
    return std::ranges::any_of(context.usedComponents(), [](const UsedComponent &used) {
        return used.info != nullptr && used.info->needsRoot;
    });
}

Json buildSecurityContext(const RenderContext &context) {
    // Host log files are usually readable by root only; the catalog marks the components that read them.
    const bool root = needsRoot(context);

    Json security = Json::object();
    security["runAsNonRoot"] = !root;
    security["runAsUser"] = root ? 0 : nonRootUser;
    security["runAsGroup"] = root ? 0 : nonRootUser;
    security["allowPrivilegeEscalation"] = false;
    security["readOnlyRootFilesystem"] = true;
    security["capabilities"]["drop"] = Json::array({"ALL"});
    security["seccompProfile"]["type"] = "RuntimeDefault";
    return security;
}

/// The host mounts of the used components, each name once, in the order the components are used.
std::vector<CatalogHostMount> hostMounts(const RenderContext &context) {
    std::vector<CatalogHostMount> mounts;
    for (const UsedComponent &used : context.usedComponents()) {
        if (used.info == nullptr) {
            continue;
        }
        for (const CatalogHostMount &mount : used.info->hostMounts) {
            const bool known = std::ranges::any_of(
                mounts, [&](const CatalogHostMount &existing) { return existing.name == mount.name; });
            if (!known) {
                mounts.push_back(mount);
            }
        }
    }
    return mounts;
}

Json buildVolumeMounts(const RenderContext &context) {
    Json mounts =
        Json::array({{{"name", configVolumeName}, {"mountPath", configMountPath}, {"readOnly", true}}});
    for (const CatalogHostMount &hostMount : hostMounts(context)) {
        Json mount = Json::object();
        mount["name"] = hostMount.name;
        mount["mountPath"] = hostMount.mountPath;
        if (hostMount.readOnly) {
            mount["readOnly"] = true;
        }
        if (!hostMount.mountPropagation.empty()) {
            mount["mountPropagation"] = hostMount.mountPropagation;
        }
        mounts.push_back(std::move(mount));
    }
    return mounts;
}

Json httpGetProbe(const HealthCheckEndpoint &health) {
    Json probe = Json::object();
    probe["httpGet"]["path"] = health.path;
    probe["httpGet"]["port"] = health.port;
    return probe;
}

void addProbes(Json &container, const HealthCheckEndpoint &health) {
    // Liveness waits out the start-up of slow receivers; readiness is checked often so a new pod joins
    // the Service as soon as it can take data.
    Json liveness = httpGetProbe(health);
    liveness["initialDelaySeconds"] = 10;
    liveness["periodSeconds"] = 10;
    container["livenessProbe"] = std::move(liveness);

    Json readiness = httpGetProbe(health);
    readiness["initialDelaySeconds"] = 5;
    readiness["periodSeconds"] = 5;
    container["readinessProbe"] = std::move(readiness);
}

Json buildTolerations(const std::vector<Toleration> &tolerations) {
    Json json = Json::array();
    for (const Toleration &toleration : tolerations) {
        Json entry = Json::object();
        if (!toleration.key.empty()) {
            entry["key"] = toleration.key;
        }
        entry["operator"] = toleration.op;
        if (!toleration.value.empty()) {
            entry["value"] = toleration.value;
        }
        if (!toleration.effect.empty()) {
            entry["effect"] = toleration.effect;
        }
        json.push_back(std::move(entry));
    }
    return json;
}

} // namespace

std::optional<std::string> goMemoryLimitFor(std::string_view memoryLimit) {
    if (memoryLimit.empty()) {
        return std::nullopt;
    }
    const auto quantity = Quantity::parse(memoryLimit);
    if (!quantity) {
        return std::nullopt;
    }

    const std::int64_t mebibytes =
        static_cast<std::int64_t>(static_cast<__int128>(quantity->value()) * 4 / 5 / bytesPerMiB);
    if (mebibytes <= 0) {
        return std::nullopt;
    }
    return std::to_string(mebibytes) + "MiB";
}

Json buildCollectorContainer(const RenderContext &context, bool nativeSidecar) {
    const K8sDeploymentConfig &deployment = context.project().deployment;

    Json container = Json::object();
    container["name"] = std::string(collectorContainerName);
    container["image"] = deployment.collectorImage;
    container["imagePullPolicy"] = "IfNotPresent";
    if (nativeSidecar) {
        container["restartPolicy"] = "Always";
    }
    container["args"] =
        Json::array({"--config=" + std::string(configMountPath) + "/" + std::string(collectorConfigKey)});
    container["ports"] = buildPorts(context);
    container["env"] = buildEnv(context);
    if (Json resources = buildResources(deployment.resources); !resources.empty()) {
        container["resources"] = std::move(resources);
    }
    container["volumeMounts"] = buildVolumeMounts(context);
    if (context.healthCheck()) {
        addProbes(container, *context.healthCheck());
    }
    container["securityContext"] = buildSecurityContext(context);
    return container;
}

Json buildPodVolumes(const RenderContext &context) {
    Json configVolume = Json::object();
    configVolume["name"] = configVolumeName;
    configVolume["configMap"]["name"] = context.configMapName();

    Json volumes = Json::array({std::move(configVolume)});
    for (const CatalogHostMount &mount : hostMounts(context)) {
        Json volume = Json::object();
        volume["name"] = mount.name;
        volume["hostPath"]["path"] = mount.hostPath;
        if (!mount.hostPathType.empty()) {
            volume["hostPath"]["type"] = mount.hostPathType;
        }
        volumes.push_back(std::move(volume));
    }
    return volumes;
}

Json buildPodTemplate(const RenderContext &context, const Json &affinity) {
    const Project &project = context.project();

    Json metadata = Json::object();
    metadata["labels"] = context.labels();
    metadata["annotations"][std::string(configChecksumAnnotation)] = context.configChecksum();

    Json spec = Json::object();
    spec["serviceAccountName"] = context.serviceAccountName();
    spec["containers"] = Json::array({buildCollectorContainer(context)});
    spec["volumes"] = buildPodVolumes(context);
    if (!project.nodeSelector.empty()) {
        for (const auto &[key, value] : project.nodeSelector) {
            spec["nodeSelector"][key] = value;
        }
    }
    if (!affinity.is_null()) {
        spec["affinity"] = affinity;
    }
    if (!project.tolerations.empty()) {
        spec["tolerations"] = buildTolerations(project.tolerations);
    }

    Json podTemplate = Json::object();
    podTemplate["metadata"] = std::move(metadata);
    podTemplate["spec"] = std::move(spec);
    return podTemplate;
}

} // namespace otelconsole
