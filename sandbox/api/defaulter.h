// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/resourcetype.h"

#include <nlohmann/json.hpp>

namespace otelconsole::sandbox {

/// Fills in what the API server defaults so that clients read back what a real cluster returns
/// (Deployment replicas and strategy, Service type and ports, pod template settings, canonical
/// quantities, ...). Runs on every write, before validation.
class Defaulter {
public:
    /// `serverMinorVersion` decides version-dependent defaults such as native sidecar support.
    explicit Defaulter(int serverMinorVersion);

    void apply(const ResourceType &type, nlohmann::json &object) const;

private:
    static void applyDeployment(nlohmann::json &spec);
    static void applyDaemonSet(nlohmann::json &spec);
    static void applyStatefulSet(nlohmann::json &spec);
    static void applyService(nlohmann::json &spec);
    static void applyNamespace(nlohmann::json &object);
    static void applyHorizontalPodAutoscaler(nlohmann::json &spec);
    static void applyBindingSubjects(nlohmann::json &object);
    static void applyNode(nlohmann::json &object);
    void applyTemplate(nlohmann::json &spec) const;

    bool m_nativeSidecars;
};

} // namespace otelconsole::sandbox
