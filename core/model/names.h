// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace otelconsole::names {

// Each check returns nullopt for a valid name, or a sentence saying what is wrong, in the words the
// API server uses ("must consist of lower case alphanumeric characters or '-', and must start and end
// with an alphanumeric character").

/// Namespaces, container names: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters.
[[nodiscard]] std::optional<std::string> checkDns1123Label(std::string_view name);
/// Most object names (ConfigMap, Deployment, ServiceAccount…): DNS-1123 labels joined by '.', ≤ 253.
[[nodiscard]] std::optional<std::string> checkDns1123Subdomain(std::string_view name);
/// Service names: like a DNS-1123 label but must start with a letter.
[[nodiscard]] std::optional<std::string> checkDns1035Label(std::string_view name);
/// RBAC object names: anything but "." or "..", and no '/' or '%'.
[[nodiscard]] std::optional<std::string> checkPathSegmentName(std::string_view name);
/// Container and Service port names (IANA_SVC_NAME): ≤ 15, [a-z0-9-], at least one letter, no "--".
[[nodiscard]] std::optional<std::string> checkPortName(std::string_view name);
/// Label keys: optional DNS subdomain prefix and '/', then a name ≤ 63 of [A-Za-z0-9_.-].
[[nodiscard]] std::optional<std::string> checkLabelKey(std::string_view key);
/// Label values: empty, or ≤ 63 characters of [A-Za-z0-9_.-] starting and ending alphanumeric.
[[nodiscard]] std::optional<std::string> checkLabelValue(std::string_view value);

} // namespace otelconsole::names
