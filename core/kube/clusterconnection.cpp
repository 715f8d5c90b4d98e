// SPDX-License-Identifier: Apache-2.0
#include "kube/clusterconnection.h"

#include "kube/tlscredentials.h"

#include <QRegularExpression>

namespace otelconsole {

namespace {

std::string quoted(const std::string &text) {
    return "\"" + text + "\"";
}

std::string clusterLabel(const KubeCluster &cluster) {
    return "cluster " + quoted(cluster.name) + " in " + cluster.sourceFile;
}

std::string userLabel(const KubeUser &user) {
    return "user " + quoted(user.name) + " in " + user.sourceFile;
}

std::unexpected<Error> invalid(const std::string &message) {
    return fail(ErrorKind::InvalidInput, message);
}

Result<std::optional<QNetworkProxy>> parseProxy(const KubeCluster &cluster) {
    if (cluster.proxyUrl.empty())
        return std::nullopt;
    const QUrl url(QString::fromStdString(cluster.proxyUrl));
    const QString scheme = url.scheme();
    const auto type =
        scheme == QLatin1String("socks5") ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy;
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")
            && type != QNetworkProxy::Socks5Proxy))
        return invalid(clusterLabel(cluster)
                       + ": proxy-url must be an http, https or socks5 URL with a host");
    // TODO: an https:// proxy is used as a plain HTTP CONNECT proxy, because QNetworkProxy cannot speak TLS
    // to the proxy itself; a proxy that only accepts TLS connections fails to connect.
    const int defaultPort =
        type == QNetworkProxy::Socks5Proxy ? 1080 : (scheme == QLatin1String("https") ? 443 : 80);
    QNetworkProxy proxy(type, url.host(), static_cast<quint16>(url.port(defaultPort)), url.userName(),
                        url.password());
    return proxy;
}

Result<void> loadCertificateAuthority(ClusterConnection &connection, const KubeCluster &cluster) {
    QByteArray pem;
    if (!cluster.certificateAuthorityData.empty()) {
        pem = QByteArray::fromStdString(cluster.certificateAuthorityData);
        connection.caOrigin = "certificate-authority-data of cluster " + quoted(cluster.name);
    } else if (!cluster.certificateAuthority.empty()) {
        connection.caOrigin =
            "certificate-authority " + cluster.certificateAuthority + " of cluster " + quoted(cluster.name);
        auto file = readCredentialFile(cluster.certificateAuthority, connection.caOrigin);
        if (!file)
            return std::unexpected(file.error());
        pem = *file;
    } else {
        connection.caOrigin = "the system's trusted certificate authorities";
        return {};
    }

    if (cluster.insecureSkipTlsVerify)
        return invalid(clusterLabel(cluster)
                       + ": a certificate authority cannot be combined with insecure-skip-tls-verify");
    auto certificates = loadCertificates(pem, connection.caOrigin);
    if (!certificates)
        return std::unexpected(certificates.error());
    connection.caCertificates = *certificates;
    return {};
}

Json execClusterInfo(const KubeCluster &cluster) {
    Json info = Json::object();
    info["server"] = cluster.server;
    if (!cluster.tlsServerName.empty())
        info["tls-server-name"] = cluster.tlsServerName;
    if (cluster.insecureSkipTlsVerify)
        info["insecure-skip-tls-verify"] = true;
    if (!cluster.certificateAuthorityData.empty())
        info["certificate-authority-data"] =
            QByteArray::fromStdString(cluster.certificateAuthorityData).toBase64().toStdString();
    if (!cluster.proxyUrl.empty())
        info["proxy-url"] = cluster.proxyUrl;
    if (!cluster.execExtension.is_null())
        info["config"] = cluster.execExtension;
    return info;
}

