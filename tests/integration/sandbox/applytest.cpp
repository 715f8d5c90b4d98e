// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

using namespace sandboxtest;
using nlohmann::json;

namespace {

const std::string kDeployment = "/apis/apps/v1/namespaces/shop/deployments/web";
const std::string kApply = "application/apply-patch+yaml";

class SandboxApply : public SandboxFixture {
protected:
    HttpResult apply(const std::string &manager, const json &intent, const std::string &extra = {}) {
        return admin().patch(kDeployment + "?fieldManager=" + manager + extra, intent.dump(), kApply);
    }

    static json withReplicas(int replicas) {
        json intent = deploymentManifest("web", "shop");
        intent["spec"]["replicas"] = replicas;
        return intent;
    }

    static json managerEntry(const json &object, const std::string &manager) {
        for (const auto &entry : object["metadata"]["managedFields"]) {
            if (entry["manager"] == manager) {
                return entry;
            }
        }
        return nullptr;
    }

    static std::vector<std::string> containerNames(const json &object) {
        std::vector<std::string> names;
        for (const auto &container : object["spec"]["template"]["spec"]["containers"]) {
            names.push_back(container["name"]);
        }
        return names;
    }
};

} // namespace

TEST_F(SandboxApply, ApplyToMissingObject_CreatesIt) {
    auto answer = apply("tool", withReplicas(2));
    ASSERT_EQ(answer.status, 201) << answer.body;
    EXPECT_EQ(answer.json["spec"]["replicas"], 2);
}

TEST_F(SandboxApply, ManagedFields_RecordApplyOwnership) {
    auto answer = apply("tool", withReplicas(2));
    const json entry = managerEntry(answer.json, "tool");
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry["operation"], "Apply");
    EXPECT_EQ(entry["apiVersion"], "apps/v1");
    EXPECT_EQ(entry["fieldsType"], "FieldsV1");
    EXPECT_TRUE(entry["fieldsV1"]["f:spec"].contains("f:replicas"));
    const json containers = entry["fieldsV1"]["f:spec"]["f:template"]["f:spec"]["f:containers"];
    ASSERT_TRUE(containers.contains("k:{\"name\":\"app\"}"));
    EXPECT_TRUE(containers["k:{\"name\":\"app\"}"].contains("."));
}

TEST_F(SandboxApply, MissingFieldManager_IsBadRequest) {
    auto answer = admin().patch(kDeployment, withReplicas(2).dump(), kApply);
    EXPECT_EQ(answer.status, 400);
    EXPECT_EQ(answer.json["reason"], "BadRequest");
}

TEST_F(SandboxApply, YamlBody_IsAccepted) {
    const std::string yaml =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n"
        "spec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n"
        "    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n"
        "      - name: app\n        image: \"nginx:1.27\"\n";
    auto answer = admin().patch(kDeployment + "?fieldManager=tool", yaml, kApply);
    ASSERT_EQ(answer.status, 201) << answer.body;
    EXPECT_EQ(answer.json["spec"]["replicas"], 2);
}

TEST_F(SandboxApply, SecondManagerChangingOwnedField_Conflicts) {
    ASSERT_EQ(apply("kubectl", withReplicas(2)).status, 201);
    auto answer = apply("other", withReplicas(5));
    EXPECT_EQ(answer.status, 409);
    EXPECT_EQ(answer.json["reason"], "Conflict");
    EXPECT_EQ(answer.json["message"],
              "Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas");
    const json cause = causeFor(answer.json, ".spec.replicas");
    EXPECT_EQ(cause["reason"], "FieldManagerConflict");
    EXPECT_EQ(cause["message"], "conflict with \"kubectl\"");
}

TEST_F(SandboxApply, ConflictWithUpdater_NamesItsApiVersion) {
    ASSERT_EQ(apply("tool", withReplicas(2)).status, 201);
    ASSERT_EQ(admin()
                  .patch(kDeployment + "/scale?fieldManager=kubectl", R"({"spec":{"replicas":3}})",
                         "application/merge-patch+json")
                  .status,
              200);
    auto answer = apply("tool", withReplicas(2));
    EXPECT_EQ(answer.status, 409);
    EXPECT_EQ(causeFor(answer.json, ".spec.replicas")["message"], "conflict with \"kubectl\" using apps/v1");
}

TEST_F(SandboxApply, SameValueFromSecondManager_SharesOwnership) {
    ASSERT_EQ(apply("kubectl", withReplicas(2)).status, 201);
    auto answer = apply("other", withReplicas(2));
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_TRUE(managerEntry(answer.json, "kubectl")["fieldsV1"]["f:spec"].contains("f:replicas"));
    EXPECT_TRUE(managerEntry(answer.json, "other")["fieldsV1"]["f:spec"].contains("f:replicas"));
}

TEST_F(SandboxApply, Force_TakesOwnership) {
    ASSERT_EQ(apply("kubectl", withReplicas(2)).status, 201);
    auto answer = apply("other", withReplicas(5), "&force=true");
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.json["spec"]["replicas"], 5);
    EXPECT_FALSE(managerEntry(answer.json, "kubectl")["fieldsV1"]["f:spec"].contains("f:replicas"));
}

