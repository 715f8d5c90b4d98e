// SPDX-License-Identifier: Apache-2.0
#include "api/validator.h"

#include "api/jsonpath.h"
#include "api/namevalidation.h"
#include "api/podspecvalidator.h"
#include "api/workloadvalidator.h"

#include <algorithm>
#include <set>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxAnnotationBytes = 256 * 1024;
constexpr std::size_t kMaxDataBytes = 1024 * 1024;

std::string indexed(const std::string &path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

const json &specOf(const json &object) {
    static const json empty = json::object();
    return object.contains("spec") && object["spec"].is_object() ? object["spec"] : empty;
}

std::string nameProblem(NameRule rule, const std::string &name) {
    switch (rule) {
    case NameRule::Dns1123Label:
        return NameValidation::dns1123Label(name);
    case NameRule::Dns1035Label:
        return NameValidation::dns1035Label(name);
    case NameRule::PathSegment:
        return NameValidation::pathSegmentName(name);
    case NameRule::Dns1123Subdomain:
        break;
    }
    return NameValidation::dns1123Subdomain(name);
}

void validateLabelMap(const json &labels, const std::string &path, FieldErrors &errors) {
    if (!labels.is_object()) {
        errors.invalid(path, labels, "must be a map of strings");
        return;
    }
    for (const auto &[key, value] : labels.items()) {
        if (const std::string problem = NameValidation::labelKey(key); !problem.empty()) {
            errors.invalid(path, key, problem);
        }
        if (!value.is_string()) {
            errors.invalid(path, value, "must be a string");
        } else if (const std::string problem = NameValidation::labelValue(value.get<std::string>());
                   !problem.empty()) {
            errors.invalid(path, value, problem);
        }
    }
}

bool isIpv4(const std::string &text) {
    int parts = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto dot = text.find('.', start);
        const std::string part =
            text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), ::isdigit)
            || std::stoi(part) > 255) {
            return false;
        }
        ++parts;
        if (dot == std::string::npos) {
            break;
        }
        start = dot + 1;
    }
    return parts == 4;
}

} // namespace

FieldErrors Validator::validateCreate(const ResourceType &type, const json &object) const {
    FieldErrors errors;
    validateMetadata(type, object, errors);
    validateKind(type, object, errors);
    return errors;
}

FieldErrors Validator::validateUpdate(const ResourceType &type, const json &old, const json &updated) const {
    FieldErrors errors;
    validateMetadata(type, updated, errors);
    validateKind(type, updated, errors);
    const std::string &kind = type.kind;
    if (kind == "Deployment" || kind == "DaemonSet" || kind == "StatefulSet" || kind == "ReplicaSet") {
        WorkloadValidator::validateUpdate(old, updated, errors);
    } else if (kind == "Service") {
        const std::string before = JsonPath::string(old, "spec.clusterIP");
        const std::string after = JsonPath::string(updated, "spec.clusterIP");
        if (!before.empty() && before != after) {
            errors.invalid("spec.clusterIP", after, "field is immutable");
        }
    } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
        if (old.value("roleRef", json()) != updated.value("roleRef", json())) {
            errors.invalid("roleRef", updated.value("roleRef", json()), "cannot change roleRef");
        }
    } else if (kind == "Pod") {
        validatePodUpdate(old, updated, errors);
    }
    return errors;
}

void Validator::validateMetadata(const ResourceType &type, const json &object, FieldErrors &errors) {
    const std::string name = JsonPath::string(object, "metadata.name");
    if (name.empty()) {
        errors.required("metadata.name", "name or generateName is required");
    } else if (const std::string problem = nameProblem(type.nameRule, name); !problem.empty()) {
        errors.invalid("metadata.name", name, problem);
    }
    if (type.namespaced && JsonPath::string(object, "metadata.namespace").empty()) {
        errors.required("metadata.namespace");
    }
    if (const json *labels = JsonPath::find(object, "metadata.labels"); labels && !labels->is_null()) {
        validateLabelMap(*labels, "metadata.labels", errors);
    }
    if (const json *annotations = JsonPath::find(object, "metadata.annotations");
        annotations && annotations->is_object()) {
        std::size_t total = 0;
        for (const auto &[key, value] : annotations->items()) {
            if (const std::string problem = NameValidation::labelKey(key); !problem.empty()) {
                errors.invalid("metadata.annotations", key, problem);
            }
            total += key.size() + (value.is_string() ? value.get<std::string>().size() : value.dump().size());
        }
        if (total > kMaxAnnotationBytes) {
            errors.tooLong("metadata.annotations", kMaxAnnotationBytes);
        }
    }
}

