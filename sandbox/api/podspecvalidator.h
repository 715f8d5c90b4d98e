// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/fielderrors.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace otelconsole::sandbox {

/// Validation of a pod spec, shared by Pods and every workload's template.
class PodSpecValidator {
public:
    /// Checks `spec` found at `path` (e.g. "spec.template.spec").
    static void validate(const nlohmann::json &spec, const std::string &path, FieldErrors &errors);

    /// Checks a resources block: quantity grammar, no negative values, requests not above limits.
    static void validateResources(const nlohmann::json &resources, const std::string &path,
                                  FieldErrors &errors);

private:
    static void validateContainer(const nlohmann::json &container, const std::string &path, bool init,
                                  const std::set<std::string> &volumes, std::set<std::string> &names,
                                  FieldErrors &errors);
    static void validatePorts(const nlohmann::json &ports, const std::string &path, FieldErrors &errors);
    static void validateVolumeMounts(const nlohmann::json &mounts, const std::string &path,
                                     const std::set<std::string> &volumes, FieldErrors &errors);
    static std::set<std::string> validateVolumes(const nlohmann::json &spec, const std::string &path,
                                                 FieldErrors &errors);
    static void validateEnv(const nlohmann::json &env, const std::string &path, FieldErrors &errors);
};

} // namespace otelconsole::sandbox