TEST_F(SandboxApply, TwoManagers_OwnDifferentContainers) {
    ASSERT_EQ(apply("app-team", deploymentManifest("web", "shop")).status, 201);
    json sidecar{
        {"apiVersion", "apps/v1"},
        {"kind", "Deployment"},
        {"metadata", {{"name", "web"}, {"namespace", "shop"}}},
        {"spec",
         {{"template",
           {{"spec",
             {{"containers", json::array({{{"name", "otel"}, {"image", "otel/collector:0.1"}}})}}}}}}}};
    auto answer = apply("otel-console", sidecar);
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(containerNames(answer.json), (std::vector<std::string>{"app", "otel"}));

    // Dropping its container from the intent removes only that manager's container.
    sidecar["spec"]["template"]["spec"]["containers"] = json::array();
    auto dropped = apply("otel-console", sidecar);
    ASSERT_EQ(dropped.status, 200) << dropped.body;
    EXPECT_EQ(containerNames(dropped.json), (std::vector<std::string>{"app"}));
}

TEST_F(SandboxApply, FieldDroppedFromIntent_IsRemovedWhenUnowned) {
    json intent = deploymentManifest("web", "shop");
    intent["metadata"]["labels"] = {{"team", "a"}, {"tier", "front"}};
    ASSERT_EQ(apply("tool", intent).status, 201);
    intent["metadata"]["labels"] = {{"team", "a"}};
    auto answer = apply("tool", intent);
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["metadata"]["labels"], json({{"team", "a"}}));
}

TEST_F(SandboxApply, FieldDroppedButOwnedByOther_IsKept) {
    json intent = deploymentManifest("web", "shop");
    intent["metadata"]["labels"] = {{"tier", "front"}};
    ASSERT_EQ(apply("tool", intent).status, 201);
    ASSERT_EQ(apply("other", intent).status, 200);
    intent["metadata"].erase("labels");
    auto answer = apply("tool", intent);
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["metadata"]["labels"]["tier"], "front");
}

TEST_F(SandboxApply, DryRun_ChangesNothing) {
    ASSERT_EQ(apply("tool", withReplicas(2)).status, 201);
    auto before = admin().get(kDeployment).json["metadata"]["resourceVersion"];
    auto answer = apply("tool", withReplicas(7), "&dryRun=All");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["spec"]["replicas"], 7);
    auto after = admin().get(kDeployment);
    EXPECT_EQ(after.json["spec"]["replicas"], 2);
    EXPECT_EQ(after.json["metadata"]["resourceVersion"], before);
}

TEST_F(SandboxApply, MergePatch_SetsAndRemovesLabels) {
    admin().post("/apis/apps/v1/namespaces/shop/deployments", deploymentManifest("web", "shop"));
    auto answer = admin().patch(kDeployment, R"({"metadata":{"labels":{"a":"1","b":"2"}}})",
                                "application/merge-patch+json");
    ASSERT_EQ(answer.status, 200);
    answer =
        admin().patch(kDeployment, R"({"metadata":{"labels":{"a":null}}})", "application/merge-patch+json");
    EXPECT_EQ(answer.json["metadata"]["labels"], json({{"b", "2"}}));
}

TEST_F(SandboxApply, StrategicMergePatch_MergesContainersByName) {
    admin().post("/apis/apps/v1/namespaces/shop/deployments", deploymentManifest("web", "shop"));
    auto answer = admin().patch(
        kDeployment,
        R"({"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"},{"name":"extra","image":"busybox"}]}}}})",
        "application/strategic-merge-patch+json");
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(containerNames(answer.json), (std::vector<std::string>{"app", "extra"}));
    EXPECT_EQ(answer.json["spec"]["template"]["spec"]["containers"][0]["image"], "nginx:1.28");
    EXPECT_EQ(answer.json["metadata"]["generation"], 2);
}

TEST_F(SandboxApply, StrategicMergePatch_RolloutRestartAnnotation) {
    admin().post("/apis/apps/v1/namespaces/shop/deployments", deploymentManifest("web", "shop"));
    auto answer = admin().patch(
        kDeployment,
        R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-01-01T00:00:00Z"}}}}})",
        "application/strategic-merge-patch+json");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"],
              "2026-01-01T00:00:00Z");
    EXPECT_EQ(answer.json["spec"]["template"]["metadata"]["labels"]["app"], "web");
}

TEST_F(SandboxApply, JsonPatch_ReplacesValue) {
    admin().post("/apis/apps/v1/namespaces/shop/deployments", deploymentManifest("web", "shop"));
    auto answer = admin().patch(kDeployment, R"([{"op":"replace","path":"/spec/replicas","value":4}])",
                                "application/json-patch+json");
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.json["spec"]["replicas"], 4);
}

TEST_F(SandboxApply, PatchRecordsUpdateManager) {
    admin().post("/apis/apps/v1/namespaces/shop/deployments", deploymentManifest("web", "shop"));
    auto answer = admin().patch(kDeployment + "?fieldManager=kubectl-label",
                                R"({"metadata":{"labels":{"x":"y"}}})", "application/merge-patch+json");
    const json entry = managerEntry(answer.json, "kubectl-label");
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry["operation"], "Update");
    EXPECT_TRUE(entry["fieldsV1"]["f:metadata"]["f:labels"].contains("f:x"));
}
