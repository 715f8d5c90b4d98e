// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/fielderrors.h"
#include "api/resourcetype.h"

#include <nlohmann/json.hpp>

namespace otelconsole::sandbox {

/// The API server's validation of objects, kind by kind, run after defaulting on every write.
class Validator {
public:
    [[nodiscard]] FieldErrors validateCreate(const ResourceType &type, const nlohmann::json &object) const;
    [[nodiscard]] FieldErrors validateUpdate(const ResourceType &type, const nlohmann::json &old,
                                             const nlohmann::json &updated) const;

private:
    static void validateMetadata(const ResourceType &type, const nlohmann::json &object, FieldErrors &errors);
    static void validateKind(const ResourceType &type, const nlohmann::json &object, FieldErrors &errors);
    static void validateService(const nlohmann::json &object, FieldErrors &errors);
    static void validateServicePorts(const nlohmann::json &spec, FieldErrors &errors);
    static void validateData(const nlohmann::json &object, FieldErrors &errors);
    static void validateRole(const ResourceType &type, const nlohmann::json &object, FieldErrors &errors);
    static void validateBinding(const ResourceType &type, const nlohmann::json &object, FieldErrors &errors);
    static void validateAutoscaler(const nlohmann::json &object, FieldErrors &errors);
    static void validateDisruptionBudget(const nlohmann::json &object, FieldErrors &errors);
    static void validateServiceMonitor(const nlohmann::json &object, FieldErrors &errors);
    static void validatePodUpdate(const nlohmann::json &old, const nlohmann::json &updated,
                                  FieldErrors &errors);
};

} // namespace otelconsole::sandbox
