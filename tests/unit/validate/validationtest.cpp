// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include "common/yaml.h"
#include "validate/validator.h"

#include <algorithm>

namespace otelconsole {

ValidationTest::ValidationTest() {
    m_project.name = "otel-gateway";
    m_project.deployment.mode = DeploymentMode::Gateway;
    m_project.deployment.namespaceName = "observability";
    m_project.deployment.collectorImage = "otel/opentelemetry-collector-contrib:0.159.0";
    m_project.deployment.replicas = 2;
    m_project.deployment.resources.limits = {"1", "2Gi"};
    m_project.deployment.resources.requests = {"500m", "1Gi"};
    m_project.deployment.rbac = RbacConfig::derived();

    CollectorConfig &collector = m_project.collector;
    collector.receivers = {{"otlp", yaml(R"(
protocols:
  grpc: {endpoint: "${env:MY_POD_IP}:4317"}
  http: {endpoint: "${env:MY_POD_IP}:4318"}
)")}};
    collector.processors = {
        {"memory_limiter", yaml("{check_interval: 1s, limit_mib: 1638, spike_limit_mib: 409}")},
        {"batch", yaml("{timeout: 5s, send_batch_size: 1000}")},
    };
    collector.exporters = {{"otlp_grpc", yaml("{endpoint: backend.observability:4317}")}};
    collector.extensions = {{"health_check", yaml(R"({endpoint: "${env:MY_POD_IP}:13133"})")}};
    collector.serviceExtensions = {"health_check"};
    collector.pipelines = {{"traces", {"otlp"}, {"memory_limiter", "batch"}, {"otlp_grpc"}}};
}

std::vector<Diagnostic> ValidationTest::validate() const {
    return validateProject(m_project, Catalog::builtin());
}

std::vector<Diagnostic> ValidationTest::withCode(std::string_view code) const {
    std::vector<Diagnostic> found = validate();
    std::erase_if(found, [&](const Diagnostic &diagnostic) { return diagnostic.code != code; });
    return found;
}

Diagnostic ValidationTest::only(std::string_view code) const {
    const std::vector<Diagnostic> found = withCode(code);
    if (found.size() == 1)
        return found.front();
    ADD_FAILURE() << "expected exactly one " << code << ", found " << found.size() << " among:\n"
                  << describeAll(validate());
    return {};
}

bool ValidationTest::has(std::string_view code) const {
    return !withCode(code).empty();
}

Json ValidationTest::yaml(std::string_view text) {
    Result<Json> parsed = parseYaml(text);
    EXPECT_TRUE(parsed) << (parsed ? std::string() : parsed.error().toString());
    return parsed ? *parsed : Json();
}

Component &ValidationTest::component(std::vector<Component> &section, std::string_view id) {
    const auto found = std::ranges::find(section, id, &Component::id);
    if (found == section.end()) {
        ADD_FAILURE() << "no component " << id;
        return section.emplace_back(Component{std::string(id), Json()});
    }
    return *found;
}

std::string describeAll(const std::vector<Diagnostic> &diagnostics) {
    std::string text;
    for (const Diagnostic &diagnostic : diagnostics)
        text += "  [" + diagnostic.code + "] " + diagnostic.toString() + "\n";
    return text.empty() ? "  (nothing)\n" : text;
}

} // namespace otelconsole
