// SPDX-License-Identifier: Apache-2.0
#include "model/projectwriter.h"

#include "model/projectfile.h"

namespace otelconsole {

namespace {

Json stringPairs(const std::vector<std::pair<std::string, std::string>> &pairs) {
    Json object = Json::object();
    for (const auto &[key, value] : pairs)
        object[key] = value;
    return object;
}

Json resourceListJson(const ResourceList &list) {
    Json json = Json::object();
    if (!list.cpu.empty())
        json["cpu"] = list.cpu;
    if (!list.memory.empty())
        json["memory"] = list.memory;
    return json;
}

Json resourcesJson(const ResourceRequirements &resources) {
    Json json = Json::object();
    if (Json limits = resourceListJson(resources.limits); !limits.empty())
        json["limits"] = std::move(limits);
    if (Json requests = resourceListJson(resources.requests); !requests.empty())
        json["requests"] = std::move(requests);
    return json;
}

Json policyRuleJson(const PolicyRule &rule) {
    Json json = Json::object();
    json["api_groups"] = rule.apiGroups;
    json["resources"] = rule.resources;
    json["verbs"] = rule.verbs;
    if (!rule.resourceNames.empty())
        json["resource_names"] = rule.resourceNames;
    return json;
}

Json rbacJson(const RbacConfig &rbac) {
    const bool custom = rbac.preset == RbacPreset::Custom;
    if (!custom && rbac.serviceAccount.empty())
        return std::string(toString(rbac.preset));

    Json json = Json::object();
    if (!custom)
        json["preset"] = std::string(toString(rbac.preset));
    if (!rbac.serviceAccount.empty())
        json["service_account"] = rbac.serviceAccount;
    if (custom) {
        json["rules"] = Json::array();
        for (const PolicyRule &rule : rbac.rules)
            json["rules"].push_back(policyRuleJson(rule));
    }
    return json;
}

Json serviceJson(const ServiceSpec &service) {
    Json json = Json::object();
    json["type"] = std::string(toString(service.type));
    if (service.headless)
        json["headless"] = true;
    if (service.ports.empty())
        return json;

    json["ports"] = Json::array();
    for (const ServicePort &port : service.ports) {
        Json entry = Json::object();
        if (!port.name.empty())
            entry["name"] = port.name;
        entry["port"] = port.port;
        if (port.targetPort != 0)
            entry["target_port"] = port.targetPort;
        entry["protocol"] = port.protocol;
        json["ports"].push_back(std::move(entry));
    }
    return json;
}

Json hpaJson(const HpaConfig &hpa) {
    Json json = Json::object();
    json["min_replicas"] = hpa.minReplicas;
    json["max_replicas"] = hpa.maxReplicas;
    if (hpa.targetCpuUtilization)
        json["target_cpu_utilization"] = *hpa.targetCpuUtilization;
    if (hpa.targetMemoryUtilization)
        json["target_memory_utilization"] = *hpa.targetMemoryUtilization;
    return json;
}

Json intOrPercentJson(const IntOrPercent &value) {
    if (value.percent)
        return std::to_string(value.value) + '%';
    return value.value;
}

Json pdbJson(const PdbConfig &pdb) {
    Json json = Json::object();
    if (pdb.minAvailable)
        json["min_available"] = intOrPercentJson(*pdb.minAvailable);
    if (pdb.maxUnavailable)
        json["max_unavailable"] = intOrPercentJson(*pdb.maxUnavailable);
    return json;
}

Json serviceMonitorJson(const ServiceMonitorSpec &serviceMonitor) {
    Json json = Json::object();
    json["interval"] = serviceMonitor.interval;
    json["port"] = serviceMonitor.port;
    if (!serviceMonitor.labels.empty())
        json["labels"] = stringPairs(serviceMonitor.labels);
    return json;
}

Json sidecarJson(const SidecarConfig &sidecar) {
    Json json = Json::object();
    json["target"] = Json::object();
    json["target"]["kind"] = sidecar.target.kind;
    json["target"]["name"] = sidecar.target.name;
    json["native"] = std::string(toString(sidecar.native));
    return json;
}

Json tolerationJson(const Toleration &toleration) {
    Json json = Json::object();
    if (!toleration.key.empty())
        json["key"] = toleration.key;
    json["operator"] = toleration.op;
    if (!toleration.value.empty())
        json["value"] = toleration.value;
    if (!toleration.effect.empty())
        json["effect"] = toleration.effect;
    return json;
}

void addDeployment(Json &json, const K8sDeploymentConfig &deployment) {
    json["mode"] = std::string(toString(deployment.mode));
    json["namespace"] = deployment.namespaceName;
    json["collector_image"] = deployment.collectorImage;
    if (deployment.replicas)
        json["replicas"] = *deployment.replicas;
    if (Json resources = resourcesJson(deployment.resources); !resources.empty())
        json["resources"] = std::move(resources);
    json["rbac"] = rbacJson(deployment.rbac);
}

void addOptionalSections(Json &json, const Project &project) {
    if (project.service)
        json["service"] = serviceJson(*project.service);
    if (project.hpa)
        json["hpa"] = hpaJson(*project.hpa);
    if (project.pdb)
        json["pdb"] = pdbJson(*project.pdb);
    if (project.antiAffinity) {
        json["anti_affinity"] = Json::object();
        json["anti_affinity"]["topology_key"] = project.antiAffinity->topologyKey;
        json["anti_affinity"]["required"] = project.antiAffinity->required;
    }
    if (project.serviceMonitor)
        json["service_monitor"] = serviceMonitorJson(*project.serviceMonitor);
    if (project.sidecar)
        json["sidecar"] = sidecarJson(*project.sidecar);
}

Json componentsJson(const std::vector<Component> &components) {
    Json json = Json::object();
    for (const Component &component : components)
        json[component.id] = component.config;
    return json;
}

Json pipelineJson(const Pipeline &pipeline) {
    Json json = Json::object();
    json["receivers"] = pipeline.receivers;
    if (!pipeline.processors.empty())
        json["processors"] = pipeline.processors;
    json["exporters"] = pipeline.exporters;
    return json;
}

} // namespace

Json projectToJson(const Project &project) {
    Json json = Json::object();
    json["format_version"] = Project::currentFormatVersion;
    json["name"] = project.name;
    addDeployment(json, project.deployment);
    addOptionalSections(json, project);
    if (!project.tolerations.empty()) {
        json["tolerations"] = Json::array();
        for (const Toleration &toleration : project.tolerations)
            json["tolerations"].push_back(tolerationJson(toleration));
    }
    if (!project.nodeSelector.empty())
        json["node_selector"] = stringPairs(project.nodeSelector);
    json["collector"] = collectorConfigToJson(project.collector);
    return json;
}

Json collectorConfigToJson(const CollectorConfig &config) {
    Json json = Json::object();
    const std::pair<const char *, const std::vector<Component> *> sections[] = {
        {"receivers", &config.receivers},   {"processors", &config.processors},
        {"exporters", &config.exporters},   {"extensions", &config.extensions},
        {"connectors", &config.connectors},
    };
    for (const auto &[name, components] : sections) {
        if (!components->empty())
            json[name] = componentsJson(*components);
    }

    Json service = Json::object();
    if (!config.serviceExtensions.empty())
        service["extensions"] = config.serviceExtensions;
    service["pipelines"] = Json::object();
    for (const Pipeline &pipeline : config.pipelines)
        service["pipelines"][pipeline.id] = pipelineJson(pipeline);
    if (!config.telemetry.is_null())
        service["telemetry"] = config.telemetry;
    json["service"] = std::move(service);
    return json;
}

} // namespace otelconsole