Result<void> resolveCluster(ClusterConnection &connection, const KubeCluster &cluster) {
    connection.clusterFile = cluster.sourceFile;
    connection.server = QUrl(QString::fromStdString(cluster.server));
    const QString scheme = connection.server.scheme();
    if (cluster.server.empty())
        return invalid(clusterLabel(cluster) + " has no server URL");
    if (!connection.server.isValid() || connection.server.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return invalid(clusterLabel(cluster) + ": server " + quoted(cluster.server)
                       + " is not an https:// or http:// URL");

    connection.insecureSkipTlsVerify = cluster.insecureSkipTlsVerify;
    connection.tlsServerName = QString::fromStdString(cluster.tlsServerName);
    connection.disableCompression = cluster.disableCompression;
    connection.execClusterInfo = execClusterInfo(cluster);

    auto proxy = parseProxy(cluster);
    if (!proxy)
        return std::unexpected(proxy.error());
    connection.proxy = *proxy;
    return loadCertificateAuthority(connection, cluster);
}

Result<void> loadClientCertificate(ClusterConnection &connection, const KubeUser &user) {
    const bool hasCertificate = !user.clientCertificateData.empty() || !user.clientCertificate.empty();
    const bool hasKey = !user.clientKeyData.empty() || !user.clientKey.empty();
    if (!hasCertificate && !hasKey)
        return {};
    if (hasCertificate != hasKey)
        return invalid(userLabel(user)
                       + ": a client certificate needs both client-certificate and client-key");

    const std::string certOrigin =
        user.clientCertificateData.empty()
            ? "client-certificate " + user.clientCertificate + " of user " + quoted(user.name)
            : "client-certificate-data of user " + quoted(user.name);
    const std::string keyOrigin = user.clientKeyData.empty()
                                      ? "client-key " + user.clientKey + " of user " + quoted(user.name)
                                      : "client-key-data of user " + quoted(user.name);
    auto certPem = user.clientCertificateData.empty() ? readCredentialFile(user.clientCertificate, certOrigin)
                                                      : QByteArray::fromStdString(user.clientCertificateData);
    auto keyPem = user.clientKeyData.empty() ? readCredentialFile(user.clientKey, keyOrigin)
                                             : QByteArray::fromStdString(user.clientKeyData);
    if (!certPem)
        return std::unexpected(certPem.error());
    if (!keyPem)
        return std::unexpected(keyPem.error());

    auto chain = loadCertificates(*certPem, certOrigin);
    if (!chain)
        return std::unexpected(chain.error());
    auto key = loadPrivateKey(*keyPem, keyOrigin);
    if (!key)
        return std::unexpected(key.error());
    connection.clientCertificateChain = *chain;
    connection.clientKey = *key;
    return {};
}

Result<void> checkExec(const KubeUser &user) {
    const ExecConfig &exec = *user.exec;
    const std::string where = userLabel(user) + ": exec plugin";
    if (exec.command.empty())
        return invalid(where + " has no command");
    if (exec.apiVersion != "client.authentication.k8s.io/v1"
        && exec.apiVersion != "client.authentication.k8s.io/v1beta1")
        return invalid(where + " has apiVersion " + quoted(exec.apiVersion)
                       + "; use client.authentication.k8s.io/v1 or v1beta1");
    if (exec.apiVersion == "client.authentication.k8s.io/v1" && exec.interactiveMode.empty())
        return invalid(where
                       + " needs interactiveMode (Never, IfAvailable or Always) with apiVersion "
                         "client.authentication.k8s.io/v1");
    if (!exec.interactiveMode.empty() && exec.interactiveMode != "Never"
        && exec.interactiveMode != "IfAvailable" && exec.interactiveMode != "Always")
        return invalid(where + " has interactiveMode " + quoted(exec.interactiveMode)
                       + "; use Never, IfAvailable or Always");
    if (exec.interactiveMode == "Always")
        return fail(ErrorKind::Auth, where
                                         + " requires an interactive terminal (interactiveMode Always), "
                                           "which otel-console cannot provide");
    return {};
}

Result<void> resolveUser(ClusterConnection &connection, const KubeUser &user) {
    connection.userFile = user.sourceFile;
    const bool hasToken = !user.token.empty() || !user.tokenFile.empty();
    const bool hasBasic = !user.username.empty() || !user.password.empty();
    if (hasToken && hasBasic)
        return invalid(userLabel(user) + ": a token and a username/password cannot both be set");
    if (user.hasAuthProvider)
        return fail(ErrorKind::Auth, userLabel(user)
                                         + " uses the legacy auth-provider mechanism, which otel-console "
                                           "does not support; use an exec credential plugin");
    if (user.hasImpersonateExtra)
        // TODO: as-user-extra (Impersonate-Extra-* headers) is not sent; refusing is safer than acting as
        // a different identity than the kubeconfig describes.
        return invalid(userLabel(user) + ": impersonation with as-user-extra is not supported");
    if (user.impersonateGroups.size() > 1)
        // TODO: QNetworkRequest holds one value per header, so several Impersonate-Group headers cannot be
        // sent.
        return invalid(userLabel(user) + ": impersonating more than one group (as-groups) is not supported");
    if (user.exec) {
        if (auto ok = checkExec(user); !ok)
            return ok;
    }
    if (auto ok = loadClientCertificate(connection, user); !ok)
        return ok;

    connection.token = user.token;
    connection.tokenFile = user.tokenFile;
    connection.username = user.username;
    connection.password = user.password;
    connection.exec = user.exec;
    connection.impersonate = user.impersonate;
    connection.impersonateGroups = user.impersonateGroups;
    connection.impersonateUid = user.impersonateUid;
    if (user.exec)
        connection.authMethod = AuthMethod::Exec;
    else if (!user.tokenFile.empty())
        connection.authMethod = AuthMethod::TokenFile;
    else if (!user.token.empty())
        connection.authMethod = AuthMethod::Token;
    else if (hasBasic)
        connection.authMethod = AuthMethod::Basic;
    else if (!connection.clientCertificateChain.isEmpty())
        connection.authMethod = AuthMethod::ClientCertificate;
    return {};
}

std::string fileList(const KubeConfig &config) {
    std::string list;
    for (const std::string &file : config.files)
        list += (list.empty() ? "" : ", ") + file;
    return list.empty() ? "(no kubeconfig file found)" : list;
}

} // namespace

