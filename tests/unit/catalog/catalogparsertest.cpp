// SPDX-License-Identifier: Apache-2.0
#include "catalog/catalog.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

// A small catalog in the file format; the tests below break one thing at a time.
constexpr auto validCatalog = R"(catalog_version: 1
newest_release: 0.159.0
components:
  - kind: receiver
    names:
      - {name: kubeletstats, since: 0.80.0}
      - {name: kubelet_stats, since: 0.157.0}
    description: Reads kubelet metrics.
    signals: [metrics]
    availability:
      k8s: {since: 0.80.0}
      contrib: {since: 0.80.0, until: 0.200.0}
    ports:
      - {name: metrics, port: 9100, protocol: UDP, endpoint_key: listen.endpoint, enabled_by_default: false}
    rbac:
      - {api_groups: [""], resources: [nodes/stats], verbs: [get], why: Reads stats.}
      - api_groups: [""]
        resources: [namespaces]
        resource_names: [kube-system]
        verbs: [get]
        why: Reads the cluster id.
        when: {key: detectors, contains: k8s_api}
    host_mounts:
      - {name: hostfs, host_path: /, mount_path: /hostfs, mount_propagation: HostToContainer, why: Host files.}
    env:
      - {name: K8S_NODE_NAME, field_path: spec.nodeName, why: Finds its node.}
    needs_root: true
    needs_root_why: Root-owned files.
    cluster_scoped: true
    default_config:
      collection_interval: 10s
      insecure_skip_verify: true
    fields:
      - {key: auth_type, type: enum, default: serviceAccount, choices: [serviceAccount, none], description: Auth.}
)";

class CatalogParser : public testing::Test {
protected:
    static Result<Catalog> parseWith(const std::string &from, const std::string &to) {
        std::string text = validCatalog;
        const size_t at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos)
            text.replace(at, from.size(), to);
        return Catalog::parse(text, "test.yaml");
    }

    static const ComponentInfo &onlyComponent(const Catalog &catalog) { return catalog.components().front(); }
};

TEST_F(CatalogParser, ValidCatalog_Loads) {
    const auto catalog = Catalog::parse(validCatalog);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    EXPECT_EQ(catalog->newestRelease(), (Version{0, 159, 0}));
    ASSERT_EQ(catalog->components().size(), 1u);
}

TEST_F(CatalogParser, NamesAndKind_AreRead) {
    const auto catalog = Catalog::parse(validCatalog);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    const ComponentInfo &info = onlyComponent(*catalog);
    EXPECT_EQ(info.kind, ComponentKind::Receiver);
    ASSERT_EQ(info.names.size(), 2u);
    EXPECT_EQ(info.originalName(), "kubeletstats");
    EXPECT_EQ(info.names[1].name, "kubelet_stats");
    EXPECT_EQ(info.names[1].since, (Version{0, 157, 0}));
}

TEST_F(CatalogParser, Availability_KeepsSinceAndUntil) {
    const auto catalog = Catalog::parse(validCatalog);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    const ComponentInfo &info = onlyComponent(*catalog);
    ASSERT_EQ(info.availability.size(), 2u);
    EXPECT_EQ(info.availabilityIn(Distribution::Core), nullptr);
    ASSERT_NE(info.availabilityIn(Distribution::Contrib), nullptr);
    EXPECT_EQ(info.availabilityIn(Distribution::Contrib)->until, (Version{0, 200, 0}));
    EXPECT_EQ(info.availabilityIn(Distribution::K8s)->until, std::nullopt);
}

TEST_F(CatalogParser, Port_IsRead) {
    const auto catalog = Catalog::parse(validCatalog);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    ASSERT_EQ(onlyComponent(*catalog).ports.size(), 1u);
    const CatalogPort &port = onlyComponent(*catalog).ports.front();
    EXPECT_EQ(port.name, "metrics");
    EXPECT_EQ(port.port, 9100);
    EXPECT_EQ(port.protocol, "UDP");
    EXPECT_EQ(port.endpointKey, "listen.endpoint");
    EXPECT_FALSE(port.enabledByDefault);
}

