// SPDX-License-Identifier: Apache-2.0
#include "kube/kubeclient.h"
#include "kube/kubeconfigloader.h"
#include "kube/kubewatch.h"
#include "testapiserver.h"
#include "testapplication.h"
#include "testpki.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace otelconsole;
using namespace otelconsole::test;
using namespace std::chrono_literals;

namespace {

const std::string podsPath = "/api/v1/namespaces/otel/pods";

/// What a watch reported, in order, as short strings: "ADDED a 11", "BOOKMARK 13", "EXPIRED", ...
struct WatchLog {
    std::vector<std::string> entries;
    std::optional<Error> failure;

    void attach(KubeWatch &watch) {
        QObject::connect(&watch, &KubeWatch::event, &watch,
                         [this](KubeWatch::EventType type, const Json &object) {
                             const char *names[] = {"ADDED", "MODIFIED", "DELETED"};
                             entries.push_back(std::string(names[static_cast<int>(type)]) + " "
                                               + object["metadata"]["name"].get<std::string>() + " "
                                               + object["metadata"]["resourceVersion"].get<std::string>());
                         });
        QObject::connect(&watch, &KubeWatch::bookmark, &watch,
                         [this](const std::string &version) { entries.push_back("BOOKMARK " + version); });
        QObject::connect(&watch, &KubeWatch::expired, &watch, [this] { entries.push_back("EXPIRED"); });
        QObject::connect(&watch, &KubeWatch::relisted, &watch,
                         [this](const Json &items, const std::string &version) {
                             entries.push_back("RELISTED " + std::to_string(items.size()) + " " + version);
                         });
        QObject::connect(&watch, &KubeWatch::failed, &watch, [this](const Error &error) { failure = error; });
    }

    [[nodiscard]] bool contains(const std::string &entry) const {
        return std::find(entries.begin(), entries.end(), entry) != entries.end();
    }
};

std::string event(const std::string &type, const std::string &name, const std::string &version) {
    const Json object = {{"kind", "Pod"}, {"metadata", {{"name", name}, {"resourceVersion", version}}}};
    return Json{{"type", type}, {"object", object}}.dump() + "\n";
}

class KubeWatchTest : public testing::Test {
protected:
    static void SetUpTestSuite() { s_pki = new TestPki; }
    static void TearDownTestSuite() {
        delete s_pki;
        s_pki = nullptr;
    }

    void SetUp() override {
        ensureApplication();
        ASSERT_TRUE(s_pki->isValid());
        m_server = std::make_unique<TestApiServer>(*s_pki);
    }

    void TearDown() override {
        m_stopping = true;
        m_server.reset();
    }

    std::unique_ptr<KubeClient> client() {
        const std::string yaml = "current-context: dev\nclusters:\n- name: sandbox\n  cluster:\n    server: "
                                 + m_server->url() + "\n    certificate-authority-data: "
                                 + s_pki->read(QStringLiteral("ca.crt")).toBase64().toStdString()
                                 + "\nusers:\n- name: alice\n  user: {token: t}\n"
                                   "contexts:\n- name: dev\n  context: {cluster: sandbox, user: alice}\n";
        const auto config = KubeConfigLoader::parse(yaml, "kubeconfig");
        const auto connection = ClusterConnection::resolve(*config);
        EXPECT_TRUE(connection.has_value());
        KubeClientOptions options;
        options.retry.initialDelay = 10ms;
        options.retry.maxDelay = 50ms;
        return std::make_unique<KubeClient>(*connection, options);
    }

    /// Streams the pieces with a pause between them (so they arrive as separate reads), then waits
    /// until the test ends if `hold` is set, then ends the stream.
    void stream(httplib::Response &response, std::vector<std::string> pieces, bool hold) {
        response.set_chunked_content_provider("application/json", [this, pieces = std::move(pieces), hold](
                                                                      std::size_t, httplib::DataSink &sink) {
            for (const std::string &piece : pieces) {
                sink.write(piece.data(), piece.size());
                std::this_thread::sleep_for(100ms);
            }
            while (hold && !m_stopping)
                std::this_thread::sleep_for(10ms);
            sink.done();
            return true;
        });
    }

