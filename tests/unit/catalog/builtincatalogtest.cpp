// SPDX-License-Identifier: Apache-2.0
#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace otelconsole;

namespace {

struct KindAndName {
    ComponentKind kind;
    const char *name;
};

std::ostream &operator<<(std::ostream &stream, const KindAndName &row) {
    return stream << toString(row.kind) << " " << row.name;
}

class BuiltinCatalog : public testing::Test {
protected:
    const Catalog &catalog = Catalog::builtin();

    const ComponentInfo &get(ComponentKind kind, std::string_view type) const {
        const ComponentInfo *info = catalog.find(kind, type);
        EXPECT_NE(info, nullptr) << type;
        static const ComponentInfo none{};
        return info != nullptr ? *info : none;
    }
};

TEST_F(BuiltinCatalog, Loads) {
    EXPECT_EQ(catalog.newestRelease(), (Version{0, 159, 0}));
    EXPECT_GE(catalog.components().size(), 33u);
}

TEST_F(BuiltinCatalog, IsLoadedOnce) {
    EXPECT_EQ(&Catalog::builtin(), &catalog);
}

TEST_F(BuiltinCatalog, SourceFileParsesToTheSameCatalog) {
    std::ifstream file(OTELCONSOLE_SOURCE_DIR "/resources/catalog/components.yaml");
    std::stringstream text;
    text << file.rdbuf();
    const auto parsed = Catalog::parse(text.str(), "components.yaml");
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed->components().size(), catalog.components().size());
}

class BuiltinCatalogComponents : public testing::TestWithParam<KindAndName> {};

TEST_P(BuiltinCatalogComponents, AreListed) {
    const ComponentInfo *info = Catalog::builtin().find(GetParam().kind, GetParam().name);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->kind, GetParam().kind);
    EXPECT_FALSE(info->description.empty());
    EXPECT_FALSE(info->availability.empty());
    EXPECT_TRUE(info->defaultConfig.is_object()) << "default_config of " << GetParam().name;
}

using enum ComponentKind;

INSTANTIATE_TEST_SUITE_P(
    Table, BuiltinCatalogComponents,
    testing::Values(KindAndName{Receiver, "otlp"}, KindAndName{Receiver, "prometheus"},
                    KindAndName{Receiver, "jaeger"}, KindAndName{Receiver, "filelog"},
                    KindAndName{Receiver, "file_log"}, KindAndName{Receiver, "hostmetrics"},
                    KindAndName{Receiver, "kubeletstats"}, KindAndName{Receiver, "kubelet_stats"},
                    KindAndName{Receiver, "k8s_cluster"}, KindAndName{Receiver, "k8s_events"},
                    KindAndName{Receiver, "k8sobjects"}, KindAndName{Receiver, "k8s_objects"},
                    KindAndName{Processor, "batch"}, KindAndName{Processor, "memory_limiter"},
                    KindAndName{Processor, "resourcedetection"}, KindAndName{Processor, "resource_detection"},
                    KindAndName{Processor, "attributes"}, KindAndName{Processor, "k8sattributes"},
                    KindAndName{Processor, "k8s_attributes"}, KindAndName{Processor, "resource"},
                    KindAndName{Processor, "filter"}, KindAndName{Processor, "transform"},
                    KindAndName{Processor, "tail_sampling"}, KindAndName{Exporter, "otlp"},
                    KindAndName{Exporter, "otlp_grpc"}, KindAndName{Exporter, "otlphttp"},
                    KindAndName{Exporter, "otlp_http"}, KindAndName{Exporter, "debug"},
                    KindAndName{Exporter, "logging"}, KindAndName{Exporter, "jaeger"},
                    KindAndName{Exporter, "prometheus"}, KindAndName{Exporter, "prometheusremotewrite"},
                    KindAndName{Exporter, "file"}, KindAndName{Exporter, "loadbalancing"},
                    KindAndName{Extension, "health_check"}, KindAndName{Extension, "pprof"},
                    KindAndName{Extension, "zpages"}, KindAndName{Extension, "file_storage"},
                    KindAndName{Connector, "forward"}, KindAndName{Connector, "spanmetrics"}));

struct MembershipRow {
    ComponentKind kind;
    const char *name;
    bool core;
    bool k8s;
    bool contrib;
};

