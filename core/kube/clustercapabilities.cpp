// SPDX-License-Identifier: Apache-2.0
#include "kube/clustercapabilities.h"

#include <cctype>

namespace otelconsole {

namespace {

/// Managed clusters report minors like "29+"; only the leading digits count.
int leadingNumber(const std::string &text) {
    int value = 0;
    std::size_t index = 0;
    for (; index < text.size() && std::isdigit(static_cast<unsigned char>(text[index])); ++index)
        value = value * 10 + (text[index] - '0');
    return index == 0 ? -1 : value;
}

/// Falls back to `gitVersion` ("v1.29.3-gke.1") when major/minor are missing or unreadable.
void versionFromGitVersion(ClusterCapabilities &capabilities) {
    const std::string &git = capabilities.gitVersion;
    const std::size_t start = git.starts_with('v') ? 1 : 0;
    const std::size_t dot = git.find('.', start);
    if (dot == std::string::npos)
        return;
    capabilities.major = leadingNumber(git.substr(start, dot - start));
    capabilities.minor = leadingNumber(git.substr(dot + 1));
}

bool servesGroupVersion(const Json &apiGroups, const std::string &group, const std::string &version) {
    for (const Json &entry : apiGroups.value("groups", Json::array())) {
        if (!entry.is_object() || entry.value("name", "") != group)
            continue;
        for (const Json &served : entry.value("versions", Json::array())) {
            if (served.is_object() && served.value("version", "") == version)
                return true;
        }
    }
    return false;
}

Result<ClusterCapabilities> readCapabilities(const Json &version, const Json &apiGroups) {
    if (!version.is_object() || !apiGroups.is_object())
        return fail(ErrorKind::Api,
                    "the API server's discovery answers (/version, /apis) are not JSON objects");

    ClusterCapabilities capabilities;
    capabilities.gitVersion = version.value("gitVersion", "");
    capabilities.major = leadingNumber(version.value("major", ""));
    capabilities.minor = leadingNumber(version.value("minor", ""));
    if (capabilities.major < 0 || capabilities.minor < 0)
        versionFromGitVersion(capabilities);
    if (capabilities.major < 0 || capabilities.minor < 0)
        return fail(ErrorKind::Api, "the API server did not report a readable version (gitVersion \""
                                        + capabilities.gitVersion + "\")");

    capabilities.nativeSidecars =
        capabilities.major > 1 || (capabilities.major == 1 && capabilities.minor >= 29);
    capabilities.serviceMonitors = servesGroupVersion(apiGroups, "monitoring.coreos.com", "v1");
    capabilities.metricsApi = servesGroupVersion(apiGroups, "metrics.k8s.io", "v1beta1");
    return capabilities;
}

} // namespace

Result<ClusterCapabilities> ClusterCapabilities::fromDiscovery(const Json &version, const Json &apiGroups) {
    try {
        return readCapabilities(version, apiGroups);
    } catch (const Json::exception &error) {
        return fail(ErrorKind::Api,
                    std::string("the API server's discovery answers have an unexpected shape: ")
                        + error.what());
    }
}

} // namespace otelconsole
