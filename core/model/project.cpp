// SPDX-License-Identifier: Apache-2.0
#include "model/project.h"

#include <array>
#include <utility>

namespace otelconsole {

namespace {

template<typename Enum, std::size_t N>
using SpellingTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr SpellingTable<DeploymentMode, 3> deploymentModeSpellings{{
    {DeploymentMode::DaemonSet, "DaemonSet"},
    {DeploymentMode::Gateway, "Gateway"},
    {DeploymentMode::Sidecar, "Sidecar"},
}};

constexpr SpellingTable<RbacPreset, 5> rbacPresetSpellings{{
    {RbacPreset::NodeLevel, "node_level"},
    {RbacPreset::ClusterLevel, "cluster_level"},
    {RbacPreset::PodLevel, "pod_level"},
    {RbacPreset::Derived, "derived"},
    {RbacPreset::Custom, "custom"},
}};

constexpr SpellingTable<ServiceType, 3> serviceTypeSpellings{{
    {ServiceType::ClusterIP, "ClusterIP"},
    {ServiceType::NodePort, "NodePort"},
    {ServiceType::LoadBalancer, "LoadBalancer"},
}};

constexpr SpellingTable<NativeSidecar, 3> nativeSidecarSpellings{{
    {NativeSidecar::Auto, "auto"},
    {NativeSidecar::Always, "always"},
    {NativeSidecar::Never, "never"},
}};

template<typename Enum, std::size_t N>
std::string_view spell(const SpellingTable<Enum, N> &table, Enum value) {
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return text;
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> lookUp(const SpellingTable<Enum, N> &table, std::string_view text) {
    for (const auto &[candidate, spelling] : table) {
        if (spelling == text)
            return candidate;
    }
    return std::nullopt;
}

PolicyRule makeRule(std::vector<std::string> apiGroups, std::vector<std::string> resources,
                    std::vector<std::string> verbs) {
    return PolicyRule{std::move(apiGroups), std::move(resources), std::move(verbs), {}};
}

std::string prefixBeforeSlash(const std::string &id) {
    return id.substr(0, id.find('/'));
}

} // namespace

std::string_view toString(DeploymentMode mode) {
    return spell(deploymentModeSpellings, mode);
}

std::optional<DeploymentMode> deploymentModeFromString(std::string_view text) {
    return lookUp(deploymentModeSpellings, text);
}

std::string_view toString(RbacPreset preset) {
    return spell(rbacPresetSpellings, preset);
}

std::optional<RbacPreset> rbacPresetFromString(std::string_view text) {
    return lookUp(rbacPresetSpellings, text);
}

std::string_view toString(ServiceType type) {
    return spell(serviceTypeSpellings, type);
}

std::optional<ServiceType> serviceTypeFromString(std::string_view text) {
    return lookUp(serviceTypeSpellings, text);
}

std::string_view toString(NativeSidecar native) {
    return spell(nativeSidecarSpellings, native);
}

std::optional<NativeSidecar> nativeSidecarFromString(std::string_view text) {
    return lookUp(nativeSidecarSpellings, text);
}

RbacConfig RbacConfig::nodeLevel() {
    return RbacConfig{RbacPreset::NodeLevel, {}, {}};
}

RbacConfig RbacConfig::clusterLevel() {
    return RbacConfig{RbacPreset::ClusterLevel, {}, {}};
}

RbacConfig RbacConfig::podLevel() {
    return RbacConfig{RbacPreset::PodLevel, {}, {}};
}

RbacConfig RbacConfig::derived() {
    return RbacConfig{RbacPreset::Derived, {}, {}};
}

std::vector<PolicyRule> RbacConfig::presetRules() const {
    switch (preset) {
    case RbacPreset::NodeLevel:
        return {makeRule({""}, {"nodes", "nodes/stats"}, {"get", "list"})};
    case RbacPreset::ClusterLevel:
        return {makeRule({""}, {"pods", "services", "endpoints"}, {"get", "list", "watch"})};
    case RbacPreset::Custom:
        return rules;
    case RbacPreset::PodLevel:
    case RbacPreset::Derived:
        break;
    }
    return {};
}

std::string Component::type() const {
    return prefixBeforeSlash(id);
}

std::string Pipeline::signal() const {
    return prefixBeforeSlash(id);
}

} // namespace otelconsole
