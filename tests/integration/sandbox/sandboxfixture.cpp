// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

namespace sandboxtest {

using nlohmann::json;

otelconsole::sandbox::SandboxOptions SandboxFixture::options() const {
    otelconsole::sandbox::SandboxOptions options;
    options.nodeCount = 3;
    options.bookmarkInterval = std::chrono::milliseconds(300);
    options.namespaceFinalizeDelay = std::chrono::milliseconds(300);
    return options;
}

void SandboxFixture::SetUp() {
    const auto url = m_cluster.start(options());
    ASSERT_TRUE(url.has_value()) << url.error();
}

void SandboxFixture::TearDown() {
    m_cluster.stop();
}

json deploymentManifest(const std::string &name, const std::string &ns, const std::string &app) {
    return {{"apiVersion", "apps/v1"},
            {"kind", "Deployment"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"spec",
             {{"selector", {{"matchLabels", {{"app", app}}}}},
              {"template",
               {{"metadata", {{"labels", {{"app", app}}}}},
                {"spec", {{"containers", json::array({{{"name", "app"}, {"image", "nginx:1.27"}}})}}}}}}}};
}

json configMapManifest(const std::string &name, const std::string &ns) {
    return {{"apiVersion", "v1"},
            {"kind", "ConfigMap"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"data", {{"key", "value"}}}};
}

json serviceManifest(const std::string &name, const std::string &ns) {
    return {{"apiVersion", "v1"},
            {"kind", "Service"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"spec", {{"selector", {{"app", "web"}}}, {"ports", json::array({{{"port", 80}}})}}}};
}

json namespaceManifest(const std::string &name) {
    return {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
}

json causeFor(const json &status, const std::string &field) {
    if (!status.contains("details") || !status["details"].contains("causes")) {
        return nullptr;
    }
    for (const auto &cause : status["details"]["causes"]) {
        if (cause.value("field", std::string()) == field) {
            return cause;
        }
    }
    return nullptr;
}

} // namespace sandboxtest
