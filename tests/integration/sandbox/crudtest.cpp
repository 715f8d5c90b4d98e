// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

#include <thread>

using namespace sandboxtest;
using nlohmann::json;

namespace {

class SandboxCrud : public SandboxFixture {
protected:
    const std::string deployments = "/apis/apps/v1/namespaces/shop/deployments";
    const std::string configMaps = "/api/v1/namespaces/shop/configmaps";

    // Polls until `path` answers `status`, for the work controllers do in the background.
    bool eventually(SandboxClient &client, const std::string &path, int status) {
        for (int attempt = 0; attempt < 200; ++attempt) {
            if (client.get(path).status == status) {
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
};

} // namespace

TEST_F(SandboxCrud, Create_ReturnsCreatedObjectWithServerMetadata) {
    auto answer = admin().post(deployments, deploymentManifest("web", "shop"));
    ASSERT_EQ(answer.status, 201) << answer.body;
    json metadata = answer.json["metadata"];
    EXPECT_FALSE(metadata["uid"].get<std::string>().empty());
    EXPECT_FALSE(metadata["resourceVersion"].get<std::string>().empty());
    EXPECT_EQ(metadata["generation"], 1);
    EXPECT_TRUE(metadata["creationTimestamp"].get<std::string>().ends_with("Z"));
}

TEST_F(SandboxCrud, Get_ReturnsStoredObject) {
    admin().post(configMaps, configMapManifest("settings", "shop"));
    auto answer = admin().get(configMaps + "/settings");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["data"]["key"], "value");
}

TEST_F(SandboxCrud, GetMissing_IsNotFoundWithDetails) {
    auto answer = admin().get(deployments + "/missing");
    EXPECT_EQ(answer.status, 404);
    EXPECT_EQ(answer.json["reason"], "NotFound");
    EXPECT_EQ(answer.json["message"], "deployments.apps \"missing\" not found");
    EXPECT_EQ(answer.json["details"]["name"], "missing");
    EXPECT_EQ(answer.json["details"]["group"], "apps");
    EXPECT_EQ(answer.json["details"]["kind"], "deployments");
}

TEST_F(SandboxCrud, CreateTwice_IsAlreadyExists) {
    admin().post(configMaps, configMapManifest("settings", "shop"));
    auto answer = admin().post(configMaps, configMapManifest("settings", "shop"));
    EXPECT_EQ(answer.status, 409);
    EXPECT_EQ(answer.json["reason"], "AlreadyExists");
    EXPECT_EQ(answer.json["message"], "configmaps \"settings\" already exists");
}

TEST_F(SandboxCrud, GenerateName_AppendsRandomSuffix) {
    json manifest = configMapManifest("", "shop");
    manifest["metadata"].erase("name");
    manifest["metadata"]["generateName"] = "settings-";
    auto answer = admin().post(configMaps, manifest);
    ASSERT_EQ(answer.status, 201) << answer.body;
    const std::string name = answer.json["metadata"]["name"];
    EXPECT_TRUE(name.starts_with("settings-"));
    EXPECT_EQ(name.size(), std::string("settings-").size() + 5);
}

TEST_F(SandboxCrud, CreateInMissingNamespace_IsNamespaceNotFound) {
    auto answer = admin().post("/api/v1/namespaces/nowhere/configmaps", configMapManifest("a", "nowhere"));
    EXPECT_EQ(answer.status, 404);
    EXPECT_EQ(answer.json["message"], "namespaces \"nowhere\" not found");
}

TEST_F(SandboxCrud, UpdateWithStaleResourceVersion_IsConflict) {
    auto created = admin().post(configMaps, configMapManifest("settings", "shop"));
    json first = created.json;
    first["data"]["key"] = "one";
    ASSERT_EQ(admin().put(configMaps + "/settings", first).status, 200);
    json stale = created.json;
    stale["data"]["key"] = "two";
    auto answer = admin().put(configMaps + "/settings", stale);
    EXPECT_EQ(answer.status, 409);
    EXPECT_EQ(answer.json["reason"], "Conflict");
    EXPECT_EQ(answer.json["message"],
              "Operation cannot be fulfilled on configmaps \"settings\": the object has been "
              "modified; please apply your changes to the latest version and try again");
}

TEST_F(SandboxCrud, Update_BumpsResourceVersionAndGenerationOnSpecChange) {
    auto created = admin().post(deployments, deploymentManifest("web", "shop"));
    json changed = created.json;
    changed["spec"]["replicas"] = 4;
    auto answer = admin().put(deployments + "/web", changed);
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.json["metadata"]["generation"], 2);
    EXPECT_GT(std::stoull(answer.json["metadata"]["resourceVersion"].get<std::string>()),
              std::stoull(created.json["metadata"]["resourceVersion"].get<std::string>()));
}

TEST_F(SandboxCrud, UpdateOfMainResource_KeepsStatus) {
    auto created = admin().post(deployments, deploymentManifest("web", "shop"));
    json status = created.json;
    status["status"] = {{"replicas", 1}, {"readyReplicas", 1}};
    ASSERT_EQ(admin().put(deployments + "/web/status", status).status, 200);
    json changed = admin().get(deployments + "/web").json;
    changed["status"] = {{"replicas", 9}};
    auto answer = admin().put(deployments + "/web", changed);
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["status"]["replicas"], 1);
}

