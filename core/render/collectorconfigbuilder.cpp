// SPDX-License-Identifier: Apache-2.0
#include "render/collectorconfigbuilder.h"

#include "common/logging.h"
#include "model/projectfile.h"
#include "render/containerports.h"
#include "render/rendercontext.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>

namespace otelconsole {

namespace {

Json defaultTelemetry() {
    Json prometheus = Json::object();
    prometheus["host"] = "0.0.0.0";
    prometheus["port"] = defaultTelemetryMetricsPort;

    Json reader = Json::object();
    reader["pull"]["exporter"]["prometheus"] = std::move(prometheus);

    Json telemetry = Json::object();
    telemetry["metrics"]["readers"] = Json::array({std::move(reader)});
    return telemetry;
}

} // namespace

Json renderCollectorConfig(const CollectorConfig &config) {
    Json rendered = collectorConfigToJson(config);
    if (config.telemetry.is_null()) {
        rendered["service"]["telemetry"] = defaultTelemetry();
    }
    return rendered;
}

std::string sha256Hex(std::string_view text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        // Only a broken OpenSSL installation gets here; an empty checksum still renders valid objects.
        qCWarning(lcRender) << "OpenSSL could not compute a SHA-256 digest of the collector config";
        return {};
    }

    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        std::array<char, 3> pair{};
        std::snprintf(pair.data(), pair.size(), "%02x", digest[i]);
        hex.append(pair.data(), 2);
    }
    return hex;
}

Json buildConfigMap(const RenderContext &context) {
    Json configMap = Json::object();
    configMap["apiVersion"] = "v1";
    configMap["kind"] = "ConfigMap";
    configMap["metadata"] = context.namespacedMetadata(context.configMapName());
    configMap["data"][std::string(collectorConfigKey)] = context.collectorConfigYaml();
    return configMap;
}

} // namespace otelconsole
