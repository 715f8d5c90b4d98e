// SPDX-License-Identifier: Apache-2.0
#include "sandboxfixture.h"

using namespace sandboxtest;
using nlohmann::json;

namespace {

const std::string kConfigMaps = "/api/v1/namespaces/shop/configmaps";

class SandboxMalformed : public SandboxFixture {};

struct PathCase {
    std::string name;
    std::string target;
};

class SandboxPathTricks : public SandboxFixture, public ::testing::WithParamInterface<PathCase> {};

const std::vector<PathCase> kPathCases{
    {"DotDot", "/api/v1/namespaces/shop/../kube-system/secrets"},
    {"EncodedSlash", "/api/v1/namespaces/shop%2Fconfigmaps"},
    {"DoubleSlash", "/api/v1//namespaces"},
    {"EncodedNul", "/api/v1/namespaces/shop%00/configmaps"},
    {"TrailingDotDot", "/api/v1/.."},
    {"DotSegment", "/api/./v1/namespaces"},
};

} // namespace

TEST_P(SandboxPathTricks, IsRefusedWithStatus) {
    auto answer = admin().send("GET", GetParam().target);
    EXPECT_TRUE(answer.status == 400 || answer.status == 404) << answer.status;
    EXPECT_EQ(answer.json["kind"], "Status");
}

INSTANTIATE_TEST_SUITE_P(Paths, SandboxPathTricks, ::testing::ValuesIn(kPathCases),
                         [](const ::testing::TestParamInfo<PathCase> &param) { return param.param.name; });

TEST_F(SandboxMalformed, BadJson_IsBadRequestWithParserMessage) {
    auto answer = admin().postRaw(kConfigMaps, "{\"apiVersion\": \"v1\", ", "application/json");
    EXPECT_EQ(answer.status, 400);
    EXPECT_EQ(answer.json["reason"], "BadRequest");
    EXPECT_NE(answer.json["message"].get<std::string>().find("parse error"), std::string::npos);
}

TEST_F(SandboxMalformed, JsonArrayBody_IsBadRequest) {
    EXPECT_EQ(admin().postRaw(kConfigMaps, "[1,2]", "application/json").status, 400);
}

TEST_F(SandboxMalformed, BadYamlApply_IsBadRequest) {
    auto answer = admin().patch(kConfigMaps + "/x?fieldManager=t", "apiVersion: v1\nkind: [ConfigMap\n",
                                "application/apply-patch+yaml");
    EXPECT_EQ(answer.status, 400);
    EXPECT_NE(answer.json["message"].get<std::string>().find("yaml"), std::string::npos);
}

TEST_F(SandboxMalformed, UnknownPatchType_IsUnsupportedMediaType) {
    admin().post(kConfigMaps, configMapManifest("x", "shop"));
    auto answer = admin().patch(kConfigMaps + "/x", "{}", "text/plain");
    EXPECT_EQ(answer.status, 415);
    EXPECT_EQ(answer.json["reason"], "UnsupportedMediaType");
}

TEST_F(SandboxMalformed, HugeBody_IsRequestEntityTooLarge) {
    const std::string huge(4 * 1024 * 1024, 'x');
    auto answer = admin().postRaw(kConfigMaps, huge, "application/json");
    EXPECT_EQ(answer.status, 413);
    EXPECT_EQ(answer.json["reason"], "RequestEntityTooLarge");
}

TEST_F(SandboxMalformed, DeeplyNestedJson_IsBadRequestNotACrash) {
    const std::string nested = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(admin().postRaw(kConfigMaps, nested, "application/json").status, 400);
    EXPECT_EQ(admin().get("/version").status, 200);
}

TEST_F(SandboxMalformed, UnknownResource_IsNotFound) {
    auto answer = admin().get("/api/v1/namespaces/shop/widgets");
    EXPECT_EQ(answer.status, 404);
    EXPECT_EQ(answer.json["message"], "the server could not find the requested resource");
}

TEST_F(SandboxMalformed, UnknownSubresource_IsNotFound) {
    EXPECT_EQ(admin().get("/apis/apps/v1/namespaces/shop/deployments/x/unknown").status, 404);
}

TEST_F(SandboxMalformed, UnsupportedVerb_IsMethodNotAllowed) {
    auto answer = admin().remove("/api/v1/namespaces");
    EXPECT_EQ(answer.status, 405);
    EXPECT_EQ(answer.json["reason"], "MethodNotAllowed");
}

TEST_F(SandboxMalformed, CreateThroughClusterWidePath_IsMethodNotAllowed) {
    EXPECT_EQ(admin().post("/api/v1/configmaps", configMapManifest("x", "shop")).status, 405);
}

TEST_F(SandboxMalformed, BadLabelSelector_IsBadRequest) {
    EXPECT_EQ(admin().get(kConfigMaps + "?labelSelector=a%20in%20(b").status, 400);
}

TEST_F(SandboxMalformed, InvalidDryRunValue_IsBadRequest) {
    EXPECT_EQ(admin().post(kConfigMaps + "?dryRun=Yes", configMapManifest("x", "shop")).status, 400);
}

TEST_F(SandboxMalformed, NameMismatchOnUpdate_IsBadRequest) {
    admin().post(kConfigMaps, configMapManifest("x", "shop"));
    EXPECT_EQ(admin().put(kConfigMaps + "/x", configMapManifest("y", "shop")).status, 400);
}

TEST_F(SandboxMalformed, ServerKeepsServingAfterAbuse) {
    admin().send("GET", "/api/v1/namespaces/%00");
    admin().postRaw(kConfigMaps, "\x01\x02\x03", "application/json");
    EXPECT_EQ(admin().get("/api/v1/namespaces/shop").status, 200);
}
