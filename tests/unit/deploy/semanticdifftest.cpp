// SPDX-License-Identifier: Apache-2.0
#include "deploy/semanticdiff.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

class SemanticDiffTest : public testing::Test {
protected:
    static Json deployment(const Json &container) {
        return {{"apiVersion", "apps/v1"},
                {"kind", "Deployment"},
                {"metadata", {{"name", "gw"}, {"namespace", "otel"}}},
                {"spec",
                 {{"replicas", 3}, {"template", {{"spec", {{"containers", Json::array({container})}}}}}}}};
    }

    static Json collector(const std::string &memory) {
        return {{"name", "otel-collector"},
                {"image", "otel/opentelemetry-collector-contrib:0.159.0"},
                {"resources", {{"limits", {{"cpu", "500m"}, {"memory", memory}}}}}};
    }

    static ObjectReference reference(const Json &manifest) {
        return *ObjectReference::fromManifest(manifest);
    }

    static ObjectDiff compare(const Json &intent, const Json &live, const Json *previous = nullptr) {
        return SemanticDiff::compare(reference(intent), intent, &live, nullptr, previous);
    }
};

TEST_F(SemanticDiffTest, NoLiveObject_IsCreate) {
    const Json intent = deployment(collector("1Gi"));

    const ObjectDiff diff = SemanticDiff::compare(reference(intent), intent, nullptr);

    EXPECT_EQ(diff.change, ObjectChange::Create);
    EXPECT_TRUE(diff.fields.empty());
}

TEST_F(SemanticDiffTest, BinaryQuantitySpelledDifferently_IsUnchanged) {
    const ObjectDiff diff = compare(deployment(collector("1024Mi")), deployment(collector("1Gi")));

    EXPECT_EQ(diff.change, ObjectChange::Unchanged);
}

