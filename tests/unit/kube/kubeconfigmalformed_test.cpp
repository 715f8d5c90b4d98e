// SPDX-License-Identifier: Apache-2.0
// KubeConfigLoader::parse on broken and hostile kubeconfigs: one clear error each, never a crash or a hang.
#include "../malformedinput.h"
#include "kube/kubeconfigloader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace otelconsole;
using namespace otelconsole::testing_inputs;
using testing::HasSubstr;

namespace {

class KubeConfigLoaderParse : public testing::Test {
protected:
    static Error rejection(std::string_view text) {
        const auto config = KubeConfigLoader::parse(text, "/home/ops/.kube/config");
        EXPECT_FALSE(config) << "accepted";
        return config ? Error{} : config.error();
    }
};

const char *clusterWithExtension = R"(clusters:
- name: eks
  cluster:
    server: https://eks.example
    extensions:
    - plain scalar entry
    - name: client.authentication.k8s.io/exec
      extension:
)";

TEST_F(KubeConfigLoaderParse, TruncatedYaml_NamesTheFile) {
    const Error error = rejection("clusters:\n- name: dev\n  cluster: {server: https://x");

    EXPECT_THAT(error.message, HasSubstr("kubeconfig is not valid YAML"));
    EXPECT_EQ(error.location.file, "/home/ops/.kube/config");
}

TEST_F(KubeConfigLoaderParse, ClustersAsAMapping_IsAnError) {
    EXPECT_THAT(rejection("clusters: {dev: {server: x}}\n").message,
                HasSubstr("\"clusters\" must be a list"));
}

TEST_F(KubeConfigLoaderParse, UserEntryThatIsAScalar_HasNoName) {
    EXPECT_THAT(rejection("users: [alice]\n").message, HasSubstr("an entry of \"users\" has no name"));
}

TEST_F(KubeConfigLoaderParse, ScalarEnvEntryOfAnExecPlugin_IsSkipped) {
    const auto config = KubeConfigLoader::parse("users:\n- name: u\n  user:\n    exec:\n      command: aws\n "
                                                "     env: [JUST_TEXT, {name: A, value: b}]\n",
                                                "/k/config");

    ASSERT_TRUE(config) << config.error().toString();
    ASSERT_TRUE(config->users.at("u").exec.has_value());
    EXPECT_EQ(config->users.at("u").exec->env,
              (std::vector<std::pair<std::string, std::string>>{{"A", "b"}}));
}

TEST_F(KubeConfigLoaderParse, ScalarExtensionEntry_IsSkipped) {
    const auto config = KubeConfigLoader::parse(
        std::string(clusterWithExtension) + "        audience: sts\n        retries: 3\n", "/k/config");

    ASSERT_TRUE(config) << config.error().toString();
    EXPECT_EQ(config->clusters.at("eks").execExtension, Json::parse(R"({"audience":"sts","retries":3})"));
}

TEST_F(KubeConfigLoaderParse, AliasBombInTheExecExtension_IsRefused) {
    std::string bomb = aliasBomb("nested");
    std::string indented;
    for (std::size_t start = 0; start < bomb.size();) {
        const std::size_t end = bomb.find('\n', start);
        indented += "        " + bomb.substr(start, end - start + 1);
        start = end + 1;
    }

    EXPECT_THAT(rejection(std::string(clusterWithExtension) + indented).message,
                HasSubstr("aliases repeating aliases"));
}

TEST_F(KubeConfigLoaderParse, HundredThousandOpeningBrackets_AreTooDeep) {
    EXPECT_THAT(rejection("clusters: " + deepFlowNesting()).message, HasSubstr("nests more than"));
}

TEST_F(KubeConfigLoaderParse, TenMegabyteToken_IsRead) {
    const std::string token(10 * 1024 * 1024, 't');

    const auto config =
        KubeConfigLoader::parse("users:\n- name: u\n  user:\n    token: " + token + "\n", "/k/config");

    ASSERT_TRUE(config) << config.error().toString();
    EXPECT_EQ(config->users.at("u").token.size(), token.size());
}

TEST_F(KubeConfigLoaderParse, NulByte_IsAnError) {
    const Error error = rejection(std::string("users:\n- name: u\0\n", 18));

    EXPECT_THAT(error.message, HasSubstr("NUL byte"));
    EXPECT_EQ(error.location.line, 2);
}

TEST_F(KubeConfigLoaderParse, InvalidUtf8_IsAnError) {
    EXPECT_THAT(rejection("current-context: \xE9t\xE9\n").message, HasSubstr("not valid UTF-8"));
}

TEST_F(KubeConfigLoaderParse, InvalidBase64_NamesTheField) {
    EXPECT_THAT(
        rejection("clusters:\n- name: c\n  cluster:\n    certificate-authority-data: '%%%'\n").message,
        HasSubstr("certificate-authority-data is not valid base64"));
}

} // namespace
