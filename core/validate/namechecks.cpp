// SPDX-License-Identifier: Apache-2.0
#include "model/names.h"
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <string>
#include <utility>
#include <vector>

namespace otelconsole {

namespace {

// The renderer names objects `<name>`, `<name>-config` and `<name>-headless`; the longest suffix decides
// how long the project name may be for every derived name to stay a valid 63-character label.
constexpr std::string_view longestNameSuffix = "-headless";
constexpr std::size_t maxNameLength = 63 - longestNameSuffix.size();

void checkProjectName(ValidationContext &context) {
    const std::string &name = context.project().name;
    if (name.size() > maxNameLength) {
        context.report(Severity::Error, "name.too-long", "name",
                       "the project name \"" + name + "\" has " + std::to_string(name.size())
                           + " characters; the objects derived from it (up to \"" + name
                           + std::string(longestNameSuffix) + "\") must fit in 63, so it may have at most "
                           + std::to_string(maxNameLength),
                       "shorten name to at most " + std::to_string(maxNameLength) + " characters");
        return;
    }
    if (const auto problem = names::checkDns1035Label(name)) {
        context.report(
            Severity::Error, "name.invalid", "name",
            "the project name \"" + name
                + "\" names the collector's Service and must be a DNS-1035 label: " + *problem,
            "use lower case letters, digits and '-', starting with a letter, e.g. \"otel-gateway\"");
    }
}

void checkNamespace(ValidationContext &context) {
    const std::string &namespaceName = context.project().deployment.namespaceName;
    if (const auto problem = names::checkDns1123Label(namespaceName)) {
        context.report(Severity::Error, "namespace.invalid", "namespace",
                       "the namespace \"" + namespaceName + "\" is not a valid DNS-1123 label: " + *problem,
                       "use lower case letters, digits and '-', e.g. \"observability\"");
    }
}

void checkServiceAccount(ValidationContext &context) {
    const std::string &account = context.project().deployment.rbac.serviceAccount;
    if (account.empty())
        return;
    if (const auto problem = names::checkDns1123Subdomain(account)) {
        context.report(
            Severity::Error, "rbac.service-account-invalid", "rbac.service_account",
            "the service account \"" + account + "\" is not a valid DNS-1123 subdomain: " + *problem,
            "use lower case letters, digits, '-' and '.', or leave it empty to use the project name");
    }
}

void checkPortNumber(ValidationContext &context, int number, const std::string &path, bool zeroAllowed) {
    if ((number == 0 && zeroAllowed) || (number >= 1 && number <= 65535))
        return;
    context.report(Severity::Error, "service.port-invalid", path,
                   path + " is " + std::to_string(number) + "; a port number must be between 1 and 65535",
                   "use the port the collector listens on, e.g. 4317");
}

void checkServicePorts(ValidationContext &context) {
    if (!context.project().service)
        return;
    const std::vector<ServicePort> &ports = context.project().service->ports;
    for (std::size_t index = 0; index < ports.size(); ++index) {
        const std::string path = "service.ports[" + std::to_string(index) + "]";
        if (const auto problem = names::checkPortName(ports[index].name)) {
            context.report(Severity::Error, "service.port-name-invalid", path + ".name",
                           "the port name \"" + ports[index].name
                               + "\" is not a valid IANA service name: " + *problem,
                           "use at most 15 lower case letters, digits and '-', e.g. \"otlp-grpc\"");
        }
        checkPortNumber(context, ports[index].port, path + ".port", false);
        checkPortNumber(context, ports[index].targetPort, path + ".target_port", true);
    }
}

void checkLabels(ValidationContext &context, const std::vector<std::pair<std::string, std::string>> &labels,
                 const std::string &prefix) {
    for (const auto &[key, value] : labels) {
        const std::string path = prefix + "." + key;
        if (const auto problem = names::checkLabelKey(key)) {
            context.report(
                Severity::Error, "label.key-invalid", path,
                "the label key \"" + key + "\" in " + prefix + " is not valid: " + *problem,
                "use an optional DNS prefix and '/', then up to 63 letters, digits, '-', '_' or '.'");
        }
        if (const auto problem = names::checkLabelValue(value)) {
            context.report(
                Severity::Error, "label.value-invalid", path,
                "the value \"" + value + "\" of label " + key + " is not valid: " + *problem,
                "use up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
    }
}

void checkServiceMonitorNames(ValidationContext &context) {
    const auto &monitor = context.project().serviceMonitor;
    if (!monitor)
        return;
    if (const auto problem = names::checkPortName(monitor->port)) {
        context.report(Severity::Error, "service.port-name-invalid", "service_monitor.port",
                       "the ServiceMonitor port \"" + monitor->port
                           + "\" is not a valid port name: " + *problem,
                       "name the Service port that serves the collector's metrics, e.g. \"metrics\"");
    }
    checkLabels(context, monitor->labels, "service_monitor.labels");
}

} // namespace

void checkNames(ValidationContext &context) {
    checkProjectName(context);
    checkNamespace(context);
    checkServiceAccount(context);
    checkServicePorts(context);
    checkServiceMonitorNames(context);
    checkLabels(context, context.project().nodeSelector, "node_selector");
}

} // namespace otelconsole