std::ostream &operator<<(std::ostream &stream, const MembershipRow &row) {
    return stream << toString(row.kind) << " " << row.name;
}

class BuiltinCatalogDistributions : public testing::TestWithParam<MembershipRow> {};

TEST_P(BuiltinCatalogDistributions, MatchTheReleaseManifests) {
    const ComponentInfo *info = Catalog::builtin().find(GetParam().kind, GetParam().name);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->availabilityIn(Distribution::Core) != nullptr, GetParam().core) << "core";
    EXPECT_EQ(info->availabilityIn(Distribution::K8s) != nullptr, GetParam().k8s) << "k8s";
    EXPECT_EQ(info->availabilityIn(Distribution::Contrib) != nullptr, GetParam().contrib) << "contrib";
}

INSTANTIATE_TEST_SUITE_P(Table, BuiltinCatalogDistributions,
                         testing::Values(MembershipRow{Receiver, "otlp", true, true, true},
                                         MembershipRow{Receiver, "jaeger", true, true, true},
                                         MembershipRow{Receiver, "prometheus", true, true, true},
                                         MembershipRow{Receiver, "filelog", false, true, true},
                                         MembershipRow{Receiver, "hostmetrics", true, true, true},
                                         MembershipRow{Receiver, "kubeletstats", false, true, true},
                                         MembershipRow{Receiver, "k8s_cluster", false, true, true},
                                         MembershipRow{Receiver, "k8s_events", false, true, true},
                                         MembershipRow{Receiver, "k8sobjects", false, true, true},
                                         MembershipRow{Processor, "resourcedetection", false, true, true},
                                         MembershipRow{Processor, "k8sattributes", false, true, true},
                                         MembershipRow{Processor, "filter", true, true, true},
                                         MembershipRow{Processor, "transform", false, true, true},
                                         MembershipRow{Processor, "tail_sampling", false, true, true},
                                         MembershipRow{Exporter, "prometheus", true, false, true},
                                         MembershipRow{Exporter, "prometheusremotewrite", true, false, true},
                                         MembershipRow{Exporter, "file", true, true, true},
                                         MembershipRow{Exporter, "loadbalancing", false, true, true},
                                         MembershipRow{Exporter, "jaeger", false, false, true},
                                         MembershipRow{Extension, "file_storage", false, true, true},
                                         MembershipRow{Connector, "forward", true, true, true},
                                         MembershipRow{Connector, "spanmetrics", false, false, true}));