void Validator::validateKind(const ResourceType &type, const json &object, FieldErrors &errors) {
    const std::string &kind = type.kind;
    if (kind == "Deployment" || kind == "DaemonSet" || kind == "StatefulSet" || kind == "ReplicaSet") {
        WorkloadValidator::validate(kind, object, errors);
    } else if (kind == "Pod") {
        PodSpecValidator::validate(specOf(object), "spec", errors);
    } else if (kind == "Service") {
        validateService(object, errors);
    } else if (kind == "ConfigMap" || kind == "Secret") {
        validateData(object, errors);
    } else if (kind == "Role" || kind == "ClusterRole") {
        validateRole(type, object, errors);
    } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
        validateBinding(type, object, errors);
    } else if (kind == "HorizontalPodAutoscaler") {
        validateAutoscaler(object, errors);
    } else if (kind == "PodDisruptionBudget") {
        validateDisruptionBudget(object, errors);
    } else if (kind == "ServiceMonitor") {
        validateServiceMonitor(object, errors);
    }
}

void Validator::validateService(const json &object, FieldErrors &errors) {
    const json &spec = specOf(object);
    const std::vector<std::string> types{"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"};
    const std::string type = spec.value("type", std::string("ClusterIP"));
    if (std::find(types.begin(), types.end(), type) == types.end()) {
        errors.notSupported("spec.type", spec["type"], types);
    }
    const std::string clusterIP = spec.value("clusterIP", std::string());
    if (!clusterIP.empty() && clusterIP != "None" && !isIpv4(clusterIP)) {
        errors.invalid("spec.clusterIP", clusterIP,
                       "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }
    if (type == "ExternalName") {
        const std::string external = spec.value("externalName", std::string());
        if (external.empty()) {
            errors.required("spec.externalName");
        } else if (const std::string problem = NameValidation::dns1123Subdomain(external); !problem.empty()) {
            errors.invalid("spec.externalName", external, problem);
        }
    }
    const bool headless = clusterIP == "None";
    const bool hasPorts = spec.contains("ports") && spec["ports"].is_array() && !spec["ports"].empty();
    if (!hasPorts && !headless && type != "ExternalName") {
        errors.required("spec.ports");
    }
    if (hasPorts) {
        validateServicePorts(spec, errors);
    }
    if (spec.contains("selector") && !spec["selector"].is_null()) {
        validateLabelMap(spec["selector"], "spec.selector", errors);
    }
    if (spec.contains("sessionAffinity")
        && (spec["sessionAffinity"] != "None" && spec["sessionAffinity"] != "ClientIP")) {
        errors.notSupported("spec.sessionAffinity", spec["sessionAffinity"], {"ClientIP", "None"});
    }
}

void Validator::validateServicePorts(const json &spec, FieldErrors &errors) {
    const json &ports = spec["ports"];
    const std::string type = spec.value("type", std::string("ClusterIP"));
    std::set<std::string> names;
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const std::string at = indexed("spec.ports", i);
        const json &port = ports[i].is_object() ? ports[i] : json::object();
        const std::string name = port.value("name", std::string());
        if (ports.size() > 1 && name.empty()) {
            errors.required(at + ".name");
        } else if (!name.empty()) {
            if (const std::string problem = NameValidation::dns1123Label(name); !problem.empty()) {
                errors.invalid(at + ".name", name, problem);
            } else if (!names.insert(name).second) {
                errors.duplicate(at + ".name", name);
            }
        }
        if (!port.contains("port")) {
            errors.required(at + ".port");
        } else if (!port["port"].is_number_integer() || port["port"] < 1 || port["port"] > 65535) {
            errors.invalid(at + ".port", port["port"], "must be between 1 and 65535, inclusive");
        }
        const json protocol = port.value("protocol", json("TCP"));
        if (protocol != "TCP" && protocol != "UDP" && protocol != "SCTP") {
            errors.notSupported(at + ".protocol", protocol, {"SCTP", "TCP", "UDP"});
        }
        if (port.contains("targetPort")) {
            const json &target = port["targetPort"];
            const bool validNumber = target.is_number_integer() && target >= 1 && target <= 65535;
            const bool validName =
                target.is_string() && NameValidation::portName(target.get<std::string>()).empty();
            if (!validNumber && !validName) {
                errors.invalid(at + ".targetPort", target,
                               "must be between 1 and 65535, inclusive, or a port name");
            }
        }
        if (port.contains("nodePort") && type != "NodePort" && type != "LoadBalancer") {
            errors.forbidden(at + ".nodePort", "may not be used when `type` is '" + type + "'");
        }
    }
}

void Validator::validateData(const json &object, FieldErrors &errors) {
    std::size_t total = 0;
    for (const char *section : {"data", "binaryData", "stringData"}) {
        if (!object.contains(section) || object[section].is_null()) {
            continue;
        }
        if (!object[section].is_object()) {
            errors.invalid(section, object[section], "must be a map of strings");
            continue;
        }
        for (const auto &[key, value] : object[section].items()) {
            if (const std::string problem = NameValidation::configMapKey(key); !problem.empty()) {
                errors.invalid(std::string(section) + "[" + key + "]", key, problem);
            }
            if (!value.is_string()) {
                errors.invalid(std::string(section) + "[" + key + "]", value, "must be a string");
            } else {
                total += value.get<std::string>().size();
            }
        }
    }
    if (total > kMaxDataBytes) {
        errors.tooLong("data", kMaxDataBytes);
    }
}

void Validator::validateRole(const ResourceType &type, const json &object, FieldErrors &errors) {
    if (!object.contains("rules") || object["rules"].is_null()) {
        return;
    }
    if (!object["rules"].is_array()) {
        errors.invalid("rules", object["rules"], "must be a list of policy rules");
        return;
    }
    const json &rules = object["rules"];
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string at = indexed("rules", i);
        const json &rule = rules[i].is_object() ? rules[i] : json::object();
        const auto present = [&](const char *key) {
            return rule.contains(key) && rule[key].is_array() && !rule[key].empty();
        };
        if (!present("verbs")) {
            errors.required(at + ".verbs", "verbs must contain at least one value");
        }
        if (present("nonResourceURLs")) {
            if (type.namespaced) {
                errors.invalid(at + ".nonResourceURLs", rule["nonResourceURLs"],
                               "namespaced rules cannot apply to non-resource URLs");
            }
            if (present("apiGroups") || present("resources") || present("resourceNames")) {
                errors.invalid(at + ".nonResourceURLs", rule["nonResourceURLs"],
                               "rules cannot apply to both regular resources and non-resource URLs");
            }
            continue;
        }
        if (!present("apiGroups")) {
            errors.required(at + ".apiGroups", "resource rules must supply at least one api group");
        }
        if (!present("resources")) {
            errors.required(at + ".resources", "resource rules must supply at least one resource");
        }
    }
}

