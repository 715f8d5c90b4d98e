// SPDX-License-Identifier: Apache-2.0
#include "api/workloadvalidator.h"

#include "api/jsonpath.h"
#include "api/labelselector.h"
#include "api/namevalidation.h"
#include "api/podspecvalidator.h"

#include <algorithm>
#include <cctype>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

bool isIntOrPercent(const json &value) {
    if (value.is_number_integer()) {
        return value.get<long>() >= 0;
    }
    if (!value.is_string()) {
        return false;
    }
    const std::string text = value.get<std::string>();
    return text.size() > 1 && text.back() == '%'
           && std::all_of(text.begin(), text.end() - 1, [](unsigned char c) { return std::isdigit(c); });
}

bool isZero(const json &value) {
    return (value.is_number_integer() && value.get<long>() == 0) || (value.is_string() && value == "0%");
}

void validateLabels(const json &labels, const std::string &path, FieldErrors &errors) {
    if (!labels.is_object()) {
        return;
    }
    for (const auto &[key, value] : labels.items()) {
        if (const std::string problem = NameValidation::labelKey(key); !problem.empty()) {
            errors.invalid(path, key, problem);
        }
        if (const std::string problem =
                NameValidation::labelValue(value.is_string() ? value.get<std::string>() : "");
            !problem.empty() || !value.is_string()) {
            errors.invalid(path, value, problem.empty() ? "must be a string" : problem);
        }
    }
}

} // namespace

void WorkloadValidator::validateSelector(const json &selector, const std::string &path, FieldErrors &errors) {
    if (!selector.is_object()) {
        errors.invalid(path, selector, "must be a label selector");
        return;
    }
    if (selector.contains("matchLabels")) {
        validateLabels(selector["matchLabels"], path + ".matchLabels", errors);
    }
    if (!selector.contains("matchExpressions") || !selector["matchExpressions"].is_array()) {
        return;
    }
    const json &expressions = selector["matchExpressions"];
    for (std::size_t i = 0; i < expressions.size(); ++i) {
        const std::string at = path + ".matchExpressions[" + std::to_string(i) + "]";
        const std::string op = expressions[i].value("operator", std::string());
        if (op != "In" && op != "NotIn" && op != "Exists" && op != "DoesNotExist") {
            errors.notSupported(at + ".operator", op, {"In", "NotIn", "Exists", "DoesNotExist"});
            continue;
        }
        const bool hasValues = expressions[i].contains("values") && expressions[i]["values"].is_array()
                               && !expressions[i]["values"].empty();
        if ((op == "In" || op == "NotIn") && !hasValues) {
            errors.required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
        } else if ((op == "Exists" || op == "DoesNotExist") && hasValues) {
            errors.forbidden(at + ".values",
                             "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
    }
}

void WorkloadValidator::validate(const std::string &kind, const json &object, FieldErrors &errors) {
    const json &spec =
        object.contains("spec") && object["spec"].is_object() ? object["spec"] : json::object();
    if (!spec.contains("selector") || spec["selector"].is_null()) {
        errors.required("spec.selector");
    } else {
        const json &selector = spec["selector"];
        validateSelector(selector, "spec.selector", errors);
        const auto parsed = LabelSelector::fromJson(selector);
        if (parsed && parsed->empty()) {
            std::string lower = kind;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            errors.invalid("spec.selector", selector, "empty selector is invalid for " + lower);
        }
        const json *labels = JsonPath::find(spec, "template.metadata.labels");
        if (parsed && !parsed->empty() && !parsed->matches(labels ? *labels : json())) {
            errors.invalid("spec.template.metadata.labels", labels ? *labels : json::object(),
                           "`selector` does not match template `labels`");
        }
    }
    if (kind != "DaemonSet") {
        validateNonNegative(spec, "replicas", errors);
    }
    validateNonNegative(spec, "revisionHistoryLimit", errors);
    validateNonNegative(spec, "minReadySeconds", errors);
    validateTemplate(spec, errors);
    validateStrategy(kind, spec, errors);
}

void WorkloadValidator::validateNonNegative(const json &spec, const char *key, FieldErrors &errors) {
    if (spec.contains(key) && (!spec[key].is_number_integer() || spec[key].get<long>() < 0)) {
        errors.invalid(std::string("spec.") + key, spec[key], "must be greater than or equal to 0");
    }
}

void WorkloadValidator::validateTemplate(const json &spec, FieldErrors &errors) {
    const json *labels = JsonPath::find(spec, "template.metadata.labels");
    if (labels) {
        validateLabels(*labels, "spec.template.metadata.labels", errors);
    }
    const json *podSpec = JsonPath::find(spec, "template.spec");
    PodSpecValidator::validate(podSpec ? *podSpec : json(), "spec.template.spec", errors);
    if (podSpec && podSpec->contains("restartPolicy") && (*podSpec)["restartPolicy"] != "Always") {
        errors.notSupported("spec.template.spec.restartPolicy", (*podSpec)["restartPolicy"], {"Always"});
    }
}

void WorkloadValidator::validateStrategy(const std::string &kind, const json &spec, FieldErrors &errors) {
    const char *key = kind == "Deployment" ? "strategy" : "updateStrategy";
    const json *strategy = JsonPath::find(spec, key);
    if (kind == "ReplicaSet" || !strategy || !strategy->is_object()) {
        return;
    }
    const std::string path = std::string("spec.") + key;
    const std::vector<std::string> types = kind == "Deployment"
                                               ? std::vector<std::string>{"Recreate", "RollingUpdate"}
                                               : std::vector<std::string>{"OnDelete", "RollingUpdate"};
    const json type = strategy->value("type", json());
    if (!type.is_string() || std::find(types.begin(), types.end(), type.get<std::string>()) == types.end()) {
        errors.notSupported(path + ".type", type, types);
        return;
    }
    const json *rolling = JsonPath::find(*strategy, "rollingUpdate");
    if (type != "RollingUpdate" && rolling && !rolling->is_null()) {
        errors.forbidden(path + ".rollingUpdate",
                         "may not be specified when strategy `type` is '" + type.get<std::string>() + "'");
        return;
    }
    if (!rolling || !rolling->is_object() || kind == "StatefulSet") {
        return;
    }
    for (const char *field : {"maxUnavailable", "maxSurge"}) {
        if (rolling->contains(field) && !isIntOrPercent((*rolling)[field])) {
            errors.invalid(
                path + ".rollingUpdate." + field, (*rolling)[field],
                "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  "
                "or '93%', regex used for validation is '[0-9]+%')");
        }
    }
    const json unavailable = rolling->value("maxUnavailable", json(1));
    const json surge = rolling->value("maxSurge", json(0));
    if (isZero(unavailable) && isZero(surge)) {
        errors.invalid(path + ".rollingUpdate.maxUnavailable", unavailable,
                       "may not be 0 when `maxSurge` is 0");
    }
}

void WorkloadValidator::validateUpdate(const json &old, const json &updated, FieldErrors &errors) {
    const json *before = JsonPath::find(old, "spec.selector");
    const json *after = JsonPath::find(updated, "spec.selector");
    if (before && after && *before != *after) {
        errors.invalid("spec.selector", *after, "field is immutable");
    }
}

} // namespace otelconsole::sandbox
