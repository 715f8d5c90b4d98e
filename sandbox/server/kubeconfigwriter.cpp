// SPDX-License-Identifier: Apache-2.0
#include "server/kubeconfigwriter.h"

#include <openssl/evp.h>
#include <yaml-cpp/yaml.h>

#include <vector>

namespace otelconsole::sandbox {

namespace {

const char *const kClusterName = "otel-console-sandbox";

void writeContext(YAML::Emitter &out, const std::string &name, const std::string &user) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name;
    out << YAML::Key << "context" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "cluster" << YAML::Value << kClusterName;
    out << YAML::Key << "user" << YAML::Value << user;
    out << YAML::Key << "namespace" << YAML::Value << "default";
    out << YAML::EndMap << YAML::EndMap;
}

void writeTokenUser(YAML::Emitter &out, const std::string &name, const std::string &token) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name;
    out << YAML::Key << "user" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "token" << YAML::Value << token;
    out << YAML::EndMap << YAML::EndMap;
}

void writeAdminUser(YAML::Emitter &out, const KubeconfigCredentials &credentials) {
    if (credentials.adminCertificatePem.empty()) {
        writeTokenUser(out, "admin", credentials.adminToken);
        return;
    }
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "admin";
    out << YAML::Key << "user" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "client-certificate-data" << YAML::Value
        << KubeconfigWriter::base64(credentials.adminCertificatePem);
    out << YAML::Key << "client-key-data" << YAML::Value << KubeconfigWriter::base64(credentials.adminKeyPem);
    out << YAML::EndMap << YAML::EndMap;
}

} // namespace

std::string KubeconfigWriter::base64(const std::string &data) {
    std::vector<unsigned char> encoded(4 * ((data.size() + 2) / 3) + 1);
    const int length = EVP_EncodeBlock(encoded.data(), reinterpret_cast<const unsigned char *>(data.data()),
                                       static_cast<int>(data.size()));
    return std::string(reinterpret_cast<const char *>(encoded.data()), static_cast<std::size_t>(length));
}

std::string KubeconfigWriter::render(const KubeconfigCredentials &credentials) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << "v1";
    out << YAML::Key << "kind" << YAML::Value << "Config";

    out << YAML::Key << "clusters" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << kClusterName;
    out << YAML::Key << "cluster" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "server" << YAML::Value << credentials.server;
    if (!credentials.caCertificatePem.empty()) {
        out << YAML::Key << "certificate-authority-data" << YAML::Value
            << base64(credentials.caCertificatePem);
    }
    out << YAML::EndMap << YAML::EndMap << YAML::EndSeq;

    out << YAML::Key << "contexts" << YAML::Value << YAML::BeginSeq;
    writeContext(out, "sandbox-admin", "admin");
    writeContext(out, "sandbox-operator", "operator");
    writeContext(out, "sandbox-viewer", "viewer");
    out << YAML::EndSeq;
    out << YAML::Key << "current-context" << YAML::Value << "sandbox-admin";

    out << YAML::Key << "users" << YAML::Value << YAML::BeginSeq;
    writeAdminUser(out, credentials);
    writeTokenUser(out, "operator", credentials.operatorToken);
    writeTokenUser(out, "viewer", credentials.viewerToken);
    out << YAML::EndSeq;

    out << YAML::Key << "preferences" << YAML::Value << YAML::BeginMap << YAML::EndMap;
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace otelconsole::sandbox