void Validator::validateBinding(const ResourceType &type, const json &object, FieldErrors &errors) {
    const json roleRef = object.value("roleRef", json::object());
    const std::vector<std::string> kinds = type.namespaced ? std::vector<std::string>{"Role", "ClusterRole"}
                                                           : std::vector<std::string>{"ClusterRole"};
    const std::string kind = roleRef.value("kind", std::string());
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
        errors.notSupported("roleRef.kind", kind, kinds);
    }
    if (roleRef.value("apiGroup", std::string()) != "rbac.authorization.k8s.io") {
        errors.notSupported("roleRef.apiGroup", roleRef.value("apiGroup", std::string()),
                            {"rbac.authorization.k8s.io"});
    }
    if (roleRef.value("name", std::string()).empty()) {
        errors.required("roleRef.name");
    }
    if (!object.contains("subjects") || !object["subjects"].is_array()) {
        return;
    }
    const json &subjects = object["subjects"];
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        const std::string at = indexed("subjects", i);
        const json &subject = subjects[i].is_object() ? subjects[i] : json::object();
        const std::string subjectKind = subject.value("kind", std::string());
        if (subjectKind != "ServiceAccount" && subjectKind != "User" && subjectKind != "Group") {
            errors.notSupported(at + ".kind", subjectKind, {"ServiceAccount", "User", "Group"});
        }
        if (subject.value("name", std::string()).empty()) {
            errors.required(at + ".name");
        }
        if (subjectKind == "ServiceAccount" && !type.namespaced
            && subject.value("namespace", std::string()).empty()) {
            errors.required(at + ".namespace");
        }
    }
}

