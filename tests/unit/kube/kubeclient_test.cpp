// SPDX-License-Identifier: Apache-2.0
#include "kube/kubeclient.h"
#include "kube/kubeconfigloader.h"
#include "testapiserver.h"
#include "testapplication.h"
#include "testpki.h"

#include <QFile>
#include <QTimer>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>

using namespace otelconsole;
using namespace otelconsole::test;
using namespace std::chrono_literals;

namespace {

class KubeClientTest : public testing::Test {
protected:
    static void SetUpTestSuite() { s_pki = new TestPki; }
    static void TearDownTestSuite() {
        delete s_pki;
        s_pki = nullptr;
    }

    void SetUp() override {
        ensureApplication();
        ASSERT_TRUE(s_pki->isValid());
    }

    /// A connection to `server` trusting the PKI's CA (or the unrelated one), as user "alice".
    static ClusterConnection connect(const TestApiServer &server,
                                     const std::string &userBody = "    token: s3cret\n",
                                     const QString &ca = QStringLiteral("ca.crt")) {
        const std::string yaml =
            "current-context: dev\nclusters:\n- name: sandbox\n  cluster:\n    server: " + server.url()
            + "\n    certificate-authority-data: " + s_pki->read(ca).toBase64().toStdString()
            + "\nusers:\n- name: alice\n  user:\n" + userBody
            + "contexts:\n- name: dev\n  context: {cluster: sandbox, user: alice, namespace: otel}\n";
        const auto config = KubeConfigLoader::parse(yaml, s_pki->path(QStringLiteral("kubeconfig")));
        EXPECT_TRUE(config.has_value());
        auto connection = ClusterConnection::resolve(*config);
        EXPECT_TRUE(connection.has_value()) << connection.error().toString();
        return *connection;
    }

    static KubeClientOptions fastRetries() {
        KubeClientOptions options;
        options.retry.initialDelay = 10ms;
        options.retry.maxDelay = 20ms;
        options.retry.maxAttempts = 3;
        return options;
    }

    static TestPki *s_pki;
};

TestPki *KubeClientTest::s_pki = nullptr;

void respondJson(httplib::Response &response, const Json &body) {
    response.set_content(body.dump(), "application/json");
}

TEST_F(KubeClientTest, Get_SendsBearerTokenAndParsesJson) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/api/v1/namespaces/otel",
                  [](const httplib::Request &, httplib::Response &response) {
                      respondJson(response, {{"kind", "Namespace"}, {"metadata", {{"name", "otel"}}}});
                  });
    server.start();
    KubeClient client(connect(server));

    const auto result = QCoro::waitFor(client.get("/api/v1/namespaces/otel"));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    EXPECT_EQ((*result)["metadata"]["name"], "otel");
    ASSERT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(server.requests().front().authorization, "Bearer s3cret");
}

TEST_F(KubeClientTest, TokenFile_IsReadForEachRequest) {
    QFile token(QString::fromStdString(s_pki->path(QStringLiteral("token"))));
    ASSERT_TRUE(token.open(QIODevice::WriteOnly));
    token.write("first\n");
    token.close();
    TestApiServer server(*s_pki);
    server.handle("GET", "/version", [](const httplib::Request &, httplib::Response &response) {
        respondJson(response, Json::object());
    });
    server.start();
    KubeClient client(connect(server, "    token: ignored\n    tokenFile: token\n"));

    ASSERT_TRUE(QCoro::waitFor(client.get("/version")).has_value());
    ASSERT_TRUE(token.open(QIODevice::WriteOnly | QIODevice::Truncate));
    token.write("second");
    token.close();
    ASSERT_TRUE(QCoro::waitFor(client.get("/version")).has_value());

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].authorization, "Bearer first");
    EXPECT_EQ(requests[1].authorization, "Bearer second");
}

