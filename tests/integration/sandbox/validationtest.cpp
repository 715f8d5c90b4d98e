// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

using namespace sandboxtest;
using nlohmann::json;

namespace {

const std::string kDeployments = "/apis/apps/v1/namespaces/shop/deployments";

class SandboxDefaulting : public SandboxFixture {};

/// One invalid manifest and the cause the API server must report for it.
struct InvalidCase {
    std::string name;
    std::string path;
    std::function<json()> manifest;
    std::string field;
    std::string reason;
};

class SandboxValidation : public SandboxFixture, public ::testing::WithParamInterface<InvalidCase> {};

json deploymentWith(const std::function<void(json &)> &change) {
    json manifest = deploymentManifest("web", "shop");
    change(manifest);
    return manifest;
}

json serviceWith(const std::function<void(json &)> &change) {
    json manifest = serviceManifest("web", "shop");
    change(manifest);
    return manifest;
}

json &container(json &manifest) {
    return manifest["spec"]["template"]["spec"]["containers"][0];
}

const std::vector<InvalidCase> kInvalidCases{
    {"BadName", kDeployments,
     [] { return deploymentWith([](json &m) { m["metadata"]["name"] = "Bad_Name"; }); }, "metadata.name",
     "FieldValueInvalid"},
    {"MissingImage", kDeployments,
     [] { return deploymentWith([](json &m) { container(m).erase("image"); }); },
     "spec.template.spec.containers[0].image", "FieldValueRequired"},
    {"MissingContainerName", kDeployments,
     [] { return deploymentWith([](json &m) { container(m).erase("name"); }); },
     "spec.template.spec.containers[0].name", "FieldValueRequired"},
    {"MissingSelector", kDeployments,
     [] { return deploymentWith([](json &m) { m["spec"].erase("selector"); }); }, "spec.selector",
     "FieldValueRequired"},
    {"SelectorMismatch", kDeployments,
     [] {
         return deploymentWith([](json &m) { m["spec"]["template"]["metadata"]["labels"]["app"] = "other"; });
     },
     "spec.template.metadata.labels", "FieldValueInvalid"},
    {"NegativeReplicas", kDeployments,
     [] { return deploymentWith([](json &m) { m["spec"]["replicas"] = -1; }); }, "spec.replicas",
     "FieldValueInvalid"},
    {"BadQuantity", kDeployments,
     [] { return deploymentWith([](json &m) { container(m)["resources"]["limits"]["cpu"] = "lots"; }); },
     "spec.template.spec.containers[0].resources.limits[cpu]", "FieldValueInvalid"},
    {"RequestAboveLimit", kDeployments,
     [] {
         return deploymentWith([](json &m) {
             container(m)["resources"] = {{"limits", {{"cpu", "1"}}}, {"requests", {{"cpu", "2"}}}};
         });
     },
     "spec.template.spec.containers[0].resources.requests[cpu]", "FieldValueInvalid"},
    {"UnsupportedStrategy", kDeployments,
     [] { return deploymentWith([](json &m) {
              m["spec"]["strategy"] = {{"type", "Sideways"}};
          }); },
     "spec.strategy.type", "FieldValueNotSupported"},
    {"ServiceNameStartingWithDigit", "/api/v1/namespaces/shop/services",
     [] { return serviceWith([](json &m) { m["metadata"]["name"] = "1web"; }); }, "metadata.name",
     "FieldValueInvalid"},
    {"ServiceWithoutPorts", "/api/v1/namespaces/shop/services",
     [] { return serviceWith([](json &m) { m["spec"].erase("ports"); }); }, "spec.ports",
     "FieldValueRequired"},
    {"ServiceBadType", "/api/v1/namespaces/shop/services",
     [] { return serviceWith([](json &m) { m["spec"]["type"] = "Magic"; }); }, "spec.type",
     "FieldValueNotSupported"},
    {"NamespaceMismatch", kDeployments,
     [] { return deploymentWith([](json &m) { m["metadata"]["namespace"] = "observability"; }); },
     "metadata.namespace", "FieldValueInvalid"},
    {"KindMismatch", kDeployments, [] { return deploymentWith([](json &m) { m["kind"] = "DaemonSet"; }); },
     "kind", "FieldValueInvalid"},
    {"NamespaceNameNotLabel", "/api/v1/namespaces", [] { return namespaceManifest("has.dots"); },
     "metadata.name", "FieldValueInvalid"},
};

} // namespace

TEST_P(SandboxValidation, InvalidObject_IsRejectedWithCause) {
    const InvalidCase &invalid = GetParam();
    auto answer = admin().post(invalid.path, invalid.manifest());
    ASSERT_EQ(answer.status, 422) << answer.body;
    EXPECT_EQ(answer.json["reason"], "Invalid");
    const json cause = causeFor(answer.json, invalid.field);
    ASSERT_TRUE(cause.is_object()) << answer.body;
    EXPECT_EQ(cause["reason"], invalid.reason);
}

INSTANTIATE_TEST_SUITE_P(Cases, SandboxValidation, ::testing::ValuesIn(kInvalidCases),
                         [](const ::testing::TestParamInfo<InvalidCase> &param) { return param.param.name; });

TEST_F(SandboxDefaulting, SelectorMismatch_HasKubernetesMessage) {
    const auto answer = admin().post(kDeployments, deploymentWith([](json &m) {
                                         m["spec"]["template"]["metadata"]["labels"]["app"] = "y";
                                     }));
    EXPECT_EQ(answer.json["message"],
              "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: "
              "map[string]string{\"app\":\"y\"}: `selector` does not match template `labels`");
}