TEST_F(SemanticDiffTest, DecimalCpuAndMillicores_AreTheSame) {
    Json intent = deployment(collector("1Gi"));
    Json live = intent;
    intent["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]["cpu"] = 0.5;
    live["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]["cpu"] = "500m";

    EXPECT_EQ(compare(intent, live).change, ObjectChange::Unchanged);
}

TEST_F(SemanticDiffTest, DifferentQuantity_IsReportedWithPathAndValues) {
    const ObjectDiff diff = compare(deployment(collector("2Gi")), deployment(collector("1Gi")));

    ASSERT_EQ(diff.change, ObjectChange::Update);
    ASSERT_EQ(diff.fields.size(), 1u);
    EXPECT_EQ(diff.fields[0].path,
              "spec.template.spec.containers[name=otel-collector].resources.limits.memory");
    EXPECT_EQ(diff.fields[0].before, "1Gi");
    EXPECT_EQ(diff.fields[0].after, "2Gi");
}

TEST_F(SemanticDiffTest, ServerDefaultsInLiveObject_AreIgnored) {
    const Json intent = deployment(collector("1Gi"));
    Json live = intent;
    live["spec"]["revisionHistoryLimit"] = 10;
    live["spec"]["template"]["spec"]["containers"][0]["terminationMessagePath"] = "/dev/termination-log";
    live["spec"]["template"]["spec"]["dnsPolicy"] = "ClusterFirst";
    live["metadata"]["uid"] = "1234";
    live["status"] = {{"replicas", 3}};

    EXPECT_EQ(compare(intent, live).change, ObjectChange::Unchanged);
}

TEST_F(SemanticDiffTest, ContainersInAnotherOrder_AreMatchedByName) {
    const Json app = {{"name", "checkout"}, {"image", "shop/checkout:1"}};
    Json intent = deployment(collector("1Gi"));
    Json live = intent;
    live["spec"]["template"]["spec"]["containers"] = Json::array({app, collector("1Gi")});

    EXPECT_EQ(compare(intent, live).change, ObjectChange::Unchanged);
}

TEST_F(SemanticDiffTest, EnvEntriesReordered_AreMatchedByName) {
    Json withEnv = collector("1Gi");
    withEnv["env"] = Json::array({{{"name", "A"}, {"value", "1"}}, {{"name", "B"}, {"value", "2"}}});
    Json reordered = collector("1Gi");
    reordered["env"] = Json::array({{{"name", "B"}, {"value", "2"}}, {{"name", "A"}, {"value", "1"}}});

    EXPECT_EQ(compare(deployment(withEnv), deployment(reordered)).change, ObjectChange::Unchanged);
}

TEST_F(SemanticDiffTest, NewListElement_IsOneChangeAtItsKey) {
    Json withPort = collector("1Gi");
    withPort["ports"] = Json::array({{{"name", "otlp-grpc"}, {"containerPort", 4317}, {"protocol", "TCP"}}});
    Json live = collector("1Gi");
    live["ports"] = Json::array();

    const ObjectDiff diff = compare(deployment(withPort), deployment(live));

    ASSERT_EQ(diff.fields.size(), 1u);
    EXPECT_EQ(diff.fields[0].path,
              "spec.template.spec.containers[name=otel-collector].ports[containerPort=4317,protocol=TCP]");
    EXPECT_TRUE(diff.fields[0].before.is_null());
}

TEST_F(SemanticDiffTest, PortWithoutProtocol_MatchesDefaultedTcp) {
    Json intentContainer = collector("1Gi");
    intentContainer["ports"] = Json::array({{{"containerPort", 4317}}});
    Json liveContainer = collector("1Gi");
    liveContainer["ports"] = Json::array({{{"containerPort", 4317}, {"protocol", "TCP"}}});

    EXPECT_EQ(compare(deployment(intentContainer), deployment(liveContainer)).change,
              ObjectChange::Unchanged);
}

TEST_F(SemanticDiffTest, AtomicListWithDefaultedFields_IsUnchanged) {
    const Json intent = {
        {"apiVersion", "rbac.authorization.k8s.io/v1"},
        {"kind", "ClusterRoleBinding"},
        {"metadata", {{"name", "b"}}},
        {"subjects", Json::array({{{"kind", "ServiceAccount"}, {"name", "gw"}, {"namespace", "otel"}}})}};
    Json live = intent;
    live["subjects"][0]["apiGroup"] = "";

    EXPECT_EQ(compare(intent, live).change, ObjectChange::Unchanged);
}

TEST_F(SemanticDiffTest, AtomicListWithOtherValues_IsChangedAsAWhole) {
    const Json intent = {
        {"apiVersion", "rbac.authorization.k8s.io/v1"},
        {"kind", "ClusterRole"},
        {"metadata", {{"name", "r"}}},
        {"rules", Json::array({{{"apiGroups", {""}}, {"resources", {"pods"}}, {"verbs", {"get", "list"}}}})}};
    Json live = intent;
    live["rules"][0]["verbs"] = {"get"};

    const ObjectDiff diff = compare(intent, live);

    ASSERT_EQ(diff.fields.size(), 1u);
    EXPECT_EQ(diff.fields[0].path, "rules");
}

TEST_F(SemanticDiffTest, IntegerAndItsString_AreOneValue) {
    EXPECT_TRUE(SemanticDiff::sameValue("targetPort", "", Json(8888), Json("8888")));
    EXPECT_FALSE(SemanticDiff::sameValue("targetPort", "", Json(8888), Json("metrics")));
}

TEST_F(SemanticDiffTest, PodTemplateChange_RestartsPods) {
    Json intent = deployment(collector("1Gi"));
    Json live = intent;
    intent["spec"]["template"]["metadata"]["annotations"]["otel-console.io/config-checksum"] = "new";
    live["spec"]["template"]["metadata"]["annotations"]["otel-console.io/config-checksum"] = "old";

    const ObjectDiff diff = compare(intent, live);

    EXPECT_TRUE(diff.restartsPods);
    ASSERT_EQ(diff.fields.size(), 1u);
    EXPECT_EQ(diff.fields[0].path, "spec.template.metadata.annotations[\"otel-console.io/config-checksum\"]");
}

TEST_F(SemanticDiffTest, ReplicaChange_DoesNotRestartPods) {
    Json intent = deployment(collector("1Gi"));
    Json live = intent;
    live["spec"]["replicas"] = 5;

    const ObjectDiff diff = compare(intent, live);

    EXPECT_EQ(diff.change, ObjectChange::Update);
    EXPECT_FALSE(diff.restartsPods);
}

TEST_F(SemanticDiffTest, FieldDroppedSinceLastApply_IsReportedAsRemoved) {
    const Json previous = deployment(collector("1Gi"));
    Json intent = previous;
    intent["spec"].erase("replicas");

    const ObjectDiff diff = compare(intent, previous, &previous);

    ASSERT_EQ(diff.fields.size(), 1u);
    EXPECT_EQ(diff.fields[0].path, "spec.replicas");
    EXPECT_EQ(diff.fields[0].before, 3);
    EXPECT_TRUE(diff.fields[0].after.is_null());
}

TEST_F(SemanticDiffTest, DryRunResult_SuppliesTheNewValue) {
    const Json intent = deployment(collector("1.5Gi"));
    const Json live = deployment(collector("1Gi"));
    const Json afterApply = deployment(collector("1536Mi"));

    const ObjectDiff diff = SemanticDiff::compare(reference(intent), intent, &live, &afterApply);

    ASSERT_EQ(diff.fields.size(), 1u);
    EXPECT_EQ(diff.fields[0].after, "1536Mi");
}

struct MergeKeyCase {
    std::string field;
    Json element;
    std::vector<std::string> keys;
};

class SemanticDiffMergeKeys : public testing::TestWithParam<MergeKeyCase> {};

TEST_P(SemanticDiffMergeKeys, ElementOfList_IsIdentifiedByItsKey) {
    EXPECT_EQ(SemanticDiff::mergeKeys(GetParam().field, GetParam().element), GetParam().keys);
}

INSTANTIATE_TEST_SUITE_P(
    Lists, SemanticDiffMergeKeys,
    testing::Values(MergeKeyCase{"containers", {{"name", "a"}}, {"name"}},
                    MergeKeyCase{"initContainers", {{"name", "a"}}, {"name"}},
                    MergeKeyCase{"env", {{"name", "A"}}, {"name"}},
                    MergeKeyCase{"volumes", {{"name", "v"}}, {"name"}},
                    MergeKeyCase{"volumeMounts", {{"mountPath", "/conf"}}, {"mountPath"}},
                    MergeKeyCase{"ports", {{"containerPort", 4317}}, {"containerPort", "protocol"}},
                    MergeKeyCase{"ports", {{"port", 4317}}, {"port", "protocol"}},
                    MergeKeyCase{"tolerations", {{"operator", "Exists"}}, {}},
                    MergeKeyCase{"rules", {{"verbs", {"get"}}}, {}}));

} // namespace
