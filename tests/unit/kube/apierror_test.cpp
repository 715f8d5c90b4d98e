// SPDX-License-Identifier: Apache-2.0
#include "kube/apierror.h"
#include "kube/resourcepath.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

struct StatusCase {
    std::string label;
    int httpStatus;
    std::string method;
    std::string path;
    std::string body;
    ErrorKind kind;
    std::string statusReason;
    std::vector<std::string> mustContain;
};

void PrintTo(const StatusCase &row, std::ostream *out) {
    *out << row.label;
}

const ApiRequestFacts facts(const StatusCase &row) {
    return ApiRequestFacts{row.method,
                           row.path,
                           false,
                           "https://127.0.0.1:6443",
                           "user \"alice\" (context \"dev\" in /home/me/.kube/config)j",
                           "application/json"};
}

class ApiErrorMapping : public testing::TestWithParam<StatusCase> {};

TEST_P(ApiErrorMapping, GivesKindReasonAndActionableMessage) {
    const StatusCase &row = GetParam();

    const Error error = apiErrorFromResponse(row.httpStatus, QByteArray::fromStdString(row.body), facts(row));

    EXPECT_EQ(error.kind, row.kind) << error.message;
    EXPECT_EQ(error.httpStatus, row.httpStatus);
    EXPECT_EQ(error.statusReason, row.statusReason);
    for (const std::string &part : row.mustContain)
        EXPECT_NE(error.message.find(part), std::string::npos)
            << "missing \"" << part << "\" in: " << error.message;
}

const std::string forbiddenNamespaced =
    R"j({"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,)j"
    R"j("message":"deployments.apps \"gw\" is forbidden: User \"alice\" cannot create resource \"deployments\" )j"
    R"j(in API group \"apps\" in the namespace \"otel\"","details":{"name":"gw","group":"apps","kind":"deployments"}})j";

const std::string forbiddenCluster =
    R"j({"kind":"Status","status":"Failure","reason":"Forbidden","code":403,)j"
    R"j("message":"nodes is forbidden: User \"system:serviceaccount:otel:collector\" cannot list resource \"nodes\" )j"
    R"j(in API group \"\" at the cluster scope"})j";

const std::string escalation =
    R"j({"kind":"Status","status":"Failure","reason":"Forbidden","code":403,)j"
    R"j("message":"clusterroles.rbac.authorization.k8s.io \"otel\" is forbidden: user \"alice\" (groups=[]) is )j"
    R"j(attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"nodes/stats\"], )j"
    R"j(Verbs:[\"get\"]}"})j";

const std::string conflict =
    R"j({"kind":"Status","status":"Failure","reason":"Conflict","code":409,)j"
    R"j("message":"Apply failed with 2 conflicts: conflict with \"kubectl\" using apps/v1: .spec.replicas",)j"
    R"j("details":{"causes":[)j"
    R"j({"reason":"FieldManagerConflict","message":"conflict with \"kubectl\" using apps/v1","field":".spec.replicas"},)j"
    R"j({"reason":"FieldManagerConflict","message":"conflict with \"helm\" using apps/v1","field":".spec.template.spec.containers[name=\"otel\"].image"}]}})j";

const std::string invalid =
    R"j({"kind":"Status","status":"Failure","reason":"Invalid","code":422,)j"
    R"j("message":"Deployment.apps \"gw\" is invalid: spec.replicas: Invalid value: -1",)j"
    R"j("details":{"name":"gw","group":"apps","kind":"Deployment","causes":[)j"
    R"j({"reason":"FieldValueInvalid","message":"Invalid value: -1: must be greater than or equal to 0","field":"spec.replicas"},)j"
    R"j({"reason":"FieldValueRequired","message":"Required value","field":"spec.selector"}]}})j";

const std::string notFound =
    R"j({"kind":"Status","status":"Failure","reason":"NotFound","code":404,)j"
    R"j("message":"configmaps \"otel-config\" not found","details":{"name":"otel-config","kind":"configmaps"}})j";

