// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "kube/kubeconfig.h"

#include <QList>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

#include <optional>
#include <string>
#include <vector>

namespace otelconsole {

/// How requests prove who is sending them. A client certificate may accompany any of them.
enum class AuthMethod { Anonymous, ClientCertificate, Token, TokenFile, Basic, Exec };

/// Everything needed to talk to one cluster as one user, resolved and checked from a kubeconfig context:
/// certificates and keys loaded, paths made absolute, conflicting settings refused.
struct ClusterConnection {
    std::string contextName;
    std::string clusterName;
    std::string userName;
    std::string clusterFile; ///< the kubeconfig that defined the cluster entry
    std::string userFile;    ///< the kubeconfig that defined the user entry

    QUrl server;
    std::string namespaceName = "default";

    QList<QSslCertificate> caCertificates; ///< empty: the system's trusted authorities
    std::string caOrigin;                  ///< where the CA came from, for messages
    bool insecureSkipTlsVerify = false;    ///< the UI should warn: the server is not authenticated
    QString tlsServerName;
    std::optional<QNetworkProxy> proxy;
    bool disableCompression = false;

    AuthMethod authMethod = AuthMethod::Anonymous;
    QList<QSslCertificate> clientCertificateChain;
    QSslKey clientKey;
    std::string token;     ///< secret: never log or show
    std::string tokenFile; ///< re-read for every request so rotated tokens are picked up
    std::string username;
    std::string password; ///< secret: never log or show
    std::optional<ExecConfig> exec;
    Json execClusterInfo; ///< the `spec.cluster` given to exec plugins that ask for it
    std::string impersonate;
    std::vector<std::string> impersonateGroups;
    std::string impersonateUid;

    /// Resolves `contextName` (or the current context when empty) and checks it the way kubectl does.
    /// Errors name the file, the context, cluster or user entry and what is wrong with it.
    [[nodiscard]] static Result<ClusterConnection> resolve(const KubeConfig &config,
                                                           const std::string &contextName = {});

    /// `user "alice" (context "dev" in /home/me/.kube/config)`, for messages.
    [[nodiscard]] std::string describeUser() const;

    /// `cluster "dev" (https://…:6443)`, for messages.
    [[nodiscard]] std::string describeCluster() const;
};

/// Whether `name` is a DNS-1123 label (what a namespace name must be).
[[nodiscard]] bool isDnsLabel(const std::string &name);

} // namespace otelconsole