void Validator::validateAutoscaler(const json &object, FieldErrors &errors) {
    const json &spec = specOf(object);
    const json target = spec.value("scaleTargetRef", json::object());
    if (target.value("kind", std::string()).empty()) {
        errors.required("spec.scaleTargetRef.kind");
    }
    if (target.value("name", std::string()).empty()) {
        errors.required("spec.scaleTargetRef.name");
    }
    const json maxReplicas = spec.value("maxReplicas", json());
    if (!maxReplicas.is_number_integer() || maxReplicas < 1) {
        errors.invalid("spec.maxReplicas", maxReplicas, "must be greater than or equal to 1");
    }
    const json minReplicas = spec.value("minReplicas", json(1));
    if (!minReplicas.is_number_integer() || minReplicas < 1) {
        errors.invalid("spec.minReplicas", minReplicas, "must be greater than or equal to 1");
    } else if (maxReplicas.is_number_integer() && minReplicas > maxReplicas) {
        errors.invalid("spec.minReplicas", minReplicas, "must be less than or equal to maxReplicas");
    }
}

void Validator::validateDisruptionBudget(const json &object, FieldErrors &errors) {
    const json &spec = specOf(object);
    if (spec.contains("minAvailable") && spec.contains("maxUnavailable")) {
        errors.invalid("spec", spec, "minAvailable and maxUnavailable cannot be both set");
    }
    if (spec.contains("selector") && !spec["selector"].is_null()) {
        WorkloadValidator::validateSelector(spec["selector"], "spec.selector", errors);
    }
}

void Validator::validateServiceMonitor(const json &object, FieldErrors &errors) {
    const json &spec = specOf(object);
    if (!object.contains("spec")) {
        errors.required("spec");
    } else if (!spec.contains("selector")) {
        errors.required("spec.selector");
    } else {
        WorkloadValidator::validateSelector(spec["selector"], "spec.selector", errors);
    }
}

void Validator::validatePodUpdate(const json &old, const json &updated, FieldErrors &errors) {
    // Only container images (and a few scheduling fields we do not model) may change on a running pod.
    json before = specOf(old);
    json after = specOf(updated);
    for (json *spec : {&before, &after}) {
        for (const char *list : {"containers", "initContainers"}) {
            if (spec->contains(list) && (*spec)[list].is_array()) {
                for (auto &container : (*spec)[list]) {
                    container.erase("image");
                }
            }
        }
        spec->erase("activeDeadlineSeconds");
        spec->erase("tolerations");
        spec->erase("nodeName");
    }
    if (before != after) {
        errors.forbidden("spec",
                         "pod updates may not change fields other than `spec.containers[*].image`,"
                         "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` "
                         "(only additions to existing tolerations),`spec.terminationGracePeriodSeconds` "
                         "(allow it to be set to 1 if it was previously negative)");
    }
}

} // namespace otelconsole::sandbox
