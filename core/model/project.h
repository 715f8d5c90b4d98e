// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <optional>
#include <string>
#include <vector>

namespace otelconsole {

/// How the collector runs in the cluster.
enum class DeploymentMode {
    DaemonSet, ///< one collector pod per node
    Gateway,   ///< a Deployment of N replicas behind a Service
    Sidecar,   ///< a collector container added to each pod of an application workload
};

[[nodiscard]] std::string_view toString(DeploymentMode mode);
[[nodiscard]] std::optional<DeploymentMode> deploymentModeFromString(std::string_view text);

/// CPU and memory as Kubernetes quantities ("500m", "4Gi"); an empty string means "not set".
struct ResourceList {
    std::string cpu;
    std::string memory;

    bool operator==(const ResourceList &) const = default;
};

struct ResourceRequirements {
    ResourceList limits;
    ResourceList requests;

    bool operator==(const ResourceRequirements &) const = default;
};

/// One rule of a ClusterRole, as in rbac.authorization.k8s.io/v1 (apiGroup "" is the core group).
struct PolicyRule {
    std::vector<std::string> apiGroups;
    std::vector<std::string> resources;
    std::vector<std::string> verbs;
    std::vector<std::string> resourceNames;

    bool operator==(const PolicyRule &) const = default;
};

/// Where the collector's RBAC rules come from.
enum class RbacPreset {
    NodeLevel,    ///< nodes, nodes/stats get/list — for DaemonSets
    ClusterLevel, ///< pods, services, endpoints get/list/watch — for gateways
    PodLevel,     ///< no rules at all — for sidecars
    Derived,      ///< exactly what the pipeline's components need, from the catalog
    Custom,       ///< the rules listed in the project
};

/// The preset's spelling in project files: node_level, cluster_level, pod_level, derived, custom.
[[nodiscard]] std::string_view toString(RbacPreset preset);
[[nodiscard]] std::optional<RbacPreset> rbacPresetFromString(std::string_view text);

/// The collector's identity in the cluster and what it may read.
struct RbacConfig {
    RbacPreset preset = RbacPreset::PodLevel;
    std::string serviceAccount;    ///< empty: derived from the project name
    std::vector<PolicyRule> rules; ///< Custom only; the other presets compute theirs

    [[nodiscard]] static RbacConfig nodeLevel();
    [[nodiscard]] static RbacConfig clusterLevel();
    [[nodiscard]] static RbacConfig podLevel();
    [[nodiscard]] static RbacConfig derived();

    /// The rules of a fixed preset (NodeLevel, ClusterLevel, PodLevel) or of Custom; empty for Derived,
    /// whose rules the renderer computes from the catalog.
    [[nodiscard]] std::vector<PolicyRule> presetRules() const;

    bool operator==(const RbacConfig &) const = default;
};

/// The seed's deployment settings: what runs where, with which resources and identity.
struct K8sDeploymentConfig {
    DeploymentMode mode = DeploymentMode::Gateway;
    std::string namespaceName = "observability";
    std::string collectorImage = "otel/opentelemetry-collector-contrib:0.159.0";
    ResourceRequirements resources;
    std::optional<int> replicas; ///< Gateway only
    RbacConfig rbac;

    bool operator==(const K8sDeploymentConfig &) const = default;
};

enum class ServiceType { ClusterIP, NodePort, LoadBalancer };

[[nodiscard]] std::string_view toString(ServiceType type);
[[nodiscard]] std::optional<ServiceType> serviceTypeFromString(std::string_view text);

struct ServicePort {
    std::string name;
    int port = 0;
    int targetPort = 0; ///< 0: same as port
    std::string protocol = "TCP";

    bool operator==(const ServicePort &) const = default;
};

/// The collector's Service; ports left empty are derived from the receivers.
struct ServiceSpec {
    ServiceType type = ServiceType::ClusterIP;
    std::vector<ServicePort> ports;
    bool headless =
        false; ///< also create `<name>-headless` (clusterIP: None), e.g. for load-balancing exporters

    bool operator==(const ServiceSpec &) const = default;
};

struct HpaConfig {
    int minReplicas = 1;
    int maxReplicas = 1;
    std::optional<int> targetCpuUtilization;    ///< percent of the CPU request
    std::optional<int> targetMemoryUtilization; ///< percent of the memory request

