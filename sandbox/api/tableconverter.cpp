// SPDX-License-Identifier: Apache-2.0
#include "api/tableconverter.h"

#include "api/jsonpath.h"
#include "api/labelselector.h"

#include <ctime>
#include <map>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

std::string number(const json &object, const char *path) {
    const json *value = JsonPath::find(object, path);
    return value && value->is_number() ? value->dump() : "0";
}

long integer(const json &object, const char *path) {
    const json *value = JsonPath::find(object, path);
    return value && value->is_number_integer() ? value->get<long>() : 0;
}

std::string readyCount(const json &object, const char *ready, const char *wanted) {
    return number(object, ready) + "/" + number(object, wanted);
}

std::string podStatus(const json &pod) {
    if (JsonPath::find(pod, "metadata.deletionTimestamp")) {
        return "Terminating";
    }
    const std::string reason = JsonPath::string(pod, "status.reason");
    return reason.empty() ? JsonPath::string(pod, "status.phase", "Pending") : reason;
}

json podCells(const json &pod) {
    int ready = 0;
    int restarts = 0;
    const json *statuses = JsonPath::find(pod, "status.containerStatuses");
    if (statuses && statuses->is_array()) {
        for (const auto &status : *statuses) {
            ready += status.value("ready", false) ? 1 : 0;
            restarts += status.value("restartCount", 0);
        }
    }
    const json *containers = JsonPath::find(pod, "spec.containers");
    const std::size_t total = containers && containers->is_array() ? containers->size() : 0;
    return json::array({std::to_string(ready) + "/" + std::to_string(total), podStatus(pod), restarts});
}

std::string nodeStatus(const json &node) {
    const json *conditions = JsonPath::find(node, "status.conditions");
    if (conditions && conditions->is_array()) {
        for (const auto &condition : *conditions) {
            if (condition.value("type", std::string()) == "Ready") {
                return condition.value("status", std::string()) == "True" ? "Ready" : "NotReady";
            }
        }
    }
    return "Unknown";
}

std::string servicePorts(const json &service) {
    std::string text;
    const json *ports = JsonPath::find(service, "spec.ports");
    if (ports && ports->is_array()) {
        for (const auto &port : *ports) {
            text += (text.empty() ? "" : ",") + port.value("port", json(0)).dump();
            if (port.contains("nodePort")) {
                text += ":" + port["nodePort"].dump();
            }
            text += "/" + port.value("protocol", std::string("TCP"));
        }
    }
    return text.empty() ? "<none>" : text;
}

std::size_t entries(const json &object, const char *key) {
    return object.contains(key) && object[key].is_object() ? object[key].size() : 0;
}

} // namespace

TableConverter::TableConverter(const Clock &clock)
    : m_clock(clock) {}

bool TableConverter::wantsTable(const std::string &accept) {
    return accept.find("as=Table") != std::string::npos;
}

std::string TableConverter::humanDuration(std::chrono::seconds age) {
    const long seconds = age.count();
    if (seconds < 0) {
        return "0s";
    }
    if (seconds < 120) {
        return std::to_string(seconds) + "s";
    }
    const long minutes = seconds / 60;
    if (minutes < 10) {
        return std::to_string(minutes) + "m" + (seconds % 60 ? std::to_string(seconds % 60) + "s" : "");
    }
    if (minutes < 180) {
        return std::to_string(minutes) + "m";
    }
    const long hours = minutes / 60;
    if (hours < 8) {
        return std::to_string(hours) + "h" + (minutes % 60 ? std::to_string(minutes % 60) + "m" : "");
    }
    if (hours < 48) {
        return std::to_string(hours) + "h";
    }
    const long days = hours / 24;
    if (days < 8) {
        return std::to_string(days) + "d" + (hours % 24 ? std::to_string(hours % 24) + "h" : "");
    }
    if (days < 730) {
        return std::to_string(days) + "d";
    }
    return std::to_string(days / 365) + "y";
}

std::string TableConverter::age(const json &object) const {
    const std::string created = JsonPath::string(object, "metadata.creationTimestamp");
    std::tm parts{};
    if (created.empty() || !strptime(created.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts)) {
        return "<unknown>";
    }
    const auto then = std::chrono::system_clock::from_time_t(timegm(&parts));
    return humanDuration(std::chrono::duration_cast<std::chrono::seconds>(m_clock.now() - then));
}

