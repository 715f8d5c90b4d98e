// SPDX-License-Identifier: Apache-2.0
#include "catalog/catalog.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

class CatalogRbacFor : public testing::Test {
protected:
    /// A metrics pipeline through the given receiver, processors and an otlp exporter.
    static CollectorConfig pipeline(std::vector<Component> receivers,
                                    std::vector<Component> processors = {}) {
        CollectorConfig config;
        Pipeline metrics{"metrics", {}, {}, {"otlp"}};
        for (const Component &receiver : receivers)
            metrics.receivers.push_back(receiver.id);
        for (const Component &processor : processors)
            metrics.processors.push_back(processor.id);
        config.receivers = std::move(receivers);
        config.processors = std::move(processors);
        config.exporters = {{"otlp", Json::parse(R"({"endpoint": "backend:4317"})")}};
        config.pipelines = {metrics};
        return config;
    }

    static std::vector<PolicyRule> rules(const CollectorConfig &config) {
        std::vector<PolicyRule> result;
        for (const CatalogRbacRule &rule : Catalog::builtin().rbacFor(config))
            result.push_back(rule.rule);
        return result;
    }

    static Component component(const std::string &id, const char *config = "{}") {
        return {id, Json::parse(config)};
    }
};

TEST_F(CatalogRbacFor, KubeletStatsAndK8sAttributes_AreMergedAndSorted) {
    const auto config = pipeline({component("kubeletstats")}, {component("k8sattributes")});
    const std::vector<PolicyRule> expected{
        {{""}, {"namespaces", "pods"}, {"get", "list", "watch"}, {}},
        {{""}, {"nodes/pods", "nodes/stats"}, {"get"}, {}},
        {{"apps"}, {"replicasets"}, {"get", "list", "watch"}, {}},
    };
    EXPECT_EQ(rules(config), expected);
}

TEST_F(CatalogRbacFor, EachRule_NamesTheComponentsAndWhy) {
    const auto config = pipeline({component("kubeletstats/node")}, {component("k8sattributes")});
    const std::vector<CatalogRbacRule> result = Catalog::builtin().rbacFor(config);
    ASSERT_EQ(result.size(), 3u);
    EXPECT_EQ(result[0].requiredBy, std::vector<std::string>{"k8sattributes"});
    EXPECT_EQ(result[1].requiredBy, std::vector<std::string>{"kubeletstats/node"});
    EXPECT_NE(result[1].why.find("nodes/proxy"), std::string::npos) << result[1].why;
    EXPECT_NE(result[1].why.find("(kubeletstats/node)"), std::string::npos) << result[1].why;
}

TEST_F(CatalogRbacFor, RuleNeededByTwoComponents_ListsBoth) {
    const auto config = pipeline({component("k8s_events"), component("k8s_cluster")});
    const std::vector<CatalogRbacRule> result = Catalog::builtin().rbacFor(config);
    ASSERT_FALSE(result.empty());
    const CatalogRbacRule &core = result.front();
    EXPECT_EQ(core.rule.apiGroups, std::vector<std::string>{""});
    EXPECT_EQ(core.requiredBy, (std::vector<std::string>{"k8s_cluster", "k8s_events"}));
    EXPECT_NE(core.why.find("(k8s_events)"), std::string::npos) << core.why;
    EXPECT_NE(core.why.find("(k8s_cluster)"), std::string::npos) << core.why;
}

TEST_F(CatalogRbacFor, NodeUidExtraction_AddsNodesToThePodRule) {
    const auto config = pipeline(
        {component("otlp")}, {component("k8s_attributes", R"({"extract": {"metadata": ["k8s.node.uid"]}})")});
    const std::vector<PolicyRule> expected{
        {{""}, {"namespaces", "nodes", "pods"}, {"get", "list", "watch"}, {}},
        {{"apps"}, {"replicasets"}, {"get", "list", "watch"}, {}},
    };
    EXPECT_EQ(rules(config), expected);
}

TEST_F(CatalogRbacFor, ResourceDetectionWithoutNodeDetector_NeedsNothing) {
    const auto config = pipeline({component("otlp")},
                                 {component("resourcedetection", R"({"detectors": ["env", "system"]})")});
    EXPECT_TRUE(rules(config).empty());
}

TEST_F(CatalogRbacFor, ResourceDetectionWithNodeDetector_ReadsNodesAndKubeSystem) {
    const auto config =
        pipeline({component("otlp")}, {component("resource_detection", R"({"detectors": ["k8s_api"]})")});
    const std::vector<PolicyRule> expected{
        {{""}, {"namespaces"}, {"get"}, {"kube-system"}},
        {{""}, {"nodes"}, {"get", "list"}, {}},
    };
    EXPECT_EQ(rules(config), expected);
}

TEST_F(CatalogRbacFor, LoadBalancingWithK8sResolver_WatchesEndpoints) {
    CollectorConfig config = pipeline({component("otlp")});
    config.exporters = {
        component("loadbalancing", R"({"resolver": {"k8s": {"service": "sampler.observability"}}})")};
    config.pipelines[0].exporters = {"loadbalancing"};
    EXPECT_EQ(rules(config), (std::vector<PolicyRule>{{{""}, {"endpoints"}, {"get", "list", "watch"}, {}}}));

    config.exporters[0].config = Json::parse(R"({"resolver": {"dns": {"hostname": "sampler"}}})");
    EXPECT_TRUE(rules(config).empty());
}

TEST_F(CatalogRbacFor, DefinedButUnusedComponent_NeedsNothing) {
    CollectorConfig config = pipeline({component("otlp")});
    config.receivers.push_back(component("k8s_cluster"));
    EXPECT_TRUE(rules(config).empty());
}

TEST_F(CatalogRbacFor, ComponentsWithoutSettings_GetUnconditionalRulesOnly) {
    CollectorConfig config = pipeline({{"kubelet_stats", nullptr}}, {{"k8sattributes", nullptr}});
    EXPECT_EQ(rules(config).size(), 3u);
}

TEST_F(CatalogRbacFor, UnknownAndUndefinedIds_AreSkipped) {
    CollectorConfig config = pipeline({component("mystery")});
    config.pipelines[0].receivers.push_back("kubeletstats");
    EXPECT_TRUE(rules(config).empty());
}

TEST_F(CatalogRbacFor, ResultIsTheSameWhateverThePipelineOrder) {
    const auto forward =
        pipeline({component("kubeletstats"), component("k8s_events")}, {component("k8sattributes")});
    const auto backward =
        pipeline({component("k8s_events"), component("kubeletstats")}, {component("k8sattributes")});
    const auto first = Catalog::builtin().rbacFor(forward);
    const auto second = Catalog::builtin().rbacFor(backward);
    ASSERT_EQ(first.size(), second.size());
    for (size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].rule, second[i].rule);
        EXPECT_EQ(first[i].requiredBy, second[i].requiredBy);
    }
}

} // namespace