    bool operator==(const HpaConfig &) const = default;
};

/// An integer or a percentage ("50%"), as PDB fields accept.
struct IntOrPercent {
    int value = 0;
    bool percent = false;

    bool operator==(const IntOrPercent &) const = default;
};

struct PdbConfig {
    std::optional<IntOrPercent> minAvailable;
    std::optional<IntOrPercent> maxUnavailable;

    bool operator==(const PdbConfig &) const = default;
};

struct AntiAffinityConfig {
    std::string topologyKey = "kubernetes.io/hostname";
    bool required = false; ///< hard rule (required...) instead of a preference (preferred..., weight 100)

    bool operator==(const AntiAffinityConfig &) const = default;
};

struct ServiceMonitorSpec {
    std::string interval = "30s";
    std::string port = "metrics"; ///< Service port *name* that serves the collector's own metrics
    std::vector<std::pair<std::string, std::string>> labels; ///< e.g. release: prometheus

    bool operator==(const ServiceMonitorSpec &) const = default;
};

/// Which application workload receives the collector as a sidecar.
struct SidecarTarget {
    std::string kind = "Deployment"; ///< Deployment | StatefulSet | DaemonSet
    std::string name;

    bool operator==(const SidecarTarget &) const = default;
};

enum class NativeSidecar { Auto, Always, Never };

/// auto, always or never, as written in project files.
[[nodiscard]] std::string_view toString(NativeSidecar native);
[[nodiscard]] std::optional<NativeSidecar> nativeSidecarFromString(std::string_view text);

struct SidecarConfig {
    SidecarTarget target;
    NativeSidecar native = NativeSidecar::Auto; ///< Auto: initContainers + restartPolicy Always from 1.29 on

    bool operator==(const SidecarConfig &) const = default;
};

/// A toleration copied verbatim into the pod spec (DaemonSets usually tolerate every taint).
struct Toleration {
    std::string key;
    std::string op = "Exists"; ///< Exists | Equal
    std::string value;
    std::string effect; ///< empty: all effects

    bool operator==(const Toleration &) const = default;
};

/// A configured component: its id (`type` or `type/name`, e.g. `otlp/jaeger`) and its settings as
/// written in the collector's own config format.
struct Component {
    std::string id;
    Json config; ///< null when the component is listed without settings

    /// The part of the id before the first '/'.
    [[nodiscard]] std::string type() const;

    bool operator==(const Component &) const = default;
};

/// A pipeline of `service.pipelines`: id is the signal, optionally with a name (`traces/2`).
struct Pipeline {
    std::string id;
    std::vector<std::string> receivers;
    std::vector<std::string> processors;
    std::vector<std::string> exporters;

    /// traces, metrics, logs or profiles: the part of the id before '/'.
    [[nodiscard]] std::string signal() const;

    bool operator==(const Pipeline &) const = default;
};

/// The collector's config.yaml, kept in its own format and key order.
struct CollectorConfig {
    std::vector<Component> receivers;
    std::vector<Component> processors;
    std::vector<Component> exporters;
    std::vector<Component> extensions;
    std::vector<Component> connectors;
    std::vector<std::string> serviceExtensions; ///< service.extensions
    std::vector<Pipeline> pipelines;            ///< service.pipelines
    Json telemetry;                             ///< service.telemetry, verbatim (null when absent)

    bool operator==(const CollectorConfig &) const = default;
};

/// A project: one collector deployment designed in otel-console, saved as one YAML file.
struct Project {
    static constexpr int currentFormatVersion = 1;

    std::string name = "otel-collector";
    K8sDeploymentConfig deployment;
    std::optional<ServiceSpec> service;
    std::optional<HpaConfig> hpa;
    std::optional<PdbConfig> pdb;
    std::optional<AntiAffinityConfig> antiAffinity;
    std::optional<ServiceMonitorSpec> serviceMonitor;
    std::optional<SidecarConfig> sidecar; ///< Sidecar mode only
    std::vector<Toleration> tolerations;
    std::vector<std::pair<std::string, std::string>> nodeSelector;
    CollectorConfig collector;

    bool operator==(const Project &) const = default;
};

} // namespace otelconsole