/// IANA_SVC_NAME, which container and Service port names must be.
bool isPortName(const std::string &name) {
    const bool allowed = std::ranges::all_of(
        name, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
    const bool hasLetter = std::ranges::any_of(name, [](char c) { return c >= 'a' && c <= 'z'; });
    return !name.empty() && name.size() <= 15 && allowed && hasLetter && name.front() != '-'
           && name.back() != '-' && name.find("--") == std::string::npos;
}

TEST_F(BuiltinCatalog, PortNames_AreValidKubernetesPortNames) {
    for (const ComponentInfo &info : catalog.components()) {
        for (const CatalogPort &port : info.ports)
            EXPECT_TRUE(isPortName(port.name)) << info.originalName() << ": " << port.name;
    }
}

TEST_F(BuiltinCatalog, EveryRequirement_SaysWhy) {
    for (const ComponentInfo &info : catalog.components()) {
        for (const CatalogRbacRule &rule : info.rbac)
            EXPECT_FALSE(rule.why.empty()) << info.originalName();
        for (const CatalogHostMount &mount : info.hostMounts)
            EXPECT_FALSE(mount.why.empty()) << info.originalName();
        for (const CatalogEnv &env : info.env)
            EXPECT_FALSE(env.why.empty()) << info.originalName();
        EXPECT_EQ(info.needsRoot, !info.needsRootWhy.empty()) << info.originalName();
    }
}

TEST_F(BuiltinCatalog, EnumFieldDefaults_AreAmongTheChoices) {
    for (const ComponentInfo &info : catalog.components()) {
        for (const CatalogField &field : info.fields) {
            if (field.type != "enum")
                continue;
            EXPECT_NE(std::ranges::find(field.choices, field.defaultValue.get<std::string>()),
                      field.choices.end())
                << info.originalName() << "." << field.key;
        }
    }
}

TEST_F(BuiltinCatalog, OtlpReceiver_OpensGrpcAndHttp) {
    const ComponentInfo &otlp = get(Receiver, "otlp");
    ASSERT_EQ(otlp.ports.size(), 2u);
    EXPECT_EQ(otlp.ports[0].port, 4317);
    EXPECT_EQ(otlp.ports[0].endpointKey, "protocols.grpc.endpoint");
    EXPECT_EQ(otlp.ports[1].port, 4318);
    EXPECT_EQ(otlp.ports[1].endpointKey, "protocols.http.endpoint");
    EXPECT_EQ(otlp.signals, (std::vector<Signal>{Signal::Traces, Signal::Metrics, Signal::Logs}));
}

TEST_F(BuiltinCatalog, JaegerReceiver_ThriftAgentPortsAreUdp) {
    const ComponentInfo &jaeger = get(Receiver, "jaeger");
    std::vector<std::pair<int, std::string>> ports;
    for (const CatalogPort &port : jaeger.ports)
        ports.emplace_back(port.port, port.protocol);
    EXPECT_EQ(ports, (std::vector<std::pair<int, std::string>>{
                         {14250, "TCP"}, {14268, "TCP"}, {6831, "UDP"}, {6832, "UDP"}}));
}

TEST_F(BuiltinCatalog, Prometheus_ReceiverHasNoPortButExporterServes8889) {
    EXPECT_TRUE(get(Receiver, "prometheus").ports.empty());
    const ComponentInfo &exporter = get(Exporter, "prometheus");
    ASSERT_EQ(exporter.ports.size(), 1u);
    EXPECT_EQ(exporter.ports[0].port, 8889);
    EXPECT_EQ(exporter.ports[0].endpointKey, "endpoint");
}

TEST_F(BuiltinCatalog, Extensions_ServeTheirWellKnownPorts) {
    EXPECT_EQ(get(Extension, "health_check").ports.at(0).port, 13133);
    EXPECT_EQ(get(Extension, "pprof").ports.at(0).port, 1777);
    EXPECT_EQ(get(Extension, "zpages").ports.at(0).port, 55679);
}

TEST_F(BuiltinCatalog, FileLog_MountsPodLogsReadOnlyAndNeedsRoot) {
    const ComponentInfo &filelog = get(Receiver, "file_log");
    EXPECT_EQ(filelog.originalName(), "filelog");
    ASSERT_EQ(filelog.hostMounts.size(), 2u);
    EXPECT_EQ(filelog.hostMounts[0].hostPath, "/var/log/pods");
    EXPECT_EQ(filelog.hostMounts[1].hostPath, "/var/lib/docker/containers");
    EXPECT_TRUE(filelog.hostMounts[0].readOnly && filelog.hostMounts[1].readOnly);
    EXPECT_TRUE(filelog.needsRoot);
    EXPECT_NE(filelog.needsRootWhy.find("0640"), std::string::npos);
}

TEST_F(BuiltinCatalog, HostMetrics_MountsTheHostRootWithPropagation) {
    const ComponentInfo &hostmetrics = get(Receiver, "hostmetrics");
    ASSERT_EQ(hostmetrics.hostMounts.size(), 1u);
    const CatalogHostMount &mount = hostmetrics.hostMounts[0];
    EXPECT_EQ(mount.hostPath, "/");
    EXPECT_EQ(mount.mountPath, "/hostfs");
    EXPECT_TRUE(mount.readOnly);
    EXPECT_EQ(mount.mountPropagation, "HostToContainer");
    EXPECT_EQ(hostmetrics.defaultConfig.at("root_path"), "/hostfs");
}

TEST_F(BuiltinCatalog, FileStorage_MountsAWritableDirectoryAndNeedsRoot) {
    const ComponentInfo &storage = get(Extension, "file_storage");
    ASSERT_EQ(storage.hostMounts.size(), 1u);
    EXPECT_EQ(storage.hostMounts[0].hostPath, "/var/lib/otelcol");
    EXPECT_EQ(storage.hostMounts[0].hostPathType, "DirectoryOrCreate");
    EXPECT_FALSE(storage.hostMounts[0].readOnly);
    EXPECT_TRUE(storage.needsRoot);
}

TEST_F(BuiltinCatalog, KubeletStats_ReadsTheNodeNameFromTheDownwardApi) {
    const ComponentInfo &kubeletstats = get(Receiver, "kubeletstats");
    ASSERT_EQ(kubeletstats.env.size(), 1u);
    EXPECT_EQ(kubeletstats.env[0].name, "K8S_NODE_NAME");
    EXPECT_EQ(kubeletstats.env[0].fieldPath, "spec.nodeName");
    EXPECT_EQ(kubeletstats.nameSince("kubelet_stats"), (Version{0, 157, 0}));
}

TEST_F(BuiltinCatalog, ClusterWideReceivers_AreClusterScoped) {
    EXPECT_TRUE(get(Receiver, "k8s_cluster").clusterScoped);
    EXPECT_TRUE(get(Receiver, "k8s_events").clusterScoped);
    EXPECT_TRUE(get(Receiver, "k8sobjects").clusterScoped);
    EXPECT_FALSE(get(Receiver, "kubeletstats").clusterScoped);
}

TEST_F(BuiltinCatalog, K8sCluster_WatchesAutoscalersAndJobs) {
    const ComponentInfo &cluster = get(Receiver, "k8s_cluster");
    const auto hasRule = [&](const std::string &group, const std::string &resource) {
        return std::ranges::any_of(cluster.rbac, [&](const CatalogRbacRule &rule) {
            return rule.rule.apiGroups == std::vector{group}
                   && std::ranges::find(rule.rule.resources, resource) != rule.rule.resources.end();
        });
    };
    EXPECT_TRUE(hasRule("autoscaling", "horizontalpodautoscalers"));
    EXPECT_TRUE(hasRule("batch", "cronjobs"));
    EXPECT_TRUE(hasRule("extensions", "replicasets"));
    EXPECT_TRUE(hasRule("", "replicationcontrollers/status"));
}

TEST_F(BuiltinCatalog, K8sObjects_DefaultConfigWatchesEvents) {
    const Json &objects = get(Receiver, "k8s_objects").defaultConfig.at("objects");
    ASSERT_EQ(objects.size(), 1u);
    EXPECT_EQ(objects[0].at("name"), "events");
}

TEST_F(BuiltinCatalog, MemoryLimiter_OffersItsLimitFields) {
    std::vector<std::string> keys;
    for (const CatalogField &field : get(Processor, "memory_limiter").fields)
        keys.push_back(field.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"check_interval", "limit_mib", "spike_limit_mib",
                                              "limit_percentage", "spike_limit_percentage"}));
}