TEST_F(KubeClientTest, ServerSideApply_IsPatchWithApplyContentTypeAndFieldManager) {
    TestApiServer server(*s_pki);
    server.handle("PATCH", "/apis/apps/v1/namespaces/otel/deployments/gw",
                  [](const httplib::Request &request, httplib::Response &response) {
                      response.set_content(request.body, "application/json");
                  });
    server.start();
    KubeClient client(connect(server));
    const Json intent = {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"metadata", {{"name", "gw"}}}};

    const auto result = QCoro::waitFor(
        client.serverSideApply("/apis/apps/v1/namespaces/otel/deployments/gw", intent, {}, true, true));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    const RecordedRequest request = server.requests().front();
    EXPECT_EQ(request.method, "PATCH");
    EXPECT_EQ(request.contentType, "application/apply-patch+yaml");
    EXPECT_EQ(request.param("fieldManager"), "otel-console");
    EXPECT_EQ(request.param("force"), "true");
    EXPECT_EQ(request.param("dryRun"), "All");
    EXPECT_EQ(Json::parse(request.body), intent);
}

TEST_F(KubeClientTest, Remove_SendsDeleteOptionsWithPropagationPolicy) {
    TestApiServer server(*s_pki);
    server.handle("DELETE", "/api/v1/namespaces/otel/configmaps/c",
                  [](const httplib::Request &, httplib::Response &response) {
                      respondJson(response, {{"kind", "Status"}});
                  });
    server.start();
    KubeClient client(connect(server));

    const auto result =
        QCoro::waitFor(client.remove("/api/v1/namespaces/otel/configmaps/c", PropagationPolicy::Foreground));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    const RecordedRequest request = server.requests().front();
    EXPECT_EQ(request.method, "DELETE");
    const Json options = Json::parse(request.body);
    EXPECT_EQ(options["kind"], "DeleteOptions");
    EXPECT_EQ(options["propagationPolicy"], "Foreground");
}

TEST_F(KubeClientTest, Scale_MergePatchesTheScaleSubresource) {
    TestApiServer server(*s_pki);
    server.handle("PATCH", "/apis/apps/v1/namespaces/otel/deployments/gw/scale",
                  [](const httplib::Request &, httplib::Response &response) {
                      respondJson(response, {{"kind", "Scale"}});
                  });
    server.start();
    KubeClient client(connect(server));

    const auto result = QCoro::waitFor(client.scale("/apis/apps/v1/namespaces/otel/deployments/gw", 4));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    const RecordedRequest request = server.requests().front();
    EXPECT_EQ(request.contentType, "application/merge-patch+json");
    EXPECT_EQ(Json::parse(request.body), (Json{{"spec", {{"replicas", 4}}}}));
}

TEST_F(KubeClientTest, CreateAndMergePatch_UseTheirContentTypes) {
    TestApiServer server(*s_pki);
    const auto echo = [](const httplib::Request &request, httplib::Response &response) {
        response.set_content(request.body, "application/json");
    };
    server.handle("POST", "/api/v1/namespaces/otel/configmaps", echo);
    server.handle("PATCH", "/api/v1/namespaces/otel/configmaps/c", echo);
    server.start();
    KubeClient client(connect(server));

    ASSERT_TRUE(QCoro::waitFor(client.create("/api/v1/namespaces/otel/configmaps", {{"kind", "ConfigMap"}})));
    ASSERT_TRUE(
        QCoro::waitFor(client.mergePatch("/api/v1/namespaces/otel/configmaps/c", {{"data", {{"a", "b"}}}})));

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].contentType, "application/json");
    EXPECT_EQ(requests[1].contentType, "application/merge-patch+json");
}