TEST_F(SandboxCrud, ListAcrossNamespaces_ReturnsEveryNamespace) {
    admin().post(configMaps, configMapManifest("a", "shop"));
    admin().post("/api/v1/namespaces/observability/configmaps", configMapManifest("b", "observability"));
    auto answer = admin().get("/api/v1/configmaps?labelSelector=" + std::string("!absent"));
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["kind"], "ConfigMapList");
    std::set<std::string> names;
    for (const auto &item : answer.json["items"]) {
        names.insert(item["metadata"]["name"]);
    }
    EXPECT_TRUE(names.contains("a"));
    EXPECT_TRUE(names.contains("b"));
}

TEST_F(SandboxCrud, ListWithLabelSelector_FiltersItems) {
    for (const auto &[name, tier] :
         std::vector<std::pair<std::string, std::string>>{{"a", "front"}, {"b", "back"}}) {
        json manifest = configMapManifest(name, "shop");
        manifest["metadata"]["labels"] = {{"tier", tier}};
        admin().post(configMaps, manifest);
    }
    auto answer = admin().get(configMaps + "?labelSelector=tier%20in%20(front)");
    ASSERT_EQ(answer.status, 200);
    ASSERT_EQ(answer.json["items"].size(), 1u);
    EXPECT_EQ(answer.json["items"][0]["metadata"]["name"], "a");
}

TEST_F(SandboxCrud, ListWithFieldSelector_FiltersByName) {
    admin().post(configMaps, configMapManifest("a", "shop"));
    admin().post(configMaps, configMapManifest("b", "shop"));
    auto answer = admin().get(configMaps + "?fieldSelector=metadata.name%3Db");
    ASSERT_EQ(answer.json["items"].size(), 1u);
    EXPECT_EQ(answer.json["items"][0]["metadata"]["name"], "b");
}

TEST_F(SandboxCrud, ListWithUnknownFieldSelector_IsBadRequest) {
    EXPECT_EQ(admin().get(configMaps + "?fieldSelector=spec.unknown%3Dx").status, 400);
}

TEST_F(SandboxCrud, ListWithLimit_PagesThroughContinue) {
    // Secrets, because every namespace already holds a ConfigMap of its own (kube-root-ca.crt).
    const std::string secrets = "/api/v1/namespaces/shop/secrets";
    for (const char *name : {"a", "b", "c"}) {
        json secret = configMapManifest(name, "shop");
        secret["kind"] = "Secret";
        admin().post(secrets, secret);
    }
    auto first = admin().get(secrets + "?limit=2");
    ASSERT_EQ(first.json["items"].size(), 2u);
    const std::string token = first.json["metadata"]["continue"];
    EXPECT_EQ(first.json["metadata"]["remainingItemCount"], 1);
    auto second = admin().get(secrets + "?limit=2&continue=" + token);
    ASSERT_EQ(second.json["items"].size(), 1u);
    EXPECT_EQ(second.json["items"][0]["metadata"]["name"], "c");
    EXPECT_FALSE(second.json["metadata"].contains("continue"));
}

