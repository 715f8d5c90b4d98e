// SPDX-License-Identifier: Apache-2.0
#include "api/podspecvalidator.h"

#include "api/namevalidation.h"
#include "api/quantity.h"

#include <algorithm>
#include <map>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

std::string indexed(const std::string &path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

std::string keyed(const std::string &path, const std::string &key) {
    return path + "[" + key + "]";
}

void checkSupported(const json &object, const char *key, const std::string &path,
                    const std::vector<std::string> &supported, FieldErrors &errors) {
    if (!object.contains(key)) {
        return;
    }
    const json &value = object[key];
    if (!value.is_string()
        || std::find(supported.begin(), supported.end(), value.get<std::string>()) == supported.end()) {
        errors.notSupported(path + "." + key, value, supported);
    }
}

std::map<std::string, Quantity> parseQuantities(const json &block, const std::string &path,
                                                FieldErrors &errors) {
    std::map<std::string, Quantity> parsed;
    if (!block.is_object()) {
        return parsed;
    }
    for (const auto &[name, value] : block.items()) {
        const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
        auto quantity = Quantity::parse(text);
        if (!quantity) {
            errors.invalid(keyed(path, name), value, quantity.error());
        } else if (quantity->compare(*Quantity::parse("0")) < 0) {
            errors.invalid(keyed(path, name), value, "must be greater than or equal to 0");
        } else {
            parsed.emplace(name, *quantity);
        }
    }
    return parsed;
}

} // namespace

void PodSpecValidator::validateResources(const json &resources, const std::string &path,
                                         FieldErrors &errors) {
    if (!resources.is_object()) {
        return;
    }
    const auto limits = parseQuantities(resources.value("limits", json::object()), path + ".limits", errors);
    const auto requests =
        parseQuantities(resources.value("requests", json::object()), path + ".requests", errors);
    for (const auto &[name, request] : requests) {
        const auto limit = limits.find(name);
        if (limit != limits.end() && request.compare(limit->second) > 0) {
            errors.invalid(keyed(path + ".requests", name), request.toString(),
                           "must be less than or equal to " + name + " limit of " + limit->second.toString());
        }
    }
}

std::set<std::string> PodSpecValidator::validateVolumes(const json &spec, const std::string &path,
                                                        FieldErrors &errors) {
    std::set<std::string> names;
    if (!spec.contains("volumes") || !spec["volumes"].is_array()) {
        return names;
    }
    const json &volumes = spec["volumes"];
    for (std::size_t i = 0; i < volumes.size(); ++i) {
        const std::string at = indexed(path + ".volumes", i);
        const std::string name =
            volumes[i].is_object() ? volumes[i].value("name", std::string()) : std::string();
        if (name.empty()) {
            errors.required(at + ".name");
        } else if (const std::string problem = NameValidation::dns1123Label(name); !problem.empty()) {
            errors.invalid(at + ".name", name, problem);
        } else if (!names.insert(name).second) {
            errors.duplicate(at + ".name", name);
        }
    }
    return names;
}