const std::string truncated = "{\"kind\":\"Status\",\"message\":\"inter";

INSTANTIATE_TEST_SUITE_P(
    Statuses, ApiErrorMapping,
    testing::Values(
        StatusCase{"ForbiddenNamespaced",
                   403,
                   "POST",
                   "/apis/apps/v1/namespaces/otel/deployments",
                   forbiddenNamespaced,
                   ErrorKind::Forbidden,
                   "Forbidden",
                   {"user \"alice\"",
                    "grant verb \"create\" on \"deployments\" in API group \"apps\" in namespace \"otel\"",
                    "Role"}},
        StatusCase{"ForbiddenClusterScope",
                   403,
                   "GET",
                   "/api/v1/nodes",
                   forbiddenCluster,
                   ErrorKind::Forbidden,
                   "Forbidden",
                   {"system:serviceaccount:otel:collector", "grant verb \"list\" on \"nodes\"",
                    "core API group", "ClusterRole and ClusterRoleBinding"}},
        StatusCase{"ForbiddenWithoutBody",
                   403,
                   "PATCH",
                   "/apis/apps/v1/namespaces/x/daemonsets/agent",
                   "",
                   ErrorKind::Forbidden,
                   "",
                   {"user \"alice\" (context \"dev\"",
                    "grant verb \"patch\" on \"daemonsets\" in API group \"apps\" "
                    "in namespace \"x\""}},
        StatusCase{"ForbiddenEscalation",
                   403,
                   "POST",
                   "/apis/rbac.authorization.k8s.io/v1/clusterroles",
                   escalation,
                   ErrorKind::Forbidden,
                   "Forbidden",
                   {"escalation", "nodes/stats", "escalate"}},
        StatusCase{
            "Unauthorized",
            401,
            "GET",
            "/api/v1/namespaces",
            R"j({"kind":"Status","status":"Failure","reason":"Unauthorized","code":401,"message":"Unauthorized"})j",
            ErrorKind::Auth,
            "Unauthorized",
            {"rejected the credentials of user \"alice\"", "https://127.0.0.1:6443"}},
        StatusCase{"NotFoundObject",
                   404,
                   "GET",
                   "/api/v1/namespaces/otel/configmaps/otel-config",
                   notFound,
                   ErrorKind::NotFound,
                   "NotFound",
                   {"configmaps \"otel-config\" in namespace \"otel\" was not found"}},
        StatusCase{"NotFoundApiGroup",
                   404,
                   "GET",
                   "/apis/monitoring.coreos.com/v1",
                   "404 page not found",
                   ErrorKind::NotFound,
                   "",
                   {"does not serve /apis/monitoring.coreos.com/v1"}},
        StatusCase{"ConflictWithManagers",
                   409,
                   "PATCH",
                   "/apis/apps/v1/namespaces/otel/deployments/gw",
                   conflict,
                   ErrorKind::Conflict,
                   "Conflict",
                   {".spec.replicas is managed by \"kubectl\"", "is managed by \"helm\"", "force"}},
        StatusCase{
            "AlreadyExists",
            409,
            "POST",
            "/api/v1/namespaces",
            R"j({"kind":"Status","reason":"AlreadyExists","code":409,"message":"namespaces \"otel\" already exists",)j"
            R"j("details":{"name":"otel","kind":"namespaces"}})j",
            ErrorKind::Conflict,
            "AlreadyExists",
            {"namespaces \"otel\" already exists"}},
        StatusCase{"InvalidWithCauses",
                   422,
                   "PATCH",
                   "/apis/apps/v1/namespaces/otel/deployments/gw",
                   invalid,
                   ErrorKind::InvalidInput,
                   "Invalid",
                   {"Deployment.apps \"gw\"",
                    "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                    "spec.selector: Required value"}},
        StatusCase{
            "Expired",
            410,
            "GET",
            "/api/v1/namespaces/otel/pods",
            R"j({"kind":"Status","reason":"Expired","code":410,"message":"too old resource version: 1 (5)"})j",
            ErrorKind::Api,
            "Expired",
            {"too old", "list again"}},
        StatusCase{
            "TooManyRequests",
            429,
            "GET",
            "/api/v1/pods",
            R"j({"kind":"Status","reason":"TooManyRequests","code":429,"message":"please slow down"})j",
            ErrorKind::Api,
            "TooManyRequests",
            {"throttling", "please slow down"}},
        StatusCase{"HtmlFromProxy",
                   502,
                   "GET",
                   "/api/v1/pods",
                   "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
                   ErrorKind::Api,
                   "",
                   {"HTTP 502", "HTML page titled \"502 Bad Gateway\""}},
        StatusCase{"TruncatedJson",
                   500,
                   "GET",
                   "/api/v1/pods",
                   truncated,
                   ErrorKind::Api,
                   "",
                   {"HTTP 500", "not a Kubernetes Status"}},
        StatusCase{"GatewayTimeout",
                   504,
                   "GET",
                   "/api/v1/pods",
                   "",
                   ErrorKind::Timeout,
                   "",
                   {"HTTP 504", "empty body"}}),
    [](const testing::TestParamInfo<StatusCase> &row) { return row.param.label; });

TEST(ApiErrorCredentials, TokenInRequest_NeverAppears) {
    const ApiRequestFacts request{"GET", "/api/v1/pods", false, "https://h", "user \"alice\"", {}};

    const Error error = apiErrorFromResponse(401, "", request);

    EXPECT_EQ(error.message.find("Bearer"), std::string::npos);
}

struct PathCase {
    std::string path;
    std::string group;
    std::string namespaceName;
    std::string resource;
    std::string name;
    std::string subresource;
};

class ResourcePathParsing : public testing::TestWithParam<PathCase> {};

TEST_P(ResourcePathParsing, SplitsGroupNamespaceResourceNameAndSubresource) {
    const PathCase &row = GetParam();

    const ResourcePath path = ResourcePath::parse(row.path);

    EXPECT_EQ(path.group, row.group);
    EXPECT_EQ(path.namespaceName, row.namespaceName);
    EXPECT_EQ(path.resource, row.resource);
    EXPECT_EQ(path.name, row.name);
    EXPECT_EQ(path.subresource, row.subresource);
}

INSTANTIATE_TEST_SUITE_P(Paths, ResourcePathParsing,
                         testing::Values(PathCase{"/api/v1/namespaces", "", "", "namespaces", "", ""},
                                         PathCase{"/api/v1/namespaces/otel", "", "", "namespaces", "otel",
                                                  ""},
                                         PathCase{"/api/v1/namespaces/otel/pods", "", "otel", "pods", "", ""},
                                         PathCase{"/api/v1/namespaces/otel/pods/p-1/log?follow=true", "",
                                                  "otel", "pods", "p-1", "log"},
                                         PathCase{"/apis/apps/v1/namespaces/o/deployments/gw/scale", "apps",
                                                  "o", "deployments", "gw", "scale"},
                                         PathCase{"/apis/rbac.authorization.k8s.io/v1/clusterroles/x",
                                                  "rbac.authorization.k8s.io", "", "clusterroles", "x", ""},
                                         PathCase{"/version", "", "", "", "", ""}));

TEST(ResourcePathVerb, MethodsMapToRbacVerbs) {
    const ResourcePath collection = ResourcePath::parse("/api/v1/namespaces/x/pods");
    const ResourcePath object = ResourcePath::parse("/api/v1/namespaces/x/pods/p");

    EXPECT_EQ(collection.verb("GET", false), "list");
    EXPECT_EQ(collection.verb("GET", true), "watch");
    EXPECT_EQ(object.verb("GET", false), "get");
    EXPECT_EQ(collection.verb("POST", false), "create");
    EXPECT_EQ(object.verb("PATCH", false), "patch");
    EXPECT_EQ(object.verb("PUT", false), "update");
    EXPECT_EQ(object.verb("DELETE", false), "delete");
    EXPECT_EQ(collection.verb("DELETE", false), "deletecollection");
}

} // namespace