TEST_F(SandboxCrud, Delete_ReturnsSuccessStatusAndRemoves) {
    admin().post(configMaps, configMapManifest("settings", "shop"));
    auto answer = admin().remove(configMaps + "/settings");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["status"], "Success");
    EXPECT_EQ(answer.json["details"]["name"], "settings");
    EXPECT_EQ(admin().get(configMaps + "/settings").status, 404);
}

TEST_F(SandboxCrud, DeleteCollection_RemovesSelectedObjects) {
    for (const char *name : {"a", "b"}) {
        json manifest = configMapManifest(name, "shop");
        manifest["metadata"]["labels"] = {{"batch", name}};
        admin().post(configMaps, manifest);
    }
    ASSERT_EQ(admin().remove(configMaps + "?labelSelector=batch%3Da").status, 200);
    EXPECT_EQ(admin().get(configMaps + "/a").status, 404);
    EXPECT_EQ(admin().get(configMaps + "/b").status, 200);
}

TEST_F(SandboxCrud, DeleteOwner_CascadesToDependentsInBackground) {
    auto owner = admin().post(configMaps, configMapManifest("owner", "shop"));
    json dependent = configMapManifest("dependent", "shop");
    dependent["metadata"]["ownerReferences"] = json::array({{{"apiVersion", "v1"},
                                                             {"kind", "ConfigMap"},
                                                             {"name", "owner"},
                                                             {"uid", owner.json["metadata"]["uid"]}}});
    admin().post(configMaps, dependent);
    auto client = admin();
    ASSERT_EQ(client.remove(configMaps + "/owner").status, 200);
    EXPECT_TRUE(eventually(client, configMaps + "/dependent", 404));
}

TEST_F(SandboxCrud, DeleteOrphan_KeepsDependentsWithoutOwnerReference) {
    auto owner = admin().post(configMaps, configMapManifest("owner", "shop"));
    json dependent = configMapManifest("dependent", "shop");
    dependent["metadata"]["ownerReferences"] = json::array({{{"apiVersion", "v1"},
                                                             {"kind", "ConfigMap"},
                                                             {"name", "owner"},
                                                             {"uid", owner.json["metadata"]["uid"]}}});
    admin().post(configMaps, dependent);
    auto client = admin();
    ASSERT_EQ(client.remove(configMaps + "/owner?propagationPolicy=Orphan").status, 200);
    ASSERT_TRUE(eventually(client, configMaps + "/owner", 404));
    auto kept = client.get(configMaps + "/dependent");
    ASSERT_EQ(kept.status, 200);
    EXPECT_FALSE(kept.json["metadata"].contains("ownerReferences"));
}

TEST_F(SandboxCrud, DeleteForeground_KeepsOwnerUntilDependentsAreGone) {
    auto owner = admin().post(configMaps, configMapManifest("owner", "shop"));
    json dependent = configMapManifest("dependent", "shop");
    dependent["metadata"]["ownerReferences"] = json::array({{{"apiVersion", "v1"},
                                                             {"kind", "ConfigMap"},
                                                             {"name", "owner"},
                                                             {"uid", owner.json["metadata"]["uid"]}}});
    dependent["metadata"]["finalizers"] = json::array({"example.com/hold"});
    admin().post(configMaps, dependent);

    auto client = admin();
    auto answer = client.remove(configMaps + "/owner", R"({"propagationPolicy":"Foreground"})");
    ASSERT_EQ(answer.status, 200);
    EXPECT_TRUE(answer.json["metadata"].contains("deletionTimestamp"));
    EXPECT_EQ(answer.json["metadata"]["finalizers"], json::array({"foregroundDeletion"}));
    ASSERT_TRUE(m_cluster.waitForControllers(std::chrono::seconds(5)));
    EXPECT_EQ(client.get(configMaps + "/owner").status, 200);

    client.patch(configMaps + "/dependent", R"({"metadata":{"finalizers":null}})",
                 "application/merge-patch+json");
    EXPECT_TRUE(eventually(client, configMaps + "/dependent", 404));
    EXPECT_TRUE(eventually(client, configMaps + "/owner", 404));
}

