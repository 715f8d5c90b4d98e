// SPDX-License-Identifier: Apache-2.0
#include "api/admission.h"

#include "api/defaulter.h"
#include "api/escalationcheck.h"
#include "api/ipallocator.h"
#include "api/jsonpath.h"
#include "api/managedfields.h"
#include "api/validator.h"
#include "store/clock.h"
#include "store/objectstore.h"

#include <random>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

const std::vector<std::string> kServerOwnedMetadata{
    "uid",        "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
    "generation", "selfLink"};

bool needsClusterIp(const json &spec) {
    return spec.value("type", std::string("ClusterIP")) != "ExternalName"
           && spec.value("clusterIP", std::string()) != "None";
}

std::string qosClass(const json &spec) {
    bool anyResources = false;
    bool guaranteed = true;
    for (const auto &container : spec.value("containers", json::array())) {
        const json resources = container.value("resources", json::object());
        const json limits = resources.value("limits", json::object());
        const json requests = resources.value("requests", json::object());
        anyResources = anyResources || !limits.empty() || !requests.empty();
        for (const char *name : {"cpu", "memory"}) {
            if (!limits.contains(name) || requests.value(name, limits.value(name, json())) != limits[name]) {
                guaranteed = false;
            }
        }
    }
    if (!anyResources) {
        return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
}

} // namespace

Admission::Admission(const ObjectStore &store, const Clock &clock, const Defaulter &defaulter,
                     const Validator &validator, const EscalationCheck &escalation, IpAllocator &ips)
    : m_store(store)
    , m_clock(clock)
    , m_defaulter(defaulter)
    , m_validator(validator)
    , m_escalation(escalation)
    , m_ips(ips) {}

ApiResult<void> Admission::checkNamespace(const ResourceType &type, const std::string &ns,
                                          const std::string &name) const {
    if (!type.namespaced) {
        return {};
    }
    const ObjectPtr space = m_store.get("namespaces", "", ns);
    if (!space) {
        return std::unexpected(StatusError::notFound({"", "namespaces"}, ns));
    }
    if (JsonPath::find(space->object, "metadata.deletionTimestamp")) {
        StatusError error = StatusError::forbidden(type.groupResource(), name,
                                                   "unable to create new content in namespace " + ns
                                                       + " because it is being terminated");
        error.withCauses(
            {{"NamespaceTerminating", "namespace " + ns + " is being terminated", "metadata.namespace"}});
        return std::unexpected(error);
    }
    return {};
}

void Admission::resetStatus(const ResourceType &type, json &object) const {
    if (!type.hasStatusSubresource || type.kind == "Node") {
        return;
    }
    if (type.kind == "Pod") {
        object["status"] = {{"phase", "Pending"},
                            {"qosClass", qosClass(object.value("spec", json::object()))}};
    } else if (type.kind == "Service") {
        object["status"] = {{"loadBalancer", json::object()}};
    } else {
        object["status"] = json::object();
    }
}

ApiResult<void> Admission::allocateServiceAddresses(json &object, bool dryRun) const {
    json &spec = object["spec"];
    if (!needsClusterIp(spec)) {
        return {};
    }
    const std::string requested = spec.value("clusterIP", std::string());
    if (!requested.empty()) {
        if (!m_ips.inRange(requested)) {
            const std::string body = "Invalid value: []string{\"" + requested + "\"}: failed to allocate IP "
                                     + requested
                                     + ": provided IP is not in the valid range. The range of valid IPs is "
                                     + IpAllocator::range();
            return std::unexpected(StatusError::invalid(
                "Service", "", "Service", JsonPath::string(object, "metadata.name"),
                {{"FieldValueInvalid", body, "spec.clusterIPs"}}, "spec.clusterIPs: " + body));
        }
        if (!dryRun && !m_ips.reserve(requested)) {
            const std::string body = "Invalid value: []string{\"" + requested + "\"}: failed to allocate IP "
                                     + requested + ": provided IP is already allocated";
            return std::unexpected(StatusError::invalid(
                "Service", "", "Service", JsonPath::string(object, "metadata.name"),
                {{"FieldValueInvalid", body, "spec.clusterIPs"}}, "spec.clusterIPs: " + body));
        }
    } else {
        const auto address = dryRun ? m_ips.peek() : m_ips.allocate();
        if (!address) {
            return std::unexpected(StatusError::internal("the service cluster IP range is exhausted"));
        }
        spec["clusterIP"] = *address;
    }
    spec["clusterIPs"] = json::array({spec["clusterIP"]});

    const std::string type = spec.value("type", std::string());
    if ((type == "NodePort" || type == "LoadBalancer") && spec.contains("ports")) {
        // TODO: node ports are picked at random without checking other Services; a clash is
        // unlikely in a sandbox but would go unnoticed.
        std::mt19937 random(std::random_device{}());
        for (auto &port : spec["ports"]) {
            if (!port.contains("nodePort")) {
                port["nodePort"] = std::uniform_int_distribution<int>(30000, 32767)(random);
            }
        }
    }
    return {};
}

