// SPDX-License-Identifier: Apache-2.0
#include "api/podspecdefaulter.h"

#include "api/quantity.h"

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

void setIfAbsent(json &object, const char *key, const json &value) {
    if (!object.contains(key) || object[key].is_null()) {
        object[key] = value;
    }
}

// "latest", or no tag at all, means the image can change under the same name, so kubelet pulls always.
std::string pullPolicyFor(const std::string &image) {
    if (image.find('@') != std::string::npos) {
        return "IfNotPresent";
    }
    const auto slash = image.rfind('/');
    const auto colon = image.rfind(':');
    const bool tagged = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    if (!tagged || image.substr(colon + 1) == "latest") {
        return "Always";
    }
    return "IfNotPresent";
}

void forEachContainer(json &spec, const auto &action) {
    for (const char *list : {"initContainers", "containers", "ephemeralContainers"}) {
        if (spec.contains(list) && spec[list].is_array()) {
            for (auto &container : spec[list]) {
                if (container.is_object()) {
                    action(container, std::string(list));
                }
            }
        }
    }
}

void copyLimitsToRequests(json &container) {
    if (!container.contains("resources") || !container["resources"].is_object()) {
        return;
    }
    json &resources = container["resources"];
    if (!resources.contains("limits") || !resources["limits"].is_object()) {
        return;
    }
    for (const auto &[name, value] : resources["limits"].items()) {
        json &requests = resources["requests"];
        if (!requests.is_object()) {
            requests = json::object();
        }
        setIfAbsent(requests, name.c_str(), value);
    }
}

} // namespace

void PodSpecDefaulter::canonicalizeQuantities(json &quantities) {
    if (!quantities.is_object()) {
        return;
    }
    for (auto &[name, value] : quantities.items()) {
        if (value.is_number()) {
            value = value.dump();
        }
        if (value.is_string()) {
            if (const auto quantity = Quantity::parse(value.get<std::string>())) {
                value = quantity->toString();
            }
        }
    }
}

void PodSpecDefaulter::apply(json &spec, bool forPod, bool nativeSidecars) {
    if (!spec.is_object()) {
        return;
    }
    setIfAbsent(spec, "restartPolicy", "Always");
    setIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    setIfAbsent(spec, "terminationGracePeriodSeconds", 30);
    setIfAbsent(spec, "schedulerName", "default-scheduler");
    setIfAbsent(spec, "securityContext", json::object());
    if (forPod) {
        setIfAbsent(spec, "serviceAccountName", "default");
        spec["serviceAccount"] = spec["serviceAccountName"];
        setIfAbsent(spec, "enableServiceLinks", true);
        setIfAbsent(spec, "priority", 0);
        setIfAbsent(spec, "preemptionPolicy", "PreemptLowerPriority");
    }

    forEachContainer(spec, [&](json &container, const std::string &list) {
        if (list == "initContainers" && !nativeSidecars) {
            container.erase("restartPolicy");
        }
        applyContainer(container, forPod);
    });
    if (spec.contains("volumes") && spec["volumes"].is_array()) {
        for (auto &volume : spec["volumes"]) {
            applyVolume(volume);
        }
    }
    if (spec.contains("overhead")) {
        canonicalizeQuantities(spec["overhead"]);
    }
}

void PodSpecDefaulter::applyContainer(json &container, bool forPod) {
    if (container.contains("image") && container["image"].is_string()) {
        setIfAbsent(container, "imagePullPolicy", pullPolicyFor(container["image"].get<std::string>()));
    }
    setIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
    setIfAbsent(container, "terminationMessagePolicy", "File");
    setIfAbsent(container, "resources", json::object());
    if (container["resources"].is_object()) {
        for (const char *part : {"limits", "requests"}) {
            if (container["resources"].contains(part)) {
                canonicalizeQuantities(container["resources"][part]);
            }
        }
    }
    if (forPod) {
        copyLimitsToRequests(container);
    }
    if (container.contains("ports") && container["ports"].is_array()) {
        for (auto &port : container["ports"]) {
            if (port.is_object()) {
                setIfAbsent(port, "protocol", "TCP");
            }
        }
    }
    if (container.contains("env") && container["env"].is_array()) {
        for (auto &variable : container["env"]) {
            if (variable.is_object() && variable.contains("valueFrom")
                && variable["valueFrom"].contains("fieldRef")
                && variable["valueFrom"]["fieldRef"].is_object()) {
                setIfAbsent(variable["valueFrom"]["fieldRef"], "apiVersion", "v1");
            }
        }
    }
    for (const char *probe : {"livenessProbe", "readinessProbe", "startupProbe"}) {
        if (container.contains(probe) && container[probe].is_object()) {
            applyProbe(container[probe]);
        }
    }
}

void PodSpecDefaulter::applyProbe(json &probe) {
    setIfAbsent(probe, "timeoutSeconds", 1);
    setIfAbsent(probe, "periodSeconds", 10);
    setIfAbsent(probe, "successThreshold", 1);
    setIfAbsent(probe, "failureThreshold", 3);
    if (probe.contains("httpGet") && probe["httpGet"].is_object()) {
        setIfAbsent(probe["httpGet"], "scheme", "HTTP");
        setIfAbsent(probe["httpGet"], "path", "/");
    }
}

void PodSpecDefaulter::applyVolume(json &volume) {
    if (!volume.is_object()) {
        return;
    }
    for (const char *source : {"configMap", "secret"}) {
        if (volume.contains(source) && volume[source].is_object()) {
            setIfAbsent(volume[source], "defaultMode", 420);
        }
    }
    if (volume.contains("hostPath") && volume["hostPath"].is_object()) {
        setIfAbsent(volume["hostPath"], "type", "");
    }
    if (volume.contains("emptyDir") && volume["emptyDir"].is_object()
        && volume["emptyDir"].contains("sizeLimit")) {
        json wrapper{{"sizeLimit", volume["emptyDir"]["sizeLimit"]}};
        canonicalizeQuantities(wrapper);
        volume["emptyDir"]["sizeLimit"] = wrapper["sizeLimit"];
    }
}

} // namespace otelconsole::sandbox