TEST_F(SandboxCrud, DeleteNamespace_TerminatesThenRemovesContents) {
    auto client = admin();
    ASSERT_EQ(client.post("/api/v1/namespaces", namespaceManifest("temp")).status, 201);
    ASSERT_EQ(client.post("/api/v1/namespaces/temp/configmaps", configMapManifest("a", "temp")).status, 201);
    auto answer = client.remove("/api/v1/namespaces/temp");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["status"]["phase"], "Terminating");

    auto refused = client.post("/api/v1/namespaces/temp/configmaps", configMapManifest("b", "temp"));
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.json["reason"], "Forbidden");
    EXPECT_EQ(causeFor(refused.json, "metadata.namespace")["reason"], "NamespaceTerminating");
    EXPECT_TRUE(eventually(client, "/api/v1/namespaces/temp", 404));
    EXPECT_EQ(client.get("/api/v1/namespaces/temp/configmaps/a").status, 404);
}

TEST_F(SandboxCrud, NewNamespace_GetsDefaultServiceAccount) {
    auto client = admin();
    client.post("/api/v1/namespaces", namespaceManifest("fresh"));
    EXPECT_TRUE(eventually(client, "/api/v1/namespaces/fresh/serviceaccounts/default", 200));
}

TEST_F(SandboxCrud, DryRunCreate_StoresNothing) {
    auto answer = admin().post(configMaps + "?dryRun=All", configMapManifest("ghost", "shop"));
    ASSERT_EQ(answer.status, 201);
    EXPECT_FALSE(answer.json["metadata"]["uid"].get<std::string>().empty());
    EXPECT_EQ(admin().get(configMaps + "/ghost").status, 404);
}

TEST_F(SandboxCrud, DryRunDelete_KeepsObject) {
    admin().post(configMaps, configMapManifest("settings", "shop"));
    const std::string before =
        admin().get("/api/v1/namespaces/shop/configmaps").json["metadata"]["resourceVersion"];
    EXPECT_EQ(admin().remove(configMaps + "/settings?dryRun=All").status, 200);
    EXPECT_EQ(admin().get(configMaps + "/settings").status, 200);
    EXPECT_EQ(admin().get("/api/v1/namespaces/shop/configmaps").json["metadata"]["resourceVersion"], before);
}

TEST_F(SandboxCrud, ScaleSubresource_ReadsAndWritesReplicas) {
    admin().post(deployments, deploymentManifest("web", "shop"));
    auto scale = admin().get(deployments + "/web/scale");
    ASSERT_EQ(scale.status, 200);
    EXPECT_EQ(scale.json["kind"], "Scale");
    EXPECT_EQ(scale.json["spec"]["replicas"], 1);
    EXPECT_EQ(scale.json["status"]["selector"], "app=web");
    const auto patched = admin().patch(deployments + "/web/scale", R"({"spec":{"replicas":3}})",
                                       "application/merge-patch+json");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(admin().get(deployments + "/web").json["spec"]["replicas"], 3);
}

TEST_F(SandboxCrud, PodLog_AnswersPlainText) {
    json pod{{"apiVersion", "v1"},
             {"kind", "Pod"},
             {"metadata", {{"name", "p"}, {"namespace", "shop"}}},
             {"spec", {{"containers", json::array({{{"name", "c"}, {"image", "busybox"}}})}}}};
    ASSERT_EQ(admin().post("/api/v1/namespaces/shop/pods", pod).status, 201);
    auto answer = admin().get("/api/v1/namespaces/shop/pods/p/log");
    EXPECT_EQ(answer.status, 200);
    EXPECT_TRUE(answer.contentType.starts_with("text/plain"));
}

TEST_F(SandboxCrud, ServiceAccountToken_AuthenticatesAsServiceAccount) {
    const std::string token = m_cluster.issueServiceAccountToken("shop", "collector");
    SandboxClient collector(m_cluster, token);
    auto answer = collector.get("/api/v1/namespaces/shop/pods");
    EXPECT_EQ(answer.status, 403);
    EXPECT_NE(answer.json["message"].get<std::string>().find("system:serviceaccount:shop:collector"),
              std::string::npos);
}

TEST_F(SandboxCrud, Tables_AreServedWhenAsked) {
    auto answer =
        admin().get("/api/v1/nodes", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json["kind"], "Table");
    EXPECT_EQ(answer.json["columnDefinitions"][0]["name"], "Name");
    EXPECT_EQ(answer.json["rows"].size(), 3u);
    EXPECT_EQ(answer.json["rows"][0]["cells"][1], "Ready");
}
