// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/json.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace otelconsole {

/// A `users[].user.exec` entry: a credential plugin run to obtain a token or client certificate.
struct ExecConfig {
    std::string apiVersion;
    std::string command; ///< absolute when the kubeconfig gave a path containing '/', else looked up in PATH
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> env;
    std::string installHint;
    bool provideClusterInfo = false;
    std::string interactiveMode; ///< Never, IfAvailable or Always; empty when the kubeconfig omits it
};

/// A `clusters[]` entry. Paths are absolute, resolved against the directory of the defining file.
struct KubeCluster {
    std::string name;
    std::string sourceFile;
    std::string server;
    std::string certificateAuthority;
    std::string certificateAuthorityData; ///< decoded PEM
    bool insecureSkipTlsVerify = false;
    std::string tlsServerName;
    std::string proxyUrl;
    bool disableCompression = false;
    Json execExtension; ///< `extensions[name=client.authentication.k8s.io/exec].extension`, passed to exec
                        ///< plugins
};

/// A `users[]` entry. Paths are absolute, resolved against the directory of the defining file.
struct KubeUser {
    std::string name;
    std::string sourceFile;
    std::string clientCertificate;
    std::string clientCertificateData; ///< decoded PEM
    std::string clientKey;
    std::string clientKeyData; ///< decoded PEM
    std::string token;
    std::string tokenFile;
    std::string username;
    std::string password;
    std::string impersonate;
    std::vector<std::string> impersonateGroups;
    std::string impersonateUid;
    bool hasImpersonateExtra = false;
    bool hasAuthProvider = false;
    std::optional<ExecConfig> exec;
};

/// A `contexts[]` entry.
struct KubeContext {
    std::string name;
    std::string sourceFile;
    std::string cluster;
    std::string user;
    std::string namespaceName; ///< empty when unset
};

/// The merged view of one or more kubeconfig files, as kubectl builds it.
struct KubeConfig {
    std::map<std::string, KubeCluster> clusters;
    std::map<std::string, KubeUser> users;
    std::map<std::string, KubeContext> contexts;
    std::string currentContext;
    std::vector<std::string> files; ///< the files that were read, in merge order

    /// Adds the entries of `other` that this config does not define yet; the first definition of a name
    /// wins wholesale, and so does the first `current-context`.
    void mergeFrom(const KubeConfig &other);
};

} // namespace otelconsole