void PodSpecValidator::validate(const json &spec, const std::string &path, FieldErrors &errors) {
    if (!spec.is_object()) {
        errors.required(path);
        return;
    }
    const std::set<std::string> volumes = validateVolumes(spec, path, errors);
    std::set<std::string> names;
    if (!spec.contains("containers") || !spec["containers"].is_array() || spec["containers"].empty()) {
        errors.required(path + ".containers");
    } else {
        for (std::size_t i = 0; i < spec["containers"].size(); ++i) {
            validateContainer(spec["containers"][i], indexed(path + ".containers", i), false, volumes, names,
                              errors);
        }
    }
    if (spec.contains("initContainers") && spec["initContainers"].is_array()) {
        for (std::size_t i = 0; i < spec["initContainers"].size(); ++i) {
            validateContainer(spec["initContainers"][i], indexed(path + ".initContainers", i), true, volumes,
                              names, errors);
        }
    }
    checkSupported(spec, "restartPolicy", path, {"Always", "OnFailure", "Never"}, errors);
    checkSupported(spec, "dnsPolicy", path, {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"},
                   errors);
    if (spec.contains("terminationGracePeriodSeconds")
        && (!spec["terminationGracePeriodSeconds"].is_number_integer()
            || spec["terminationGracePeriodSeconds"] < 0)) {
        errors.invalid(path + ".terminationGracePeriodSeconds", spec["terminationGracePeriodSeconds"],
                       "must be greater than or equal to 0");
    }
    if (spec.contains("serviceAccountName") && spec["serviceAccountName"].is_string()) {
        const std::string account = spec["serviceAccountName"].get<std::string>();
        if (const std::string problem = NameValidation::dns1123Subdomain(account);
            !account.empty() && !problem.empty()) {
            errors.invalid(path + ".serviceAccountName", account, problem);
        }
    }
}

void PodSpecValidator::validateContainer(const json &container, const std::string &path, bool init,
                                         const std::set<std::string> &volumes, std::set<std::string> &names,
                                         FieldErrors &errors) {
    if (!container.is_object()) {
        errors.invalid(path, container, "must be an object");
        return;
    }
    const std::string name = container.value("name", std::string());
    if (name.empty()) {
        errors.required(path + ".name");
    } else if (const std::string problem = NameValidation::dns1123Label(name); !problem.empty()) {
        errors.invalid(path + ".name", name, problem);
    } else if (!names.insert(name).second) {
        errors.duplicate(path + ".name", name);
    }
    if (!container.contains("image") || !container["image"].is_string()
        || container["image"].get<std::string>().empty()) {
        errors.required(path + ".image");
    }
    checkSupported(container, "imagePullPolicy", path, {"Always", "IfNotPresent", "Never"}, errors);
    if (init) {
        checkSupported(container, "restartPolicy", path, {"Always"}, errors);
    } else if (container.contains("restartPolicy")) {
        errors.forbidden(path + ".restartPolicy", "may not be set for non-init containers");
    }
    if (container.contains("ports")) {
        validatePorts(container["ports"], path + ".ports", errors);
    }
    if (container.contains("resources")) {
        validateResources(container["resources"], path + ".resources", errors);
    }
    if (container.contains("env")) {
        validateEnv(container["env"], path + ".env", errors);
    }
    if (container.contains("volumeMounts")) {
        validateVolumeMounts(container["volumeMounts"], path + ".volumeMounts", volumes, errors);
    }
}

void PodSpecValidator::validatePorts(const json &ports, const std::string &path, FieldErrors &errors) {
    if (!ports.is_array()) {
        return;
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const std::string at = indexed(path, i);
        const json &port = ports[i];
        if (!port.is_object() || !port.contains("containerPort")) {
            errors.required(at + ".containerPort");
        } else if (!port["containerPort"].is_number_integer() || port["containerPort"] < 1
                   || port["containerPort"] > 65535) {
            errors.invalid(at + ".containerPort", port["containerPort"],
                           "must be between 1 and 65535, inclusive");
        }
        if (port.is_object() && port.contains("name") && port["name"].is_string()) {
            const std::string name = port["name"].get<std::string>();
            if (const std::string problem = NameValidation::portName(name); !problem.empty()) {
                errors.invalid(at + ".name", name, problem);
            } else if (!names.insert(name).second) {
                errors.duplicate(at + ".name", name);
            }
        }
        if (port.is_object()) {
            checkSupported(port, "protocol", at, {"SCTP", "TCP", "UDP"}, errors);
        }
    }
}

void PodSpecValidator::validateEnv(const json &env, const std::string &path, FieldErrors &errors) {
    if (!env.is_array()) {
        return;
    }
    for (std::size_t i = 0; i < env.size(); ++i) {
        if (!env[i].is_object() || env[i].value("name", std::string()).empty()) {
            errors.required(indexed(path, i) + ".name");
        }
    }
}

void PodSpecValidator::validateVolumeMounts(const json &mounts, const std::string &path,
                                            const std::set<std::string> &volumes, FieldErrors &errors) {
    if (!mounts.is_array()) {
        return;
    }
    for (std::size_t i = 0; i < mounts.size(); ++i) {
        const std::string at = indexed(path, i);
        const std::string name =
            mounts[i].is_object() ? mounts[i].value("name", std::string()) : std::string();
        if (name.empty()) {
            errors.required(at + ".name");
        } else if (!volumes.contains(name)) {
            errors.notFound(at + ".name", name);
        }
        if (!mounts[i].is_object() || mounts[i].value("mountPath", std::string()).empty()) {
            errors.required(at + ".mountPath");
        }
    }
}

} // namespace otelconsole::sandbox