std::vector<TableConverter::Column> TableConverter::columns(const std::string &kind) const {
    static const std::map<std::string, std::vector<Column>> byKind{
        {"Pod", {{"Ready", "string", ""}, {"Status", "string", ""}, {"Restarts", "string", ""}}},
        {"Deployment", {{"Ready", "string", ""}, {"Up-to-date", "string", ""}, {"Available", "string", ""}}},
        {"DaemonSet",
         {{"Desired", "integer", ""},
          {"Current", "integer", ""},
          {"Ready", "integer", ""},
          {"Up-to-date", "integer", ""},
          {"Available", "integer", ""}}},
        {"StatefulSet", {{"Ready", "string", ""}}},
        {"ReplicaSet", {{"Desired", "integer", ""}, {"Current", "integer", ""}, {"Ready", "integer", ""}}},
        {"Node", {{"Status", "string", ""}, {"Roles", "string", ""}}},
        {"Namespace", {{"Status", "string", ""}}},
        {"Service",
         {{"Type", "string", ""},
          {"Cluster-IP", "string", ""},
          {"External-IP", "string", ""},
          {"Port(s)", "string", ""}}},
        {"ConfigMap", {{"Data", "integer", ""}}},
        {"Secret", {{"Type", "string", ""}, {"Data", "integer", ""}}},
        {"RoleBinding", {{"Role", "string", ""}}},
        {"ClusterRoleBinding", {{"Role", "string", ""}}},
    };
    std::vector<Column> result{{"Name", "string", "name"}};
    if (const auto found = byKind.find(kind); found != byKind.end()) {
        result.insert(result.end(), found->second.begin(), found->second.end());
    }
    result.push_back({"Age", "string", ""});
    if (kind == "Node") {
        result.push_back({"Version", "string", ""});
    }
    return result;
}

json TableConverter::cells(const std::string &kind, const json &object) const {
    json row = json::array({JsonPath::string(object, "metadata.name")});
    if (kind == "Pod") {
        for (auto &cell : podCells(object)) {
            row.push_back(cell);
        }
    } else if (kind == "Deployment") {
        row.push_back(readyCount(object, "status.readyReplicas", "spec.replicas"));
        row.push_back(integer(object, "status.updatedReplicas"));
        row.push_back(integer(object, "status.availableReplicas"));
    } else if (kind == "DaemonSet") {
        for (const char *path :
             {"status.desiredNumberScheduled", "status.currentNumberScheduled", "status.numberReady",
              "status.updatedNumberScheduled", "status.numberAvailable"}) {
            row.push_back(integer(object, path));
        }
    } else if (kind == "StatefulSet") {
        row.push_back(readyCount(object, "status.readyReplicas", "spec.replicas"));
    } else if (kind == "ReplicaSet") {
        for (const char *path : {"spec.replicas", "status.replicas", "status.readyReplicas"}) {
            row.push_back(integer(object, path));
        }
    } else if (kind == "Node") {
        row.push_back(nodeStatus(object));
        row.push_back("<none>");
    } else if (kind == "Namespace") {
        row.push_back(JsonPath::string(object, "status.phase", "Active"));
    } else if (kind == "Service") {
        row.push_back(JsonPath::string(object, "spec.type", "ClusterIP"));
        row.push_back(JsonPath::string(object, "spec.clusterIP", "<none>"));
        row.push_back("<none>");
        row.push_back(servicePorts(object));
    } else if (kind == "ConfigMap") {
        row.push_back(entries(object, "data") + entries(object, "binaryData"));
    } else if (kind == "Secret") {
        row.push_back(JsonPath::string(object, "type", "Opaque"));
        row.push_back(entries(object, "data"));
    } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
        row.push_back(JsonPath::string(object, "roleRef.kind") + "/"
                      + JsonPath::string(object, "roleRef.name"));
    }
    row.push_back(age(object));
    if (kind == "Node") {
        row.push_back(JsonPath::string(object, "status.nodeInfo.kubeletVersion"));
    }
    return row;
}

json TableConverter::table(const ResourceType &type, const std::vector<ObjectPtr> &objects,
                           const std::string &resourceVersion, const std::string &includeObject) const {
    json definitions = json::array();
    for (const auto &column : columns(type.kind)) {
        definitions.push_back({{"name", column.name},
                               {"type", column.type},
                               {"format", column.format},
                               {"description", ""},
                               {"priority", column.priority}});
    }
    json rows = json::array();
    for (const auto &object : objects) {
        json row{{"cells", cells(type.kind, object->object)}};
        if (includeObject == "Object") {
            row["object"] = object->object;
        } else if (includeObject != "None") {
            row["object"] = {{"kind", "PartialObjectMetadata"},
                             {"apiVersion", "meta.k8s.io/v1"},
                             {"metadata", object->object.value("metadata", json::object())}};
        }
        rows.push_back(std::move(row));
    }
    json metadata = json::object();
    if (!resourceVersion.empty()) {
        metadata["resourceVersion"] = resourceVersion;
    }
    return {{"kind", "Table"},
            {"apiVersion", "meta.k8s.io/v1"},
            {"metadata", metadata},
            {"columnDefinitions", definitions},
            {"rows", rows}};
}

} // namespace otelconsole::sandbox