TEST_F(CatalogParser, RbacRule_WithCondition) {
    const auto catalog = Catalog::parse(validCatalog);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    const std::vector<CatalogRbacRule> &rules = onlyComponent(*catalog).rbac;
    ASSERT_EQ(rules.size(), 2u);
    EXPECT_EQ(rules[0].rule, (PolicyRule{{""}, {"nodes/stats"}, {"get"}, {}}));
    EXPECT_EQ(rules[0].why, "Reads stats.");
    EXPECT_FALSE(rules[0].when);
    EXPECT_EQ(rules[1].rule.resourceNames, std::vector<std::string>{"kube-system"});
    ASSERT_TRUE(rules[1].when);
    EXPECT_EQ(rules[1].when->key, "detectors");
    EXPECT_EQ(rules[1].when->values, std::vector<std::string>{"k8s_api"});
}

TEST_F(CatalogParser, HostMountEnvAndFlags_AreRead) {
    const auto catalog = Catalog::parse(validCatalog);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    const ComponentInfo &info = onlyComponent(*catalog);
    ASSERT_EQ(info.hostMounts.size(), 1u);
    EXPECT_TRUE(info.hostMounts[0].readOnly);
    EXPECT_EQ(info.hostMounts[0].mountPropagation, "HostToContainer");
    ASSERT_EQ(info.env.size(), 1u);
    EXPECT_EQ(info.env[0].fieldPath, "spec.nodeName");
    EXPECT_TRUE(info.needsRoot);
    EXPECT_EQ(info.needsRootWhy, "Root-owned files.");
    EXPECT_TRUE(info.clusterScoped);
}

TEST_F(CatalogParser, DefaultConfigAndFields_KeepTypes) {
    const auto catalog = Catalog::parse(validCatalog);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    const ComponentInfo &info = onlyComponent(*catalog);
    EXPECT_EQ(info.defaultConfig,
              Json::parse(R"({"collection_interval": "10s", "insecure_skip_verify": true})"));
    ASSERT_EQ(info.fields.size(), 1u);
    EXPECT_EQ(info.fields[0].defaultValue, "serviceAccount");
    EXPECT_EQ(info.fields[0].choices, (std::vector<std::string>{"serviceAccount", "none"}));
}

