// SPDX-License-Identifier: Apache-2.0
#include "kube/kubeconfigloader.h"

#include "common/logging.h"
#include "common/yaml.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace otelconsole {

namespace {

constexpr std::string_view execExtensionName = "client.authentication.k8s.io/exec";

/// Turns the YAML of one kubeconfig file into a KubeConfig. yaml-cpp throws on malformed input; the
/// caller catches that, everything else is reported through Result.
class KubeConfigParser {
public:
    explicit KubeConfigParser(std::string file)
        : m_file(std::move(file))
        , m_directory(QFileInfo(QString::fromStdString(m_file)).absolutePath()) {}

    Result<KubeConfig> parse(const YAML::Node &root) {
        KubeConfig config;
        config.files.push_back(m_file);
        if (!root || root.IsNull())
            return config;
        if (!root.IsMap())
            return failAt(root, "a kubeconfig must be a mapping with clusters, users and contexts");

        config.currentContext = scalar(root["current-context"]);
        if (auto ok = parseList(root["clusters"], "clusters", "cluster", config.clusters,
                                &KubeConfigParser::cluster);
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = parseList(root["users"], "users", "user", config.users, &KubeConfigParser::user); !ok)
            return std::unexpected(ok.error());
        if (auto ok = parseList(root["contexts"], "contexts", "context", config.contexts,
                                &KubeConfigParser::context);
            !ok)
            return std::unexpected(ok.error());
        return config;
    }

private:
    template<typename Entry>
    using EntryParser = Result<Entry> (KubeConfigParser::*)(const YAML::Node &, const std::string &);

    /// Within one file the first entry of a name counts too; later duplicates are ignored as kubectl does.
    template<typename Entry>
    Result<void> parseList(const YAML::Node &list, const std::string &listName, const char *body,
                           std::map<std::string, Entry> &into, EntryParser<Entry> parseEntry) {
        if (!list || list.IsNull())
            return {};
        if (!list.IsSequence())
            return failAt(list, "\"" + listName + "\" must be a list");
        for (const YAML::Node &item : list) {
            const std::string name = item.IsMap() ? scalar(item["name"]) : std::string();
            if (name.empty())
                return failAt(item, "an entry of \"" + listName + "\" has no name");
            YAML::Node entryBody = item[body];
            if (entryBody && !entryBody.IsNull() && !entryBody.IsMap())
                return failAt(entryBody,
                              "\"" + std::string(body) + "\" of \"" + name + "\" must be a mapping");
            if (!entryBody || entryBody.IsNull())
                entryBody = YAML::Node(YAML::NodeType::Map);
            Result<Entry> entry = (this->*parseEntry)(entryBody, name);
            if (!entry)
                return std::unexpected(entry.error());
            into.try_emplace(name, std::move(*entry));
        }
        return {};
    }

    Result<KubeCluster> cluster(const YAML::Node &node, const std::string &name) {
        KubeCluster cluster;
        cluster.name = name;
        cluster.sourceFile = m_file;
        cluster.server = scalar(node["server"]);
        cluster.certificateAuthority = path(scalar(node["certificate-authority"]));
        auto caData = base64(node, "certificate-authority-data", "cluster", name);
        if (!caData)
            return std::unexpected(caData.error());
        cluster.certificateAuthorityData = *caData;
        cluster.insecureSkipTlsVerify = flag(node["insecure-skip-tls-verify"]);
        cluster.tlsServerName = scalar(node["tls-server-name"]);
        cluster.proxyUrl = scalar(node["proxy-url"]);
        cluster.disableCompression = flag(node["disable-compression"]);
        auto extension = execExtension(node["extensions"]);
        if (!extension)
            return std::unexpected(extension.error());
        cluster.execExtension = std::move(*extension);
        return cluster;
    }

    Result<KubeUser> user(const YAML::Node &node, const std::string &name) {
        KubeUser user;
        user.name = name;
        user.sourceFile = m_file;
        user.clientCertificate = path(scalar(node["client-certificate"]));
        user.clientKey = path(scalar(node["client-key"]));
        auto certData = base64(node, "client-certificate-data", "user", name);
        auto keyData = base64(node, "client-key-data", "user", name);
        if (!certData)
            return std::unexpected(certData.error());
        if (!keyData)
            return std::unexpected(keyData.error());
        user.clientCertificateData = *certData;
        user.clientKeyData = *keyData;
        user.token = scalar(node["token"]);
        user.tokenFile = path(scalar(node["tokenFile"]));
        user.username = scalar(node["username"]);
        user.password = scalar(node["password"]);
        user.impersonate = scalar(node["as"]);
        user.impersonateGroups = strings(node["as-groups"]);
        user.impersonateUid = scalar(node["as-uid"]);
        user.hasImpersonateExtra = node["as-user-extra"] && !node["as-user-extra"].IsNull();
        user.hasAuthProvider = node["auth-provider"] && !node["auth-provider"].IsNull();
        if (const YAML::Node exec = node["exec"]; exec && !exec.IsNull())
            user.exec = execConfig(exec);
        return user;
    }

    Result<KubeContext> context(const YAML::Node &node, const std::string &name) {
        KubeContext context;
        context.name = name;
        context.sourceFile = m_file;
        context.cluster = scalar(node["cluster"]);
        context.user = scalar(node["user"]);
        context.namespaceName = scalar(node["namespace"]);
        return context;
    }

