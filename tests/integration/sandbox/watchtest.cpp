// SPDX-License-Identifier: Apache-2.0
#include "api/watchstream.h"
#include "sandboxfixture.h"
#include "store/clock.h"
#include "store/objectstore.h"

#include <thread>

using namespace sandboxtest;
using nlohmann::json;

namespace {

const std::string kConfigMaps = "/api/v1/namespaces/shop/configmaps";

class SandboxWatch : public SandboxFixture {
protected:
    std::string listVersion() { return admin().get(kConfigMaps).json["metadata"]["resourceVersion"]; }

    // Runs `writes` on another thread shortly after the watch has had time to connect.
    std::thread later(std::function<void(SandboxClient &)> writes) {
        return std::thread([this, writes] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            SandboxClient client = admin();
            writes(client);
        });
    }

    static bool hasType(const std::vector<json> &events, const std::string &type) {
        return std::any_of(events.begin(), events.end(),
                           [&](const json &e) { return e.value("type", "") == type; });
    }
};

} // namespace

TEST_F(SandboxWatch, FromListVersion_SeesAddModifyDelete) {
    const std::string version = listVersion();
    auto writer = later([](SandboxClient &client) {
        client.post(kConfigMaps, configMapManifest("w", "shop"));
        client.patch(kConfigMaps + "/w", R"({"data":{"key":"changed"}})", "application/merge-patch+json");
        client.remove(kConfigMaps + "/w");
    });
    auto events = admin().watch(
        kConfigMaps + "?watch=1&timeoutSeconds=10&resourceVersion=" + version,
        [](const std::vector<json> &e) { return e.size() >= 3; }, std::chrono::seconds(10));
    writer.join();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0]["type"], "ADDED");
    EXPECT_EQ(events[1]["type"], "MODIFIED");
    EXPECT_EQ(events[1]["object"]["data"]["key"], "changed");
    EXPECT_EQ(events[2]["type"], "DELETED");
}

TEST_F(SandboxWatch, WithoutVersion_StartsWithExistingObjects) {
    admin().post(kConfigMaps, configMapManifest("existing", "shop"));
    auto events = admin().watch(
        kConfigMaps + "?watch=true&timeoutSeconds=5", [](const std::vector<json> &e) { return !e.empty(); },
        std::chrono::seconds(5));
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0]["type"], "ADDED");
    EXPECT_EQ(events[0]["object"]["metadata"]["name"], "existing");
}

TEST_F(SandboxWatch, ResumeFromVersion_ReplaysMissedEvents) {
    const std::string version = listVersion();
    admin().post(kConfigMaps, configMapManifest("missed", "shop"));
    auto events = admin().watch(
        kConfigMaps + "?watch=1&timeoutSeconds=5&resourceVersion=" + version,
        [](const std::vector<json> &e) { return !e.empty(); }, std::chrono::seconds(5));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0]["object"]["metadata"]["name"], "missed");
}

TEST_F(SandboxWatch, VersionOlderThanHistory_IsExpired) {
    const std::string version = listVersion();
    admin().post(kConfigMaps, configMapManifest("a", "shop"));
    admin().post(kConfigMaps, configMapManifest("b", "shop"));
    m_cluster.clock().advance(std::chrono::minutes(10));
    admin().post(kConfigMaps, configMapManifest("c", "shop"));
    auto answer = admin().get(kConfigMaps + "?watch=1&resourceVersion=" + version);
    EXPECT_EQ(answer.status, 410);
    EXPECT_EQ(answer.json["reason"], "Expired");
    EXPECT_TRUE(
        answer.json["message"].get<std::string>().starts_with("too old resource version: " + version));
}

TEST_F(SandboxWatch, Bookmarks_AreSentWhenAllowed) {
    auto events = admin().watch(
        kConfigMaps + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=5&resourceVersion=" + listVersion(),
        [](const std::vector<json> &e) { return !e.empty(); }, std::chrono::seconds(5));
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0]["type"], "BOOKMARK");
    EXPECT_EQ(events[0]["object"]["kind"], "ConfigMap");
    EXPECT_FALSE(events[0]["object"]["metadata"]["resourceVersion"].get<std::string>().empty());
}