bool isDnsLabel(const std::string &name) {
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && label.match(QString::fromStdString(name)).hasMatch();
}

Result<ClusterConnection> ClusterConnection::resolve(const KubeConfig &config,
                                                     const std::string &contextName) {
    const std::string name = contextName.empty() ? config.currentContext : contextName;
    if (name.empty())
        return fail(ErrorKind::NotFound,
                    "no current-context is set in " + fileList(config) + "; choose a context");
    const auto context = config.contexts.find(name);
    if (context == config.contexts.end())
        return fail(ErrorKind::NotFound,
                    "context " + quoted(name) + " is not defined in " + fileList(config));
    const KubeContext &entry = context->second;
    const std::string where = "context " + quoted(name) + " in " + entry.sourceFile;

    const auto cluster = config.clusters.find(entry.cluster);
    if (entry.cluster.empty() || cluster == config.clusters.end())
        return fail(ErrorKind::NotFound, where + " refers to cluster " + quoted(entry.cluster)
                                             + ", which is not defined in " + fileList(config));
    const auto user = config.users.find(entry.user);
    if (!entry.user.empty() && user == config.users.end())
        return fail(ErrorKind::NotFound, where + " refers to user " + quoted(entry.user)
                                             + ", which is not defined in " + fileList(config));
    if (!entry.namespaceName.empty() && !isDnsLabel(entry.namespaceName))
        return invalid(where + ": namespace " + quoted(entry.namespaceName)
                       + " is not a valid name (lowercase letters, digits and '-', at most 63)");

    ClusterConnection connection;
    connection.contextName = name;
    connection.clusterName = entry.cluster;
    connection.userName = entry.user;
    if (!entry.namespaceName.empty())
        connection.namespaceName = entry.namespaceName;
    if (auto ok = resolveCluster(connection, cluster->second); !ok)
        return std::unexpected(ok.error());
    if (user != config.users.end()) {
        if (auto ok = resolveUser(connection, user->second); !ok)
            return std::unexpected(ok.error());
    }
    return connection;
}

std::string ClusterConnection::describeUser() const {
    const std::string file = userFile.empty() ? std::string() : " in " + userFile;
    if (userName.empty())
        return "the anonymous user of context " + quoted(contextName);
    return "user " + quoted(userName) + " (context " + quoted(contextName) + file + ")";
}

std::string ClusterConnection::describeCluster() const {
    return "cluster " + quoted(clusterName) + " (" + server.toString().toStdString() + ")";
}

} // namespace otelconsole