    ExecConfig execConfig(const YAML::Node &node) {
        ExecConfig exec;
        exec.apiVersion = scalar(node["apiVersion"]);
        const std::string command = scalar(node["command"]);
        // kubectl only anchors commands that name a path; a bare name is looked up in PATH.
        exec.command = command.find('/') != std::string::npos ? path(command) : command;
        exec.args = strings(node["args"]);
        if (const YAML::Node env = node["env"]; env && env.IsSequence()) {
            for (const YAML::Node &variable : env) {
                if (variable.IsMap())
                    exec.env.emplace_back(scalar(variable["name"]), scalar(variable["value"]));
            }
        }
        exec.installHint = scalar(node["installHint"]);
        exec.provideClusterInfo = flag(node["provideClusterInfo"]);
        exec.interactiveMode = scalar(node["interactiveMode"]);
        return exec;
    }

    /// The extension handed to exec plugins; converted with yamlToJson, whose limits keep an alias bomb
    /// in an untrusted kubeconfig from expanding without bound.
    Result<Json> execExtension(const YAML::Node &extensions) {
        if (!extensions || !extensions.IsSequence())
            return Json();
        for (const YAML::Node &entry : extensions) {
            if (!entry.IsMap() || scalar(entry["name"]) != execExtensionName)
                continue;
            const YAML::Node extension = entry["extension"];
            if (!extension || extension.IsNull())
                return Json();
            return yamlToJson(extension, m_file);
        }
        return Json();
    }

    Result<std::string> base64(const YAML::Node &parent, const char *field, const std::string &what,
                               const std::string &name) {
        const YAML::Node node = parent[field];
        const std::string text = scalar(node);
        if (text.empty())
            return std::string();
        const auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(text),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return failAt(node, what + " \"" + name + "\": " + field + " is not valid base64");
        return decoded.decoded.toStdString();
    }

    std::string path(const std::string &value) const {
        if (value.empty())
            return value;
        const QString text = QString::fromStdString(value);
        if (QDir::isAbsolutePath(text))
            return value;
        return QDir::cleanPath(m_directory + QLatin1Char('/') + text).toStdString();
    }

    static std::string scalar(const YAML::Node &node) {
        return node && node.IsScalar() ? node.Scalar() : std::string();
    }

    static bool flag(const YAML::Node &node) { return node && node.IsScalar() && node.as<bool>(false); }

    static std::vector<std::string> strings(const YAML::Node &node) {
        std::vector<std::string> values;
        if (node && node.IsSequence()) {
            for (const YAML::Node &item : node)
                values.push_back(scalar(item));
        }
        return values;
    }

    std::unexpected<Error> failAt(const YAML::Node &node, std::string message) const {
        return fail(ErrorKind::InvalidInput, std::move(message),
                    SourceLocation{m_file, node.Mark().line + 1, node.Mark().column + 1});
    }

    std::string m_file;
    QString m_directory;
};

std::string readError(const std::string &path, const QFile &file) {
    return "cannot read kubeconfig " + path + ": " + file.errorString().toStdString();
}

} // namespace

std::vector<std::string> KubeConfigLoader::searchPaths(const std::optional<std::string> &kubeconfigVariable,
                                                       const std::string &homeDirectory) {
    if (!kubeconfigVariable || kubeconfigVariable->empty())
        return {homeDirectory + "/.kube/config"};

    std::vector<std::string> paths;
    std::string_view rest = *kubeconfigVariable;
    while (true) {
        const std::size_t separator = rest.find(':');
        const std::string entry(rest.substr(0, separator));
        if (!entry.empty() && std::find(paths.begin(), paths.end(), entry) == paths.end())
            paths.push_back(entry);
        if (separator == std::string_view::npos)
            break;
        rest.remove_prefix(separator + 1);
    }
    return paths;
}

Result<KubeConfig> KubeConfigLoader::load(const std::string &explicitPath) {
    if (!explicitPath.empty())
        return loadFile(explicitPath);

    const QByteArray variable = qgetenv("KUBECONFIG");
    const std::optional<std::string> kubeconfig =
        qEnvironmentVariableIsSet("KUBECONFIG") ? std::optional(variable.toStdString()) : std::nullopt;
    return loadFiles(searchPaths(kubeconfig, QDir::homePath().toStdString()));
}

Result<KubeConfig> KubeConfigLoader::loadFiles(const std::vector<std::string> &paths) {
    KubeConfig merged;
    for (const std::string &path : paths) {
        if (!QFileInfo::exists(QString::fromStdString(path))) {
            qCDebug(lcKube) << "kubeconfig" << path.c_str() << "does not exist, skipped";
            continue;
        }
        Result<KubeConfig> config = loadFile(path);
        if (!config)
            return config;
        merged.mergeFrom(*config);
    }
    return merged;
}

Result<KubeConfig> KubeConfigLoader::loadFile(const std::string &path) {
    QFile file(QString::fromStdString(path));
    if (!file.exists())
        return fail(ErrorKind::NotFound, "kubeconfig " + path + " does not exist");
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Io, readError(path, file));
    const QByteArray text = file.readAll();
    return parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), path);
}

Result<KubeConfig> KubeConfigLoader::parse(std::string_view text, const std::string &file) {
    auto documents = loadYamlDocuments(text, file);
    if (!documents) {
        documents.error().message = "kubeconfig is not valid YAML: " + documents.error().message;
        return std::unexpected(std::move(documents.error()));
    }
    try {
        // Like kubectl, only the first document counts.
        const YAML::Node root = documents->empty() ? YAML::Node() : documents->front();
        return KubeConfigParser(file).parse(root);
    } catch (const YAML::Exception &error) {
        return fail(ErrorKind::InvalidInput, "kubeconfig is not valid YAML: " + error.msg,
                    SourceLocation{file, error.mark.line + 1, error.mark.column + 1});
    }
}

} // namespace otelconsole