TEST_F(SandboxWatch, WithoutBookmarksAllowed_NoBookmarkArrives) {
    auto events = admin().watch(
        kConfigMaps + "?watch=1&timeoutSeconds=1&resourceVersion=" + listVersion(),
        [](const std::vector<json> &) { return false; }, std::chrono::seconds(5));
    EXPECT_FALSE(hasType(events, "BOOKMARK"));
}

TEST_F(SandboxWatch, TimeoutSeconds_EndsStreamCleanly) {
    const auto started = std::chrono::steady_clock::now();
    admin().watch(
        kConfigMaps + "?watch=1&timeoutSeconds=1&resourceVersion=" + listVersion(),
        [](const std::vector<json> &) { return false; }, std::chrono::seconds(10));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(8));
}

TEST_F(SandboxWatch, FieldSelectorOnName_SeesOnlyThatObject) {
    const std::string version = listVersion();
    auto writer = later([](SandboxClient &client) {
        client.post(kConfigMaps, configMapManifest("other", "shop"));
        client.post(kConfigMaps, configMapManifest("target", "shop"));
    });
    auto events = admin().watch(
        kConfigMaps
            + "?watch=1&timeoutSeconds=5&fieldSelector=metadata.name%3Dtarget"
              "&resourceVersion="
            + version,
        [](const std::vector<json> &e) { return !e.empty(); }, std::chrono::seconds(5));
    writer.join();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0]["object"]["metadata"]["name"], "target");
}

TEST_F(SandboxWatch, ObjectLeavingSelector_IsSeenAsDeleted) {
    json labelled = configMapManifest("moving", "shop");
    labelled["metadata"]["labels"] = {{"watch", "me"}};
    admin().post(kConfigMaps, labelled);
    const std::string version = listVersion();
    auto writer = later([](SandboxClient &client) {
        client.patch(kConfigMaps + "/moving", R"({"metadata":{"labels":{"watch":null}}})",
                     "application/merge-patch+json");
    });
    auto events = admin().watch(
        kConfigMaps + "?watch=1&timeoutSeconds=5&labelSelector=watch%3Dme&resourceVersion=" + version,
        [](const std::vector<json> &e) { return !e.empty(); }, std::chrono::seconds(5));
    writer.join();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0]["type"], "DELETED");
}

TEST_F(SandboxWatch, Stop_EndsOpenWatches) {
    std::thread stopper([this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        m_cluster.stop();
    });
    const auto started = std::chrono::steady_clock::now();
    admin().watch(
        kConfigMaps + "?watch=1", [](const std::vector<json> &) { return false; }, std::chrono::seconds(20));
    stopper.join();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

namespace {

class WatchStreamHistory : public ::testing::Test {
protected:
    otelconsole::sandbox::Clock m_clock;
    otelconsole::sandbox::ObjectStore m_store{m_clock, std::chrono::seconds(60)};

    void createConfigMap(const std::string &name) {
        ASSERT_TRUE(m_store.create("configmaps", configMapManifest(name, "shop")).has_value());
    }
};

} // namespace

TEST_F(WatchStreamHistory, FallingBehindWindow_EmitsExpiredErrorAndEnds) {
    createConfigMap("a");
    otelconsole::sandbox::WatchStream::Setup setup;
    setup.store = &m_store;
    setup.resource = "configmaps";
    setup.kind = "ConfigMap";
    setup.apiVersion = "v1";
    setup.startVersion = m_store.resourceVersion();
    setup.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    otelconsole::sandbox::WatchStream stream(setup);

    createConfigMap("b");
    createConfigMap("c");
    m_clock.advance(std::chrono::minutes(5));
    createConfigMap("d");

    std::string chunk;
    EXPECT_FALSE(stream.next(chunk));
    const json event = json::parse(chunk.substr(0, chunk.find('\n')));
    EXPECT_EQ(event["type"], "ERROR");
    EXPECT_EQ(event["object"]["code"], 410);
    EXPECT_EQ(event["object"]["reason"], "Expired");
}
