// SPDX-License-Identifier: Apache-2.0
#include "api/fieldselector.h"

#include "api/jsonpath.h"

#include <algorithm>
#include <sstream>

namespace otelconsole::sandbox {

std::vector<std::string> FieldSelector::supportedFields(const std::string &kind) {
    std::vector<std::string> fields{"metadata.name", "metadata.namespace"};
    if (kind == "Pod") {
        fields.insert(fields.end(),
                      {"spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                       "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"});
    } else if (kind == "Event") {
        fields.insert(fields.end(),
                      {"involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                       "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                       "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"});
    } else if (kind == "Secret") {
        fields.push_back("type");
    } else if (kind == "Node") {
        fields.push_back("spec.unschedulable");
    } else if (kind == "Namespace") {
        fields.push_back("status.phase");
    } else if (kind == "ReplicaSet") {
        fields.push_back("status.replicas");
    }
    return fields;
}

std::expected<FieldSelector, std::string> FieldSelector::parse(const std::string &text,
                                                               const std::string &kind) {
    FieldSelector selector;
    const auto supported = supportedFields(kind);
    std::stringstream stream(text);
    std::string term;
    while (std::getline(stream, term, ',')) {
        if (term.empty()) {
            continue;
        }
        Term parsed;
        std::size_t at = term.find("!=");
        std::size_t width = 2;
        parsed.negated = at != std::string::npos;
        if (!parsed.negated) {
            at = term.find("==");
            if (at == std::string::npos) {
                at = term.find('=');
                width = 1;
            }
        }
        if (at == std::string::npos) {
            return std::unexpected("invalid selector: '" + text + "'; can't understand '" + term + "'");
        }
        parsed.field = term.substr(0, at);
        parsed.value = term.substr(at + width);
        if (std::find(supported.begin(), supported.end(), parsed.field) == supported.end()) {
            return std::unexpected("field label not supported: " + parsed.field);
        }
        selector.m_terms.push_back(std::move(parsed));
    }
    return selector;
}

bool FieldSelector::matches(const nlohmann::json &object) const {
    for (const auto &term : m_terms) {
        // An event's "source" field selects on the reporting component.
        const std::string actual = term.field == "source" ? JsonPath::string(object, "source.component")
                                                          : JsonPath::fieldText(object, term.field);
        if ((actual == term.value) == term.negated) {
            return false;
        }
    }
    return true;
}

std::string FieldSelector::exactValue(const std::string &field) const {
    for (const auto &term : m_terms) {
        if (term.field == field && !term.negated) {
            return term.value;
        }
    }
    return {};
}

} // namespace otelconsole::sandbox