TEST_F(KubeClientTest, List_FollowsContinueAndMergesItems) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/api/v1/namespaces/otel/pods",
                  [](const httplib::Request &request, httplib::Response &response) {
                      if (request.get_param_value("continue").empty())
                          respondJson(response,
                                      {{"kind", "PodList"},
                                       {"metadata", {{"resourceVersion", "10"}, {"continue", "page-2"}}},
                                       {"items", {{{"metadata", {{"name", "a"}}}}}}});
                      else
                          respondJson(response, {{"kind", "PodList"},
                                                 {"metadata", {{"resourceVersion", "10"}}},
                                                 {"items", {{{"metadata", {{"name", "b"}}}}}}});
                  });
    server.start();
    KubeClient client(connect(server));

    const auto result = QCoro::waitFor(client.list(
        "/api/v1/namespaces/otel/pods", Selectors{"app.kubernetes.io/name=otel,tier in (a,b)", ""}));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    ASSERT_EQ((*result)["items"].size(), 2u);
    EXPECT_EQ((*result)["items"][1]["metadata"]["name"], "b");
    EXPECT_EQ((*result)["metadata"]["resourceVersion"], "10");
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[1].param("continue"), "page-2");
    EXPECT_EQ(requests[0].param("labelSelector"), "app.kubernetes.io/name=otel,tier in (a,b)");
    EXPECT_EQ(requests[0].param("limit"), "500");
}

TEST_F(KubeClientTest, GetText_ReturnsThePlainBody) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/api/v1/namespaces/otel/pods/p/log",
                  [](const httplib::Request &, httplib::Response &response) {
                      response.set_content("line 1\nline 2\n", "text/plain");
                  });
    server.start();
    KubeClient client(connect(server));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("tailLines"), QStringLiteral("2"));

    const auto result = QCoro::waitFor(client.getText("/api/v1/namespaces/otel/pods/p/log", query));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    EXPECT_EQ(*result, "line 1\nline 2\n");
    EXPECT_EQ(server.requests().front().param("tailLines"), "2");
}

TEST_F(KubeClientTest, ServiceUnavailableWithRetryAfter_IsRetried) {
    TestApiServer server(*s_pki);
    std::atomic<int> hits = 0;
    server.handle("GET", "/api/v1/namespaces",
                  [&hits](const httplib::Request &, httplib::Response &response) {
                      if (hits++ == 0) {
                          respondStatus(response, 503, "ServiceUnavailable", "etcd is busy");
                          response.set_header("Retry-After", "1");
                          return;
                      }
                      respondJson(response, {{"kind", "NamespaceList"}, {"items", Json::array()}});
                  });
    server.start();
    KubeClient client(connect(server), fastRetries());

    const auto result = QCoro::waitFor(client.get("/api/v1/namespaces"));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    EXPECT_EQ(hits.load(), 2);
}

TEST_F(KubeClientTest, PersistentServerError_StopsAfterMaxAttempts) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/api/v1/namespaces", [](const httplib::Request &, httplib::Response &response) {
        respondStatus(response, 500, "InternalError", "boom");
    });
    server.start();
    KubeClient client(connect(server), fastRetries());

    const auto result = QCoro::waitFor(client.get("/api/v1/namespaces"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().httpStatus, 500);
    EXPECT_EQ(server.count("GET", "/api/v1/namespaces"), 3u);
}

TEST_F(KubeClientTest, PostCreate_IsNeverRetried) {
    TestApiServer server(*s_pki);
    server.handle("POST", "/api/v1/namespaces", [](const httplib::Request &, httplib::Response &response) {
        respondStatus(response, 503, "ServiceUnavailable", "try later");
        response.set_header("Retry-After", "0");
    });
    server.start();
    KubeClient client(connect(server), fastRetries());

    const auto result = QCoro::waitFor(client.create("/api/v1/namespaces", {{"kind", "Namespace"}}));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(server.count("POST", "/api/v1/namespaces"), 1u);
}

