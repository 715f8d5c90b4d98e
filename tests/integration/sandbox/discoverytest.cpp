// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

using namespace sandboxtest;
using nlohmann::json;

namespace {

class SandboxDiscovery : public SandboxFixture {};

class SandboxDiscoveryWithoutOptionalApis : public SandboxFixture {
protected:
    otelconsole::sandbox::SandboxOptions options() const override {
        auto settings = SandboxFixture::options();
        settings.serviceMonitorCrd = false;
        settings.metricsApi = false;
        settings.serverVersion = "1.28.0";
        return settings;
    }
};

json resourceNamed(const json &list, const std::string &name) {
    for (const auto &resource : list["resources"]) {
        if (resource["name"] == name) {
            return resource;
        }
    }
    return nullptr;
}

} // namespace

TEST_F(SandboxDiscovery, Version_ReportsConfiguredRelease) {
    auto answer = admin().get("/version");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["gitVersion"], "v1.31.4");
    EXPECT_EQ(answer.json["major"], "1");
    EXPECT_EQ(answer.json["minor"], "31");
}

TEST_F(SandboxDiscovery, Version_IsPublic) {
    EXPECT_EQ(anonymous().get("/version").status, 200);
}

TEST_F(SandboxDiscovery, CoreApi_ListsVersionV1) {
    auto answer = admin().get("/api");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["kind"], "APIVersions");
    EXPECT_EQ(answer.json["versions"], json::array({"v1"}));
}

TEST_F(SandboxDiscovery, GroupList_ContainsAppsRbacAndOptionalGroups) {
    auto answer = admin().get("/apis");
    ASSERT_EQ(answer.status, 200);
    std::vector<std::string> names;
    for (const auto &group : answer.json["groups"]) {
        names.push_back(group["name"]);
    }
    for (const char *expected : {"apps", "rbac.authorization.k8s.io", "autoscaling", "policy",
                                 "authorization.k8s.io", "monitoring.coreos.com", "metrics.k8s.io"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
    }
}

TEST_F(SandboxDiscovery, AppsResourceList_DescribesDeploymentsAndScale) {
    auto answer = admin().get("/apis/apps/v1");
    ASSERT_EQ(answer.status, 200);
    const json deployments = resourceNamed(answer.json, "deployments");
    ASSERT_TRUE(deployments.is_object());
    EXPECT_EQ(deployments["kind"], "Deployment");
    EXPECT_EQ(deployments["singularName"], "deployment");
    EXPECT_EQ(deployments["namespaced"], true);
    EXPECT_EQ(deployments["shortNames"], json::array({"deploy"}));
    const json scale = resourceNamed(answer.json, "deployments/scale");
    ASSERT_TRUE(scale.is_object());
    EXPECT_EQ(scale["group"], "autoscaling");
    EXPECT_EQ(scale["kind"], "Scale");
}

TEST_F(SandboxDiscovery, CoreResourceList_HasPodLogAndClusterScopedNodes) {
    auto answer = admin().get("/api/v1");
    ASSERT_EQ(answer.status, 200);
    EXPECT_TRUE(resourceNamed(answer.json, "pods/log").is_object());
    EXPECT_EQ(resourceNamed(answer.json, "nodes")["namespaced"], false);
}

TEST_F(SandboxDiscovery, AggregatedDiscoveryRequest_GetsPlainGroupList) {
    auto answer = admin().get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                                       "application/json");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.contentType, "application/json");
    EXPECT_EQ(answer.json["kind"], "APIGroupList");
}

TEST_F(SandboxDiscovery, UnknownGroupVersion_IsNotFoundStatus) {
    auto answer = admin().get("/apis/example.com/v1");
    EXPECT_EQ(answer.status, 404);
    EXPECT_EQ(answer.json["kind"], "Status");
    EXPECT_EQ(answer.json["reason"], "NotFound");
}

TEST_F(SandboxDiscovery, OpenApi_IsNotFound) {
    EXPECT_EQ(admin().get("/openapi/v2").status, 404);
}

TEST_F(SandboxDiscovery, Nodes_AreCreatedAtStartWithZonesAndCapacity) {
    auto answer = admin().get("/api/v1/nodes");
    ASSERT_EQ(answer.status, 200);
    ASSERT_EQ(answer.json["items"].size(), 3u);
    json node = answer.json["items"][0];
    EXPECT_EQ(node["metadata"]["name"], "sandbox-node-1");
    EXPECT_EQ(node["metadata"]["labels"]["kubernetes.io/hostname"], "sandbox-node-1");
    EXPECT_EQ(node["metadata"]["labels"]["topology.kubernetes.io/zone"], "sandbox-zone-a");
    EXPECT_EQ(node["status"]["allocatable"]["memory"], "16Gi");
    EXPECT_EQ(node["status"]["allocatable"]["pods"], "110");
}

TEST_F(SandboxDiscovery, OperatorNamespaces_ExistAtStart) {
    for (const char *ns : {"otlp-system", "observability", "shop", "default", "kube-system"}) {
        EXPECT_EQ(admin().get(std::string("/api/v1/namespaces/") + ns).status, 200) << ns;
    }
}

TEST_F(SandboxDiscoveryWithoutOptionalApis, ServiceMonitorGroup_IsAbsent) {
    EXPECT_EQ(admin().get("/apis/monitoring.coreos.com/v1").status, 404);
}

TEST_F(SandboxDiscoveryWithoutOptionalApis, MetricsGroup_IsAbsent) {
    EXPECT_EQ(admin().get("/apis/metrics.k8s.io/v1beta1").status, 404);
    EXPECT_EQ(admin().get("/apis/metrics.k8s.io/v1beta1/nodes").status, 404);
}

TEST_F(SandboxDiscoveryWithoutOptionalApis, Version_ReportsOldRelease) {
    EXPECT_EQ(admin().get("/version").json["gitVersion"], "v1.28.0");
}
