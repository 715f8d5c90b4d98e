// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace otelconsole::sandbox {

/// The naming grammars of Kubernetes (REFERENCE §1.8). Each check returns an empty string when the
/// value is fine, else the explanation the API server gives.
class NameValidation {
public:
    static std::string dns1123Label(const std::string &value);
    static std::string dns1123Subdomain(const std::string &value);
    static std::string dns1035Label(const std::string &value);
    static std::string pathSegmentName(const std::string &value);
    static std::string labelKey(const std::string &key);
    static std::string labelValue(const std::string &value);
    /// IANA service names, used for port names: at most 15 characters, a letter, no "--".
    static std::string portName(const std::string &value);
    /// ConfigMap and Secret data keys.
    static std::string configMapKey(const std::string &key);
};

} // namespace otelconsole::sandbox