TEST_F(KubeClientTest, Forbidden_NamesUserVerbAndMissingRule) {
    TestApiServer server(*s_pki);
    server.handle("POST", "/apis/apps/v1/namespaces/otel/deployments",
                  [](const httplib::Request &, httplib::Response &response) {
                      respondStatus(response, 403, "Forbidden",
                                    "deployments.apps is forbidden: User \"alice\" cannot create resource "
                                    "\"deployments\" in API group "
                                    "\"apps\" in the namespace \"otel\"");
                  });
    server.start();
    KubeClient client(connect(server));

    const auto result =
        QCoro::waitFor(client.create("/apis/apps/v1/namespaces/otel/deployments", {{"kind", "Deployment"}}));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Forbidden);
    EXPECT_NE(result.error().message.find(
                  "grant verb \"create\" on \"deployments\" in API group \"apps\" in namespace \"otel\""),
              std::string::npos)
        << result.error().message;
}

TEST_F(KubeClientTest, Unauthorized_NamesTheUserEntryButNotTheToken) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/api/v1/namespaces", [](const httplib::Request &, httplib::Response &response) {
        respondStatus(response, 401, "Unauthorized", "Unauthorized");
    });
    server.start();
    KubeClient client(connect(server));

    const auto result = QCoro::waitFor(client.get("/api/v1/namespaces"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Auth);
    EXPECT_NE(result.error().message.find("user \"alice\""), std::string::npos);
    EXPECT_EQ(result.error().message.find("s3cret"), std::string::npos);
}

TEST_F(KubeClientTest, WrongCertificateAuthority_IsATlsErrorNamingServerAndCaOrigin) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/version",
                  [](const httplib::Request &, httplib::Response &response) { respondJson(response, {}); });
    server.start();
    KubeClient client(connect(server, "    token: s3cret\n", QStringLiteral("other-ca.crt")));

    const auto result = QCoro::waitFor(client.get("/version"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Tls);
    EXPECT_EQ(result.error().message, "the certificate of " + server.url()
                                          + " is not signed by the cluster's certificate authority "
                                            "(certificate-authority-data of cluster \"sandbox\")");
}

TEST_F(KubeClientTest, ClientCertificate_IsPresentedToTheServer) {
    TestApiServer server(*s_pki, true);
    server.handle("GET", "/version", [](const httplib::Request &, httplib::Response &response) {
        respondJson(response, {{"gitVersion", "v1.30.0"}});
    });
    server.start();
    KubeClient client(connect(server, "    client-certificate: client.crt\n    client-key: client.key\n"));

    const auto result = QCoro::waitFor(client.get("/version"));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    EXPECT_NE(server.requests().front().clientSubject.find("CN=alice"), std::string::npos);
    EXPECT_TRUE(server.requests().front().authorization.empty());
}

TEST_F(KubeClientTest, ConnectionRefused_IsANetworkErrorNamingTheServer) {
    TestApiServer placeholder(*s_pki);
    ClusterConnection connection = connect(placeholder);
    // Nothing listens on port 1 of the loopback interface, so the connection is refused at once.
    connection.server = QUrl(QStringLiteral("https://127.0.0.1:1"));
    KubeClient client(connection, fastRetries());

    const auto result = QCoro::waitFor(client.get("/version"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Network);
    EXPECT_NE(result.error().message.find("https://127.0.0.1:1"), std::string::npos)
        << result.error().message;
}

TEST_F(KubeClientTest, ContextDestroyed_CancelsTheRequest) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/slow", [](const httplib::Request &, httplib::Response &response) {
        std::this_thread::sleep_for(1500ms);
        respondJson(response, {});
    });
    server.start();
    KubeClient client(connect(server));
    auto *context = new QObject;
    QTimer::singleShot(100ms, context, [context] { delete context; });

    const auto result = QCoro::waitFor(client.get("/slow", context));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Cancelled);
}

TEST_F(KubeClientTest, CancelAll_EndsRequestsInFlightAsCancelled) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/slow", [](const httplib::Request &, httplib::Response &response) {
        std::this_thread::sleep_for(1500ms);
        respondJson(response, {});
    });
    server.start();
    KubeClient client(connect(server));
    QTimer::singleShot(100ms, &client, [&client] { client.cancelAll(); });

    const auto result = QCoro::waitFor(client.get("/slow"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Cancelled);
}