TEST_F(BuiltinCatalog, RemovedExporters_SayWhatToUseInstead) {
    EXPECT_EQ(get(Exporter, "logging").replacedBy, "debug");
    EXPECT_EQ(get(Exporter, "jaeger").replacedBy, "otlp");
    EXPECT_NE(get(Exporter, "jaeger").replacement.find("4317"), std::string::npos);
}

TEST_F(BuiltinCatalog, Find_IsPerKind) {
    EXPECT_NE(catalog.find(Receiver, "jaeger"), catalog.find(Exporter, "jaeger"));
    EXPECT_EQ(catalog.find(Processor, "otlp"), nullptr);
    EXPECT_EQ(catalog.find(Receiver, "nonexistent"), nullptr);
}

TEST_F(BuiltinCatalog, RenamedComponent_IsFoundByEitherName) {
    EXPECT_EQ(catalog.find(Processor, "k8sattributes"), catalog.find(Processor, "k8s_attributes"));
    EXPECT_EQ(catalog.find(Exporter, "otlphttp"), catalog.find(Exporter, "otlp_http"));
}

class ComponentKindNames : public testing::Test {};

TEST_F(ComponentKindNames, RoundTripThroughText) {
    for (const ComponentKind kind : {Receiver, Processor, Exporter, Extension, Connector})
        EXPECT_EQ(componentKindFromString(toString(kind)), kind);
    EXPECT_EQ(componentKindFromString("receivers"), std::nullopt);
    EXPECT_EQ(signalFromString("profiles"), Signal::Profiles);
    EXPECT_EQ(signalFromString("spans"), std::nullopt);
}

} // namespace