void Admission::releaseAllocations(const ResourceType &type, const json &object) const {
    if (type.kind == "Service") {
        const std::string address = JsonPath::string(object, "spec.clusterIP");
        if (!address.empty() && address != "None") {
            m_ips.release(address);
        }
    }
}

ApiResult<void> Admission::validate(const ResourceType &type, const json *old, const json &object) const {
    const FieldErrors errors =
        old ? m_validator.validateUpdate(type, *old, object) : m_validator.validateCreate(type, object);
    if (!errors.empty()) {
        return std::unexpected(errors.toStatus(type.qualifiedKind(), type.group, type.kind,
                                               JsonPath::string(object, "metadata.name")));
    }
    return {};
}

ApiResult<json> Admission::admitCreate(const ResourceType &type, json object,
                                       const WriteContext &context) const {
    json &metadata = JsonPath::ensureObject(object, "metadata");
    for (const auto &field : kServerOwnedMetadata) {
        metadata.erase(field);
    }
    if (!context.managedFieldsDone) {
        metadata.erase("managedFields");
    }
    resetStatus(type, object);
    if (type.tracksGeneration) {
        metadata["generation"] = 1;
    }
    m_defaulter.apply(type, object);

    if (auto valid = validate(type, nullptr, object); !valid) {
        return std::unexpected(valid.error());
    }
    if (auto allowed = m_escalation.check(context.user, type, object); !allowed) {
        return std::unexpected(allowed.error());
    }
    if (type.kind == "Service") {
        if (auto allocated = allocateServiceAddresses(object, context.dryRun); !allocated) {
            return std::unexpected(allocated.error());
        }
    }
    if (!context.managedFieldsDone) {
        ManagedFields::recordUpdate(
            nullptr, object, type.kind,
            ManagedFields::scopeFor(context.subresource, type.hasStatusSubresource),
            {context.manager, type.apiVersion(), context.subresource, m_clock.nowRfc3339()});
    }
    return object;
}

void Admission::keepServiceAddresses(const json &old, json &updated) {
    // Clients that replace a Service usually leave out what the server allocated; keep it.
    const json oldSpec = old.value("spec", json::object());
    json &spec = JsonPath::ensureObject(updated, "spec");
    for (const char *field : {"clusterIP", "clusterIPs"}) {
        if (oldSpec.contains(field)
            && (!spec.contains(field) || spec[field] == "" || spec[field].is_null())) {
            spec[field] = oldSpec[field];
        }
    }
}

void Admission::applySubresourceRules(const ResourceType &type, const json &old, json &updated,
                                      const std::string &subresource) {
    if (subresource == "status") {
        json status = updated.value("status", json::object());
        updated = old;
        updated["status"] = std::move(status);
    } else if (type.hasStatusSubresource && type.kind != "Node") {
        if (old.contains("status")) {
            updated["status"] = old["status"];
        } else {
            updated.erase("status");
        }
    }
}

void Admission::bumpGeneration(const ResourceType &type, const json &old, json &updated) {
    if (!type.tracksGeneration) {
        return;
    }
    const long previous = old["metadata"].value("generation", 1L);
    bool changed = false;
    if (type.hasStatusSubresource) {
        changed = old.value("spec", json()) != updated.value("spec", json());
    } else {
        json before = old;
        json after = updated;
        for (json *object : {&before, &after}) {
            object->erase("metadata");
            object->erase("status");
        }
        changed = before != after;
    }
    updated["metadata"]["generation"] = changed ? previous + 1 : previous;
}

ApiResult<json> Admission::admitUpdate(const ResourceType &type, const json &old, json updated,
                                       const WriteContext &context) const {
    json &metadata = JsonPath::ensureObject(updated, "metadata");
    for (const auto &field : kServerOwnedMetadata) {
        if (old["metadata"].contains(field)) {
            metadata[field] = old["metadata"][field];
        } else {
            metadata.erase(field);
        }
    }
    if (!context.managedFieldsDone) {
        metadata.erase("managedFields");
    }
    applySubresourceRules(type, old, updated, context.subresource);
    if (type.kind == "Service") {
        keepServiceAddresses(old, updated);
    }
    m_defaulter.apply(type, updated);
    bumpGeneration(type, old, updated);

    if (auto valid = validate(type, &old, updated); !valid) {
        return std::unexpected(valid.error());
    }
    if (auto allowed = m_escalation.check(context.user, type, updated); !allowed) {
        return std::unexpected(allowed.error());
    }
    if (!context.managedFieldsDone) {
        ManagedFields::recordUpdate(
            &old, updated, type.kind, ManagedFields::scopeFor(context.subresource, type.hasStatusSubresource),
            {context.manager, type.apiVersion(), context.subresource, m_clock.nowRfc3339()});
    }
    return updated;
}

} // namespace otelconsole::sandbox