TEST_F(KubeClientTest, NoAnswerWithinTransferTimeout_IsATimeoutError) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/slow", [](const httplib::Request &, httplib::Response &response) {
        std::this_thread::sleep_for(1500ms);
        respondJson(response, {});
    });
    server.start();
    KubeClientOptions options;
    options.transferTimeout = 200ms;
    KubeClient client(connect(server), options);

    const auto result = QCoro::waitFor(client.get("/slow"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Timeout);
    EXPECT_NE(result.error().message.find("within 0.2 s"), std::string::npos) << result.error().message;
}

TEST_F(KubeClientTest, TlsServerNameNotInCertificate_IsATlsErrorSuggestingTheSetting) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/version",
                  [](const httplib::Request &, httplib::Response &response) { respondJson(response, {}); });
    server.start();
    ClusterConnection connection = connect(server);
    connection.tlsServerName = QStringLiteral("api.elsewhere.example");
    KubeClient client(connection);

    const auto result = QCoro::waitFor(client.get("/version"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::Tls);
    EXPECT_NE(result.error().message.find("not valid for the name \"api.elsewhere.example\""),
              std::string::npos)
        << result.error().message;
}

TEST_F(KubeClientTest, Capabilities_AreDiscoveredOnceAndCached) {
    TestApiServer server(*s_pki);
    server.handle("GET", "/version", [](const httplib::Request &, httplib::Response &response) {
        respondJson(response, {{"major", "1"}, {"minor", "29"}, {"gitVersion", "v1.29.4"}});
    });
    server.handle("GET", "/apis", [](const httplib::Request &, httplib::Response &response) {
        respondJson(response,
                    {{"kind", "APIGroupList"},
                     {"groups", {{{"name", "metrics.k8s.io"}, {"versions", {{{"version", "v1beta1"}}}}}}}});
    });
    server.start();
    KubeClient client(connect(server));

    const auto first = QCoro::waitFor(client.capabilities());
    const auto second = QCoro::waitFor(client.capabilities());

    ASSERT_TRUE(first.has_value()) << first.error().toString();
    ASSERT_TRUE(second.has_value());
    EXPECT_TRUE(first->nativeSidecars);
    EXPECT_TRUE(first->metricsApi);
    EXPECT_FALSE(first->serviceMonitors);
    EXPECT_EQ(server.count("GET", "/version"), 1u);
}

TEST_F(KubeClientTest, ExecCredentialRejected_IsRefreshedOnceAndRetried) {
    const QString scriptPath = QString::fromStdString(s_pki->path(QStringLiteral("exec-plugin.sh")));
    const std::string counter = s_pki->path(QStringLiteral("exec-count"));
    QFile::remove(QString::fromStdString(counter));
    QFile script(scriptPath);
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write(
        ("#!/bin/sh\necho x >> '" + counter + "'\nn=$(wc -l < '" + counter
         + "')\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
           "\"status\":{\"token\":\"token-%s\"}}' $n\n")
            .c_str());
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    TestApiServer server(*s_pki);
    server.handle("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                  [](const httplib::Request &request, httplib::Response &response) {
                      if (request.get_header_value("Authorization") != "Bearer token-2")
                          return respondStatus(response, 401, "Unauthorized", "Unauthorized");
                      respondJson(response, {{"status", {{"allowed", true}}}});
                  });
    server.start();
    KubeClient client(connect(
        server,
        "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ./exec-plugin.sh\n"
        "      interactiveMode: Never\n"));

    const auto result = QCoro::waitFor(client.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                                   {{"kind", "SelfSubjectAccessReview"}}));

    ASSERT_TRUE(result.has_value()) << result.error().toString();
    EXPECT_EQ((*result)["status"]["allowed"], true);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].authorization, "Bearer token-1");
    EXPECT_EQ(requests[1].authorization, "Bearer token-2");
}

} // namespace
