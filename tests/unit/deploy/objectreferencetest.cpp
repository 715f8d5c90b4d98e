// SPDX-License-Identifier: Apache-2.0
#include "deploy/objectreference.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

Json manifest(const std::string &apiVersion, const std::string &kind, const std::string &name,
              const std::string &namespaceName = {}) {
    Json object = {{"apiVersion", apiVersion}, {"kind", kind}, {"metadata", {{"name", name}}}};
    if (!namespaceName.empty())
        object["metadata"]["namespace"] = namespaceName;
    return object;
}

struct PathCase {
    Json manifest;
    std::string path;
    int wave;
};

class ObjectReferencePaths : public testing::TestWithParam<PathCase> {};

TEST_P(ObjectReferencePaths, Manifest_MapsToItsRestPathAndWave) {
    const Result<ObjectReference> reference = ObjectReference::fromManifest(GetParam().manifest);

    ASSERT_TRUE(reference.has_value()) << reference.error().message;
    EXPECT_EQ(reference->path(), GetParam().path);
    EXPECT_EQ(reference->applyWave(), GetParam().wave);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, ObjectReferencePaths,
    testing::Values(PathCase{manifest("v1", "Namespace", "otel"), "/api/v1/namespaces/otel", 0},
                    PathCase{manifest("v1", "ConfigMap", "c", "otel"), "/api/v1/namespaces/otel/configmaps/c",
                             1},
                    PathCase{manifest("rbac.authorization.k8s.io/v1", "ClusterRole", "r"),
                             "/apis/rbac.authorization.k8s.io/v1/clusterroles/r", 1},
                    PathCase{manifest("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "b"),
                             "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/b", 2},
                    PathCase{manifest("v1", "Service", "s", "otel"), "/api/v1/namespaces/otel/services/s", 2},
                    PathCase{manifest("apps/v1", "Deployment", "d", "otel"),
                             "/apis/apps/v1/namespaces/otel/deployments/d", 3},
                    PathCase{manifest("autoscaling/v2", "HorizontalPodAutoscaler", "h", "otel"),
                             "/apis/autoscaling/v2/namespaces/otel/horizontalpodautoscalers/h", 4},
                    PathCase{manifest("monitoring.coreos.com/v1", "ServiceMonitor", "m", "otel"),
                             "/apis/monitoring.coreos.com/v1/namespaces/otel/servicemonitors/m", 4}));

TEST(ObjectReference, UnknownKind_IsRefused) {
    const Result<ObjectReference> reference =
        ObjectReference::fromManifest(manifest("batch/v1", "Job", "j", "x"));

    ASSERT_FALSE(reference.has_value());
    EXPECT_NE(reference.error().message.find("Job"), std::string::npos);
}

TEST(ObjectReference, NamespacedKindWithoutNamespace_IsRefused) {
    EXPECT_FALSE(ObjectReference::fromManifest(manifest("v1", "ConfigMap", "c")).has_value());
}

TEST(ObjectReference, ClusterScopedKind_IgnoresANamespace) {
    const Result<ObjectReference> reference =
        ObjectReference::fromManifest(manifest("rbac.authorization.k8s.io/v1", "ClusterRole", "r", "otel"));

    ASSERT_TRUE(reference.has_value());
    EXPECT_TRUE(reference->namespaceName.empty());
    EXPECT_EQ(reference->describe(), "ClusterRole r");
}

TEST(ObjectReference, QualifiedResource_AddsTheGroup) {
    EXPECT_EQ(ObjectReference::fromManifest(manifest("apps/v1", "Deployment", "d", "x"))->qualifiedResource(),
              "deployments.apps");
    EXPECT_EQ(ObjectReference::fromManifest(manifest("v1", "Service", "s", "x"))->qualifiedResource(),
              "services");
}

TEST(ObjectReference, EmptyIntent_HoldsOnlyTheIdentity) {
    const Json intent =
        ObjectReference::fromManifest(manifest("apps/v1", "Deployment", "d", "x"))->emptyIntent();

    EXPECT_EQ(intent, Json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
                                     "metadata":{"name":"d","namespace":"x"}})"));
}

} // namespace