TEST_F(SandboxDefaulting, SelectorChangeOnUpdate_IsImmutable) {
    auto created = admin().post(kDeployments, deploymentManifest("web", "shop"));
    json changed = created.json;
    changed["spec"]["selector"]["matchLabels"]["app"] = "other";
    changed["spec"]["template"]["metadata"]["labels"]["app"] = "other";
    auto answer = admin().put(kDeployments + "/web", changed);
    EXPECT_EQ(answer.status, 422);
    EXPECT_NE(causeFor(answer.json, "spec.selector")["message"].get<std::string>().find("field is immutable"),
              std::string::npos);
}

TEST_F(SandboxDefaulting, Deployment_GetsServerDefaults) {
    auto answer = admin().post(kDeployments, deploymentManifest("web", "shop"));
    json spec = answer.json["spec"];
    EXPECT_EQ(spec["replicas"], 1);
    EXPECT_EQ(spec["strategy"]["type"], "RollingUpdate");
    EXPECT_EQ(spec["strategy"]["rollingUpdate"]["maxUnavailable"], "25%");
    EXPECT_EQ(spec["strategy"]["rollingUpdate"]["maxSurge"], "25%");
    EXPECT_EQ(spec["revisionHistoryLimit"], 10);
    EXPECT_EQ(spec["progressDeadlineSeconds"], 600);
    json pod = spec["template"]["spec"];
    EXPECT_EQ(pod["restartPolicy"], "Always");
    EXPECT_EQ(pod["dnsPolicy"], "ClusterFirst");
    EXPECT_EQ(pod["terminationGracePeriodSeconds"], 30);
    EXPECT_EQ(pod["containers"][0]["imagePullPolicy"], "IfNotPresent");
    EXPECT_EQ(pod["containers"][0]["terminationMessagePath"], "/dev/termination-log");
}

TEST_F(SandboxDefaulting, LatestImage_IsPulledAlways) {
    const auto answer =
        admin().post(kDeployments, deploymentWith([](json &m) { container(m)["image"] = "nginx:latest"; }));
    EXPECT_EQ(answer.json["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy"], "Always");
}

TEST_F(SandboxDefaulting, Quantities_AreCanonical) {
    auto answer =
        admin().post(kDeployments, deploymentWith([](json &m) {
                         container(m)["resources"] = {{"limits", {{"cpu", "0.5"}, {"memory", "1024Mi"}}}};
                     }));
    ASSERT_EQ(answer.status, 201) << answer.body;
    json limits = answer.json["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"];
    EXPECT_EQ(limits["cpu"], "500m");
    EXPECT_EQ(limits["memory"], "1Gi");
}

TEST_F(SandboxDefaulting, DaemonSet_GetsRollingUpdateDefaults) {
    json manifest = deploymentManifest("agent", "shop");
    manifest["kind"] = "DaemonSet";
    auto answer = admin().post("/apis/apps/v1/namespaces/shop/daemonsets", manifest);
    ASSERT_EQ(answer.status, 201) << answer.body;
    EXPECT_EQ(answer.json["spec"]["updateStrategy"]["type"], "RollingUpdate");
    EXPECT_EQ(answer.json["spec"]["updateStrategy"]["rollingUpdate"]["maxUnavailable"], 1);
}

TEST_F(SandboxDefaulting, Service_GetsClusterIpAndPortDefaults) {
    auto answer = admin().post("/api/v1/namespaces/shop/services", serviceManifest("web", "shop"));
    ASSERT_EQ(answer.status, 201) << answer.body;
    json spec = answer.json["spec"];
    EXPECT_EQ(spec["type"], "ClusterIP");
    EXPECT_EQ(spec["sessionAffinity"], "None");
    EXPECT_TRUE(spec["clusterIP"].get<std::string>().starts_with("10."));
    EXPECT_EQ(spec["clusterIPs"][0], spec["clusterIP"]);
    EXPECT_EQ(spec["ports"][0]["protocol"], "TCP");
    EXPECT_EQ(spec["ports"][0]["targetPort"], 80);
}

TEST_F(SandboxDefaulting, ServiceClusterIpChange_IsImmutable) {
    auto created = admin().post("/api/v1/namespaces/shop/services", serviceManifest("web", "shop"));
    json changed = created.json;
    changed["spec"]["clusterIP"] = "10.96.77.77";
    changed["spec"]["clusterIPs"] = {"10.96.77.77"};
    auto answer = admin().put("/api/v1/namespaces/shop/services/web", changed);
    EXPECT_EQ(answer.status, 422);
    EXPECT_TRUE(causeFor(answer.json, "spec.clusterIP").is_object());
}

TEST_F(SandboxDefaulting, RequestedClusterIpInUse_IsRejected) {
    json first = serviceManifest("a", "shop");
    first["spec"]["clusterIP"] = "10.96.10.10";
    ASSERT_EQ(admin().post("/api/v1/namespaces/shop/services", first).status, 201);
    json second = serviceManifest("b", "shop");
    second["spec"]["clusterIP"] = "10.96.10.10";
    EXPECT_EQ(admin().post("/api/v1/namespaces/shop/services", second).status, 422);
}

TEST_F(SandboxDefaulting, NativeSidecar_IsKeptOnCurrentRelease) {
    auto answer = admin().post(
        kDeployments, deploymentWith([](json &m) {
            m["spec"]["template"]["spec"]["initContainers"] =
                json::array({{{"name", "otel"}, {"image", "otel/collector:1"}, {"restartPolicy", "Always"}}});
        }));
    ASSERT_EQ(answer.status, 201) << answer.body;
    EXPECT_EQ(answer.json["spec"]["template"]["spec"]["initContainers"][0]["restartPolicy"], "Always");
}
