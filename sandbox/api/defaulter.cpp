// SPDX-License-Identifier: Apache-2.0
#include "api/defaulter.h"

#include "api/jsonpath.h"
#include "api/podspecdefaulter.h"

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

void setIfAbsent(json &object, const char *key, const json &value) {
    if (!object.contains(key) || object[key].is_null()) {
        object[key] = value;
    }
}

json &specOf(json &object) {
    if (!object.contains("spec") || !object["spec"].is_object()) {
        object["spec"] = json::object();
    }
    return object["spec"];
}

} // namespace

Defaulter::Defaulter(int serverMinorVersion)
    : m_nativeSidecars(serverMinorVersion >= 29) {}

void Defaulter::apply(const ResourceType &type, json &object) const {
    if (!object.is_object()) {
        return;
    }
    const std::string &kind = type.kind;
    if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" || kind == "DaemonSet") {
        json &spec = specOf(object);
        if (kind == "Deployment") {
            applyDeployment(spec);
        } else if (kind == "DaemonSet") {
            applyDaemonSet(spec);
        } else if (kind == "StatefulSet") {
            applyStatefulSet(spec);
        } else {
            setIfAbsent(spec, "replicas", 1);
        }
        applyTemplate(spec);
    } else if (kind == "Pod") {
        PodSpecDefaulter::apply(specOf(object), true, m_nativeSidecars);
    } else if (kind == "Service") {
        applyService(specOf(object));
    } else if (kind == "Namespace") {
        applyNamespace(object);
    } else if (kind == "Secret") {
        setIfAbsent(object, "type", "Opaque");
    } else if (kind == "HorizontalPodAutoscaler") {
        applyHorizontalPodAutoscaler(specOf(object));
    } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
        applyBindingSubjects(object);
    } else if (kind == "Node") {
        applyNode(object);
    }
}

void Defaulter::applyTemplate(json &spec) const {
    json &podSpec = JsonPath::ensureObject(spec, "template.spec");
    PodSpecDefaulter::apply(podSpec, false, m_nativeSidecars);
    JsonPath::ensureObject(spec, "template.metadata");
}

void Defaulter::applyDeployment(json &spec) {
    setIfAbsent(spec, "replicas", 1);
    setIfAbsent(spec, "revisionHistoryLimit", 10);
    setIfAbsent(spec, "progressDeadlineSeconds", 600);
    json &strategy = JsonPath::ensureObject(spec, "strategy");
    setIfAbsent(strategy, "type", "RollingUpdate");
    if (strategy["type"] == "RollingUpdate") {
        json &rolling = JsonPath::ensureObject(strategy, "rollingUpdate");
        setIfAbsent(rolling, "maxUnavailable", "25%");
        setIfAbsent(rolling, "maxSurge", "25%");
    }
}

void Defaulter::applyDaemonSet(json &spec) {
    setIfAbsent(spec, "revisionHistoryLimit", 10);
    json &strategy = JsonPath::ensureObject(spec, "updateStrategy");
    setIfAbsent(strategy, "type", "RollingUpdate");
    if (strategy["type"] == "RollingUpdate") {
        json &rolling = JsonPath::ensureObject(strategy, "rollingUpdate");
        setIfAbsent(rolling, "maxUnavailable", 1);
        setIfAbsent(rolling, "maxSurge", 0);
    }
}

void Defaulter::applyStatefulSet(json &spec) {
    setIfAbsent(spec, "replicas", 1);
    setIfAbsent(spec, "revisionHistoryLimit", 10);
    setIfAbsent(spec, "podManagementPolicy", "OrderedReady");
    json &strategy = JsonPath::ensureObject(spec, "updateStrategy");
    setIfAbsent(strategy, "type", "RollingUpdate");
    if (strategy["type"] == "RollingUpdate") {
        setIfAbsent(JsonPath::ensureObject(strategy, "rollingUpdate"), "partition", 0);
    }
    json &retention = JsonPath::ensureObject(spec, "persistentVolumeClaimRetentionPolicy");
    setIfAbsent(retention, "whenDeleted", "Retain");
    setIfAbsent(retention, "whenScaled", "Retain");
}

void Defaulter::applyService(json &spec) {
    setIfAbsent(spec, "type", "ClusterIP");
    setIfAbsent(spec, "sessionAffinity", "None");
    const std::string type = spec["type"].is_string() ? spec["type"].get<std::string>() : "";
    if (type != "ExternalName") {
        setIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        setIfAbsent(spec, "ipFamilies", json::array({"IPv4"}));
        setIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
    }
    if (type == "NodePort" || type == "LoadBalancer") {
        setIfAbsent(spec, "externalTrafficPolicy", "Cluster");
    }
    if (spec.contains("ports") && spec["ports"].is_array()) {
        for (auto &port : spec["ports"]) {
            if (port.is_object()) {
                setIfAbsent(port, "protocol", "TCP");
                if (port.contains("port")) {
                    setIfAbsent(port, "targetPort", port["port"]);
                }
            }
        }
    }
}

void Defaulter::applyNamespace(json &object) {
    const std::string name = JsonPath::string(object, "metadata.name");
    JsonPath::ensureObject(object, "metadata.labels")["kubernetes.io/metadata.name"] = name;
    setIfAbsent(specOf(object), "finalizers", json::array({"kubernetes"}));
    setIfAbsent(JsonPath::ensureObject(object, "status"), "phase", "Active");
}

void Defaulter::applyHorizontalPodAutoscaler(json &spec) {
    setIfAbsent(spec, "minReplicas", 1);
    if (!spec.contains("metrics") || !spec["metrics"].is_array() || spec["metrics"].empty()) {
        spec["metrics"] = json::array(
            {{{"type", "Resource"},
              {"resource",
               {{"name", "cpu"}, {"target", {{"type", "Utilization"}, {"averageUtilization", 80}}}}}}});
    }
    for (auto &metric : spec["metrics"]) {
        if (json *target = metric.is_object() && metric.contains("resource") ? &metric["resource"] : nullptr;
            target && target->contains("target") && (*target)["target"].is_object()) {
            json &values = (*target)["target"];
            json quantities = json::object();
            for (const char *key : {"averageValue", "value"}) {
                if (values.contains(key)) {
                    quantities[key] = values[key];
                }
            }
            PodSpecDefaulter::canonicalizeQuantities(quantities);
            values.update(quantities);
        }
    }
}

void Defaulter::applyBindingSubjects(json &object) {
    if (!object.contains("subjects") || !object["subjects"].is_array()) {
        return;
    }
    for (auto &subject : object["subjects"]) {
        if (!subject.is_object()) {
            continue;
        }
        const bool serviceAccount = subject.value("kind", std::string()) == "ServiceAccount";
        setIfAbsent(subject, "apiGroup", serviceAccount ? "" : "rbac.authorization.k8s.io");
    }
}

void Defaulter::applyNode(json &object) {
    for (const char *part : {"status.capacity", "status.allocatable"}) {
        if (JsonPath::find(object, part)) {
            PodSpecDefaulter::canonicalizeQuantities(JsonPath::ensureObject(object, part));
        }
    }
}

} // namespace otelconsole::sandbox