TEST_F(CatalogParser, MalformedYaml_GivesTheLine) {
    const auto catalog = parseWith("signals: [metrics]", "signals: [metrics");
    ASSERT_FALSE(catalog);
    EXPECT_EQ(catalog.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(catalog.error().location.file, "test.yaml");
    EXPECT_GT(catalog.error().location.line, 8);
}

TEST_F(CatalogParser, UnknownKey_GivesItsLineAndName) {
    const auto catalog = parseWith("    signals: [metrics]", "    signal: [metrics]");
    ASSERT_FALSE(catalog);
    EXPECT_EQ(catalog.error().location.line, 9);
    EXPECT_NE(catalog.error().message.find("\"signal\""), std::string::npos) << catalog.error().message;
}

struct BrokenRow {
    std::string from;
    std::string to;
    int line;
    std::string messagePart;
};

class CatalogParserRejects : public testing::TestWithParam<BrokenRow> {};

TEST_P(CatalogParserRejects, WithLineAndReason) {
    const BrokenRow &row = GetParam();
    std::string text = validCatalog;
    const size_t at = text.find(row.from);
    ASSERT_NE(at, std::string::npos) << row.from;
    text.replace(at, row.from.size(), row.to);

    const auto catalog = Catalog::parse(text, "test.yaml");
    ASSERT_FALSE(catalog) << row.to;
    EXPECT_EQ(catalog.error().location.line, row.line) << catalog.error().toString();
    EXPECT_NE(catalog.error().message.find(row.messagePart), std::string::npos) << catalog.error().toString();
}

INSTANTIATE_TEST_SUITE_P(
    Table, CatalogParserRejects,
    testing::Values(BrokenRow{"catalog_version: 1", "catalog_version: 2", 1, "not supported"},
                    BrokenRow{"newest_release: 0.159.0", "newest_release: 0.159", 2, "not a release"},
                    BrokenRow{"kind: receiver", "kind: reciever", 4, "unknown kind"},
                    BrokenRow{"since: 0.157.0", "since: soon", 7, "not a release"},
                    BrokenRow{"{name: kubelet_stats, since: 0.157.0}", "{name: kubelet_stats, since: 0.79.0}",
                              7, "oldest first"},
                    BrokenRow{"until: 0.200.0", "until: 0.80.0", 12, "later release"},
                    BrokenRow{"k8s: {since", "core2: {since", 11, "unknown key"},
                    BrokenRow{"port: 9100", "port: 70000", 14, "between 1 and 65535"},
                    BrokenRow{"protocol: UDP", "protocol: SCTP", 14, "TCP or UDP"},
                    BrokenRow{"verbs: [get], why: Reads stats.", "verbs: [], why: Reads stats.", 16,
                              "must not be empty"},
                    BrokenRow{", why: Reads stats.", "", 16, "\"why\" is missing"},
                    BrokenRow{"    needs_root_why: Root-owned files.\n", "", 27, "needs_root_why"},
                    BrokenRow{"signals: [metrics]", "signals: [metric]", 9, "unknown signal"},
                    BrokenRow{"type: enum", "type: choice", 34, "unknown field type"},
                    BrokenRow{"choices: [serviceAccount, none], ", "", 34, "choices"},
                    BrokenRow{"      - {name: metrics", "      {name: metrics", 14, "must be a list"}));

TEST_F(CatalogParser, DuplicateName_IsAnError) {
    std::string text = validCatalog;
    const std::string component = text.substr(text.find("  - kind: receiver"));
    text += component;
    const auto catalog = Catalog::parse(text);
    ASSERT_FALSE(catalog);
    EXPECT_NE(catalog.error().message.find("used by two components"), std::string::npos)
        << catalog.error().message;
    EXPECT_EQ(catalog.error().location.line, 35);
}

TEST_F(CatalogParser, SameNameInAnotherKind_IsAllowed) {
    std::string text = validCatalog;
    std::string component = text.substr(text.find("  - kind: receiver"));
    component.replace(component.find("receiver"), 8, "exporter");
    const auto catalog = Catalog::parse(text + component);
    ASSERT_TRUE(catalog) << catalog.error().toString();
    EXPECT_EQ(catalog->components().size(), 2u);
}

TEST_F(CatalogParser, EmptyText_IsAnError) {
    const auto catalog = Catalog::parse("");
    ASSERT_FALSE(catalog);
    EXPECT_EQ(catalog.error().kind, ErrorKind::InvalidInput);
}

class CatalogConditionHolds : public testing::Test {
protected:
    static bool holds(const std::string &key, std::vector<std::string> values, const char *config) {
        return CatalogCondition{key, std::move(values)}.holds(Json::parse(config));
    }
};

TEST_F(CatalogConditionHolds, PresentKey_WithoutValues) {
    EXPECT_TRUE(holds("resolver.k8s", {}, R"({"resolver": {"k8s": null}})"));
    EXPECT_FALSE(holds("resolver.k8s", {}, R"({"resolver": {"dns": {"hostname": "x"}}})"));
}

TEST_F(CatalogConditionHolds, ListContainsAnyValue) {
    EXPECT_TRUE(holds("detectors", {"k8snode", "k8s_api"}, R"({"detectors": ["env", "k8s_api"]})"));
    EXPECT_FALSE(holds("detectors", {"k8snode", "k8s_api"}, R"({"detectors": ["env", "system"]})"));
}

TEST_F(CatalogConditionHolds, NestedList) {
    EXPECT_TRUE(
        holds("extract.metadata", {"k8s.node.uid"}, R"({"extract": {"metadata": ["k8s.node.uid"]}})"));
    EXPECT_FALSE(holds("extract.metadata", {"k8s.node.uid"}, R"({"extract": {"labels": ["k8s.node.uid"]}})"));
}

TEST_F(CatalogConditionHolds, StringEqualsValue) {
    EXPECT_TRUE(holds("auth_type", {"serviceAccount"}, R"({"auth_type": "serviceAccount"})"));
    EXPECT_FALSE(holds("auth_type", {"serviceAccount"}, R"({"auth_type": "tls"})"));
}

TEST_F(CatalogConditionHolds, MapHasValueAsKey) {
    EXPECT_TRUE(holds("resolver", {"k8s"}, R"({"resolver": {"k8s": {"service": "x"}}})"));
}

TEST_F(CatalogConditionHolds, NullOrScalarConfig_DoesNotHold) {
    EXPECT_FALSE(holds("detectors", {}, "null"));
    EXPECT_FALSE(holds("detectors.list", {}, R"({"detectors": "env"})"));
}

} // namespace