    void rememberVersion(const httplib::Request &request) {
        std::lock_guard lock(m_mutex);
        m_watchVersions.push_back(request.get_param_value("resourceVersion"));
    }

    std::vector<std::string> watchVersions() {
        std::lock_guard lock(m_mutex);
        return m_watchVersions;
    }

    static TestPki *s_pki;
    std::unique_ptr<TestApiServer> m_server;
    std::atomic<bool> m_stopping = false;
    std::mutex m_mutex;
    std::vector<std::string> m_watchVersions;
};

TestPki *KubeWatchTest::s_pki = nullptr;

TEST_F(KubeWatchTest, PartialChunks_AreBufferedUntilNewline) {
    const std::string modified = event("MODIFIED", "a", "12");
    m_server->handle("GET", podsPath, [&](const httplib::Request &request, httplib::Response &response) {
        rememberVersion(request);
        if (request.get_param_value("resourceVersion") != "10")
            return stream(response, {}, true);
        stream(response,
               {event("ADDED", "a", "11") + modified.substr(0, 20), modified.substr(20, 15),
                modified.substr(35), event("BOOKMARK", "", "13")},
               false);
    });
    m_server->start();
    auto kube = client();
    WatchLog log;

    auto watch = kube->watch(podsPath, "10");
    log.attach(*watch);

    ASSERT_TRUE(processEventsUntil([&] { return log.entries.size() >= 3; }));
    EXPECT_EQ(log.entries, (std::vector<std::string>{"ADDED a 11", "MODIFIED a 12", "BOOKMARK 13"}));
    EXPECT_FALSE(log.failure.has_value());
}

TEST_F(KubeWatchTest, WatchRequest_AsksForBookmarksFromTheGivenVersion) {
    m_server->handle("GET", podsPath, [&](const httplib::Request &request, httplib::Response &response) {
        rememberVersion(request);
        stream(response, {event("ADDED", "a", "11")}, false);
    });
    m_server->start();
    auto kube = client();
    WatchLog log;

    auto watch = kube->watch(podsPath, "10", Selectors{"app=otel", ""});
    log.attach(*watch);
    ASSERT_TRUE(processEventsUntil([&] { return m_server->count("GET", podsPath) >= 1; }));

    const RecordedRequest request = m_server->requests().front();
    EXPECT_EQ(request.param("watch"), "1");
    EXPECT_EQ(request.param("resourceVersion"), "10");
    EXPECT_EQ(request.param("allowWatchBookmarks"), "true");
    EXPECT_EQ(request.param("labelSelector"), "app=otel");
    EXPECT_FALSE(request.param("timeoutSeconds").empty());
}

TEST_F(KubeWatchTest, CleanEnd_ReconnectsFromTheLastSeenVersion) {
    m_server->handle("GET", podsPath, [&](const httplib::Request &request, httplib::Response &response) {
        rememberVersion(request);
        if (request.get_param_value("resourceVersion") == "10")
            stream(response, {event("ADDED", "a", "11"), event("BOOKMARK", "", "15")}, false);
        else
            stream(response, {event("MODIFIED", "a", "16")}, true);
    });
    m_server->start();
    auto kube = client();
    WatchLog log;

    auto watch = kube->watch(podsPath, "10");
    log.attach(*watch);

    ASSERT_TRUE(processEventsUntil([&] { return log.contains("MODIFIED a 16"); }));
    const auto versions = watchVersions();
    ASSERT_GE(versions.size(), 2u);
    EXPECT_EQ(versions[1], "15");
}

TEST_F(KubeWatchTest, ExpiredEventInStream_RelistsThenWatchesFromTheListVersion) {
    const std::string expiredEvent =
        R"j({"type":"ERROR","object":{"kind":"Status","status":"Failure","reason":"Expired","code":410,)j"
        R"j("message":"too old resource version: 10 (150)"}})j"
        "\n";
    m_server->handle("GET", podsPath, [&](const httplib::Request &request, httplib::Response &response) {
        if (!request.has_param("watch")) {
            response.set_content(
                Json{{"kind", "PodList"},
                     {"metadata", {{"resourceVersion", "200"}}},
                     {"items", {{{"metadata", {{"name", "a"}}}}, {{"metadata", {{"name", "b"}}}}}}}
                    .dump(),
                "application/json");
            return;
        }
        rememberVersion(request);
        if (request.get_param_value("resourceVersion") == "10")
            stream(response, {expiredEvent}, false);
        else
            stream(response, {event("ADDED", "c", "201")}, true);
    });
    m_server->start();
    auto kube = client();
    WatchLog log;

    auto watch = kube->watch(podsPath, "10");
    log.attach(*watch);

    ASSERT_TRUE(processEventsUntil([&] { return log.contains("ADDED c 201"); }));
    EXPECT_EQ(log.entries, (std::vector<std::string>{"EXPIRED", "RELISTED 2 200", "ADDED c 201"}));
    EXPECT_EQ(watchVersions().back(), "200");
}

TEST_F(KubeWatchTest, GoneAtOpen_AlsoRelists) {
    m_server->handle("GET", podsPath, [&](const httplib::Request &request, httplib::Response &response) {
        if (!request.has_param("watch")) {
            response.set_content(R"({"kind":"PodList","metadata":{"resourceVersion":"300"},"items":[]})",
                                 "application/json");
            return;
        }
        if (request.get_param_value("resourceVersion") == "10")
            return respondStatus(response, 410, "Gone", "the resourceVersion is gone");
        stream(response, {}, true);
    });
    m_server->start();
    auto kube = client();
    WatchLog log;

    auto watch = kube->watch(podsPath, "10");
    log.attach(*watch);

    ASSERT_TRUE(processEventsUntil([&] { return log.contains("RELISTED 0 300"); }));
    EXPECT_EQ(log.entries.front(), "EXPIRED");
}

TEST_F(KubeWatchTest, NoVersion_ListsFirst) {
    m_server->handle("GET", podsPath, [&](const httplib::Request &request, httplib::Response &response) {
        if (!request.has_param("watch")) {
            response.set_content(R"({"kind":"PodList","metadata":{"resourceVersion":"42"},"items":[{}]})",
                                 "application/json");
            return;
        }
        rememberVersion(request);
        stream(response, {}, true);
    });
    m_server->start();
    auto kube = client();
    WatchLog log;

    auto watch = kube->watch(podsPath, "");
    log.attach(*watch);

    ASSERT_TRUE(processEventsUntil([&] { return !watchVersions().empty(); }));
    EXPECT_EQ(log.entries, std::vector<std::string>{"RELISTED 1 42"});
    EXPECT_EQ(watchVersions().front(), "42");
}

TEST_F(KubeWatchTest, Forbidden_StopsTheWatchWithAnError) {
    m_server->handle("GET", podsPath, [](const httplib::Request &, httplib::Response &response) {
        respondStatus(
            response, 403, "Forbidden",
            "pods is forbidden: User \"alice\" cannot watch resource \"pods\" in API group \"\" in the "
            "namespace \"otel\"");
    });
    m_server->start();
    auto kube = client();
    WatchLog log;

    auto watch = kube->watch(podsPath, "10");
    log.attach(*watch);

    ASSERT_TRUE(processEventsUntil([&] { return log.failure.has_value(); }));
    EXPECT_EQ(log.failure->kind, ErrorKind::Forbidden);
    EXPECT_NE(log.failure->message.find("grant verb \"watch\" on \"pods\""), std::string::npos)
        << log.failure->message;
    EXPECT_FALSE(watch->isActive());
}

} // namespace
