// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/fielderrors.h"

#include <nlohmann/json.hpp>

#include <string>

namespace otelconsole::sandbox {

/// Validation of Deployments, DaemonSets, StatefulSets and ReplicaSets: selector, template, replicas
/// and update strategy, plus the immutable selector on update.
class WorkloadValidator {
public:
    static void validate(const std::string &kind, const nlohmann::json &object, FieldErrors &errors);
    static void validateUpdate(const nlohmann::json &old, const nlohmann::json &updated, FieldErrors &errors);

    /// Checks a LabelSelector object found at `path`.
    static void validateSelector(const nlohmann::json &selector, const std::string &path,
                                 FieldErrors &errors);

private:
    static void validateTemplate(const nlohmann::json &spec, FieldErrors &errors);
    static void validateStrategy(const std::string &kind, const nlohmann::json &spec, FieldErrors &errors);
    static void validateNonNegative(const nlohmann::json &spec, const char *key, FieldErrors &errors);
};

} // namespace otelconsole::sandbox
