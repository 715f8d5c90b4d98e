// SPDX-License-Identifier: Apache-2.0
#include "model/projectreader.h"

#include "model/collectorconfigreader.h"

#include <array>
#include <charconv>

namespace otelconsole {

namespace {

using namespace std::string_view_literals;

constexpr std::array projectKeys{
    "format_version"sv,  "name"sv,     "mode"sv,        "namespace"sv,
    "collector_image"sv, "replicas"sv, "resources"sv,   "rbac"sv,
    "service"sv,         "hpa"sv,      "pdb"sv,         "anti_affinity"sv,
    "service_monitor"sv, "sidecar"sv,  "tolerations"sv, "node_selector"sv,
    "collector"sv,
};
constexpr std::array resourcesKeys{"limits"sv, "requests"sv};
constexpr std::array resourceListKeys{"cpu"sv, "memory"sv};
constexpr std::array rbacKeys{"preset"sv, "service_account"sv, "rules"sv};
constexpr std::array ruleKeys{"api_groups"sv, "resources"sv, "verbs"sv, "resource_names"sv};
constexpr std::array serviceKeys{"type"sv, "headless"sv, "ports"sv};
constexpr std::array portKeys{"name"sv, "port"sv, "target_port"sv, "protocol"sv};
constexpr std::array hpaKeys{"min_replicas"sv, "max_replicas"sv, "target_cpu_utilization"sv,
                             "target_memory_utilization"sv};
constexpr std::array pdbKeys{"min_available"sv, "max_unavailable"sv};
constexpr std::array antiAffinityKeys{"topology_key"sv, "required"sv};
constexpr std::array serviceMonitorKeys{"interval"sv, "port"sv, "labels"sv};
constexpr std::array sidecarKeys{"target"sv, "native"sv};
constexpr std::array targetKeys{"kind"sv, "name"sv};
constexpr std::array tolerationKeys{"key"sv, "operator"sv, "value"sv, "effect"sv};

constexpr std::string_view rbacPresets = "node_level, cluster_level, pod_level, derived";

std::optional<int> wholeNumber(std::string_view text) {
    int value = 0;
    const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || status != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

ProjectReader::ProjectReader(const std::string &file, SourceMap &sources)
    : m_fields(file, "the project", &sources) {}

Result<Project> ProjectReader::read(const YAML::Node &document) {
    // The format version decides which keys exist, so it is looked at before any key is judged.
    if (const auto anyKeys = m_fields.map(document, {}, {}))
        readFormatVersion(*anyKeys);

    if (const auto top = m_fields.map(document, {}, projectKeys)) {
        m_fields.read(*top, "name", m_project.name);
        readDeployment(*top);
        readService(*top);
        readHpa(*top);
        readPdb(*top);
        readAntiAffinity(*top);
        readServiceMonitor(*top);
        readSidecar(*top);
        readTolerations(*top);
        m_fields.read(*top, "node_selector", m_project.nodeSelector);
        if (const YamlEntry *collector = top->find("collector"))
            m_project.collector = CollectorConfigReader(m_fields, "collector").read(collector->value);
    }

    if (m_fields.failed())
        return std::unexpected(m_fields.error());
    return std::move(m_project);
}

void ProjectReader::readFormatVersion(const YamlMap &top) {
    const YamlEntry *entry = top.find("format_version");
    if (!entry)
        return;
    const auto version = m_fields.integer(*entry);
    if (!version)
        return;

    const std::string current = std::to_string(Project::currentFormatVersion);
    if (*version > Project::currentFormatVersion) {
        m_fields.fail(entry->value.Mark(),
                      "format_version " + std::to_string(*version)
                          + " comes from a newer otel-console; this one reads format_version " + current
                          + " and older");
    } else if (*version < 1) {
        m_fields.fail(entry->value.Mark(), "format_version must be between 1 and " + current + ", found "
                                               + std::to_string(*version));
    }
}

void ProjectReader::readDeployment(const YamlMap &top) {
    K8sDeploymentConfig &deployment = m_project.deployment;
    m_fields.readChoice(top, "mode", deployment.mode, deploymentModeFromString,
                        "DaemonSet, Gateway, Sidecar");
    m_fields.read(top, "namespace", deployment.namespaceName);
    m_fields.read(top, "collector_image", deployment.collectorImage);
    m_fields.read(top, "replicas", deployment.replicas);
    readResources(top);
    readRbac(top);
}

void ProjectReader::readResources(const YamlMap &top) {
    const auto resources = m_fields.map(top, "resources", resourcesKeys);
    if (!resources)
        return;

    ResourceRequirements &requirements = m_project.deployment.resources;
    for (const auto &[key, list] :
         {std::pair{"limits"sv, &requirements.limits}, {"requests"sv, &requirements.requests}}) {
        if (const auto quantities = m_fields.map(*resources, key, resourceListKeys)) {
            m_fields.read(*quantities, "cpu", list->cpu);
            m_fields.read(*quantities, "memory", list->memory);
        }
    }
}

void ProjectReader::readRbac(const YamlMap &top) {
    const YamlEntry *entry = top.find("rbac");
    if (!entry || m_fields.failed())
        return;
    if (entry->value.IsMap()) {
        readRbacMap(*entry);
        return;
    }

    const auto preset = entry->value.IsScalar() ? rbacPresetFromString(entry->value.Scalar()) : std::nullopt;
    if (!preset || *preset == RbacPreset::Custom) {
        m_fields.fail(entry->value.Mark(), "expected one of " + std::string(rbacPresets)
                                               + " or a map with service_account and rules for rbac, found "
                                               + YamlFieldReader::shapeOf(entry->value));
        return;
    }
    m_project.deployment.rbac = RbacConfig{*preset, {}, {}};
}

void ProjectReader::readRbacMap(const YamlEntry &entry) {
    const auto fields = m_fields.map(entry.value, entry.path, rbacKeys);
    if (!fields)
        return;

    // Without a preset the map lists its own rules: that is what Custom means.
    RbacConfig rbac{RbacPreset::Custom, {}, {}};
    m_fields.readChoice(*fields, "preset", rbac.preset, rbacPresetFromString,
                        std::string(rbacPresets) + ", custom");
    m_fields.read(*fields, "service_account", rbac.serviceAccount);

    const YamlEntry *rules = fields->find("rules");
    if (rules && rbac.preset != RbacPreset::Custom && !m_fields.failed()) {
        m_fields.fail(rules->keyNode.Mark(), "rbac.rules apply only to custom RBAC, but rbac.preset is "
                                                 + std::string(toString(rbac.preset))
                                                 + "; remove the preset or the rules");
        return;
    }
    for (const YamlEntry &item : m_fields.list(*fields, "rules"))
        rbac.rules.push_back(readPolicyRule(item));
    m_project.deployment.rbac = std::move(rbac);
}

PolicyRule ProjectReader::readPolicyRule(const YamlEntry &item) {
    PolicyRule rule;
    if (const auto fields = m_fields.map(item.value, item.path, ruleKeys)) {
        m_fields.read(*fields, "api_groups", rule.apiGroups);
        m_fields.read(*fields, "resources", rule.resources);
        m_fields.read(*fields, "verbs", rule.verbs);
        m_fields.read(*fields, "resource_names", rule.resourceNames);
    }
    return rule;
}

void ProjectReader::readService(const YamlMap &top) {
    const auto fields = m_fields.map(top, "service", serviceKeys);
    if (!fields)
        return;

    ServiceSpec service;
    m_fields.readChoice(*fields, "type", service.type, serviceTypeFromString,
                        "ClusterIP, NodePort, LoadBalancer");
    m_fields.read(*fields, "headless", service.headless);
    for (const YamlEntry &item : m_fields.list(*fields, "ports")) {
        ServicePort port;
        if (const auto portFields = m_fields.map(item.value, item.path, portKeys)) {
            m_fields.read(*portFields, "name", port.name);
            m_fields.read(*portFields, "port", port.port);
            m_fields.read(*portFields, "target_port", port.targetPort);
            m_fields.read(*portFields, "protocol", port.protocol);
        }
        service.ports.push_back(std::move(port));
    }
    m_project.service = std::move(service);
}

void ProjectReader::readHpa(const YamlMap &top) {
    const auto fields = m_fields.map(top, "hpa", hpaKeys);
    if (!fields)
        return;

    HpaConfig hpa;
    m_fields.read(*fields, "min_replicas", hpa.minReplicas);
    m_fields.read(*fields, "max_replicas", hpa.maxReplicas);
    m_fields.read(*fields, "target_cpu_utilization", hpa.targetCpuUtilization);
    m_fields.read(*fields, "target_memory_utilization", hpa.targetMemoryUtilization);
    m_project.hpa = hpa;
}

void ProjectReader::readPdb(const YamlMap &top) {
    const auto fields = m_fields.map(top, "pdb", pdbKeys);
    if (!fields)
        return;

    PdbConfig pdb;
    pdb.minAvailable = readIntOrPercent(*fields, "min_available");
    pdb.maxUnavailable = readIntOrPercent(*fields, "max_unavailable");
    m_project.pdb = pdb;
}

std::optional<IntOrPercent> ProjectReader::readIntOrPercent(const YamlMap &parent, std::string_view key) {
    const YamlEntry *entry = parent.find(key);
    if (!entry || m_fields.failed())
        return std::nullopt;

    const YAML::Node &node = entry->value;
    if (node.IsScalar()) {
        const std::string &text = node.Scalar();
        const bool percent = text.ends_with('%');
        // A plain 2 is a count, "2" quoted is a string, and only a string may carry a percent sign.
        const bool countWritten = node.Tag() != "!" || percent;
        const auto value = wholeNumber(percent ? std::string_view(text).substr(0, text.size() - 1) : text);
        if (value && countWritten)
            return IntOrPercent{*value, percent};
    }
    m_fields.fail(node.Mark(), "expected an integer or a percentage such as \"50%\" for " + entry->path
                                   + ", found " + YamlFieldReader::shapeOf(node));
    return std::nullopt;
}

void ProjectReader::readAntiAffinity(const YamlMap &top) {
    const auto fields = m_fields.map(top, "anti_affinity", antiAffinityKeys);
    if (!fields)
        return;

    AntiAffinityConfig antiAffinity;
    m_fields.read(*fields, "topology_key", antiAffinity.topologyKey);
    m_fields.read(*fields, "required", antiAffinity.required);
    m_project.antiAffinity = antiAffinity;
}

void ProjectReader::readServiceMonitor(const YamlMap &top) {
    const auto fields = m_fields.map(top, "service_monitor", serviceMonitorKeys);
    if (!fields)
        return;

    ServiceMonitorSpec serviceMonitor;
    m_fields.read(*fields, "interval", serviceMonitor.interval);
    m_fields.read(*fields, "port", serviceMonitor.port);
    m_fields.read(*fields, "labels", serviceMonitor.labels);
    m_project.serviceMonitor = serviceMonitor;
}

void ProjectReader::readSidecar(const YamlMap &top) {
    const auto fields = m_fields.map(top, "sidecar", sidecarKeys);
    if (!fields)
        return;

    SidecarConfig sidecar;
    if (const auto target = m_fields.map(*fields, "target", targetKeys)) {
        m_fields.read(*target, "kind", sidecar.target.kind);
        m_fields.read(*target, "name", sidecar.target.name);
    }
    m_fields.readChoice(*fields, "native", sidecar.native, nativeSidecarFromString, "auto, always, never");
    m_project.sidecar = sidecar;
}

void ProjectReader::readTolerations(const YamlMap &top) {
    for (const YamlEntry &item : m_fields.list(top, "tolerations")) {
        Toleration toleration;
        if (const auto fields = m_fields.map(item.value, item.path, tolerationKeys)) {
            m_fields.read(*fields, "key", toleration.key);
            m_fields.read(*fields, "operator", toleration.op);
            m_fields.read(*fields, "value", toleration.value);
            m_fields.read(*fields, "effect", toleration.effect);
        }
        m_project.tolerations.push_back(std::move(toleration));
    }
}

} // namespace otelconsole
