// SPDX-License-Identifier: Apache-2.0
#include "common/yaml.h"

#include <gtest/gtest.h>

using namespace otelconsole;

struct ScalarRow {
    const char *yaml;
    Json expected;
};

class YamlScalarResolution : public testing::TestWithParam<ScalarRow> {};

TEST_P(YamlScalarResolution, ResolvesLikeTheCoreSchema) {
    const auto parsed = parseYaml(std::string("value: ") + GetParam().yaml);
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed->at("value"), GetParam().expected) << GetParam().yaml;
}

INSTANTIATE_TEST_SUITE_P(Table, YamlScalarResolution,
                         testing::Values(ScalarRow{"4317", 4317}, ScalarRow{"\"4317\"", "4317"},
                                         ScalarRow{"-12", -12}, ScalarRow{"0x1F", 31}, ScalarRow{"0o17", 15},
                                         ScalarRow{"1.5", 1.5}, ScalarRow{"1e3", 1000.0},
                                         ScalarRow{"true", true}, ScalarRow{"False", false},
                                         ScalarRow{"'true'", "true"}, ScalarRow{"~", nullptr},
                                         ScalarRow{"", nullptr}, ScalarRow{"10s", "10s"},
                                         ScalarRow{"0644", "0644"}, ScalarRow{"0.159.0", "0.159.0"},
                                         ScalarRow{"${env:MY_POD_IP}:4317", "${env:MY_POD_IP}:4317"},
                                         ScalarRow{"!!str 12", "12"}, ScalarRow{"yes", "yes"}));

class YamlWriter : public testing::Test {
protected:
    static Json roundTrip(const Json &value) {
        const auto parsed = parseYaml(toYaml(value));
        EXPECT_TRUE(parsed) << toYaml(value);
        return parsed ? *parsed : Json();
    }
};

TEST_F(YamlWriter, MappingKeepsInsertionOrder) {
    Json object = Json::object();
    object["kind"] = "ConfigMap";
    object["apiVersion"] = "v1";
    EXPECT_EQ(toYaml(object), "kind: ConfigMap\napiVersion: v1\n");
}

TEST_F(YamlWriter, NestedListsOfMapsAreIndented) {
    const Json object =
        Json::parse(R"({"spec":{"containers":[{"name":"a","ports":[{"containerPort":1}]}]}})");
    EXPECT_EQ(toYaml(object), "spec:\n"
                              "  containers:\n"
                              "    - name: a\n"
                              "      ports:\n"
                              "        - containerPort: 1\n");
}

TEST_F(YamlWriter, StringsThatLookLikeOtherTypesAreQuoted) {
    for (const char *text : {"2", "true", "no", "on", "null", "~", "1e3", "0.159.0", "12:30", "", " lead",
                             "a: b", "#x", "-", "*ref", "0644", "x #y", "trail:"}) {
        const Json value = {{"v", text}};
        EXPECT_EQ(roundTrip(value), value) << toYaml(value);
        EXPECT_NE(toYaml(value), std::string("v: ") + text + "\n") << text;
    }
}

TEST_F(YamlWriter, OrdinaryStringsStayPlain) {
    for (const char *text :
         {"4Gi", "500m", "10s", "otel/opentelemetry-collector:0.159.0", "${env:MY_POD_IP}:4317",
          "app.kubernetes.io/name", "/var/log/pods/*/*/*.log", "0.0.0.0:4317", "v1.2.3"}) {
        EXPECT_EQ(toYaml(Json{{"v", text}}), std::string("v: ") + text + "\n");
    }
}

TEST_F(YamlWriter, MultiLineStringsBecomeLiteralBlocks) {
    const Json value = {{"data", {{"config.yaml", "receivers:\n  otlp:\n\nexporters: {}\n"}}}};
    EXPECT_EQ(toYaml(value), "data:\n  config.yaml: |\n    receivers:\n      otlp:\n\n    exporters: {}\n");
    EXPECT_EQ(roundTrip(value), value);
}

TEST_F(YamlWriter, LiteralBlockChompingKeepsTrailingNewlines) {
    for (const char *text : {"a\nb", "a\nb\n", "a\nb\n\n\n", "  indented\nnext\n", "\nleading blank\n"}) {
        const Json value = {{"v", text}};
        EXPECT_EQ(roundTrip(value), value) << toYaml(value);
    }
}

TEST_F(YamlWriter, ControlCharactersAreEscaped) {
    const Json value = {{"v", std::string("bell\a and\r\n")}};
    EXPECT_NE(toYaml(value).find("\\x07"), std::string::npos);
    EXPECT_EQ(roundTrip(value), value);
}

TEST_F(YamlWriter, EmptyCollectionsUseFlowStyle) {
    EXPECT_EQ(toYaml(Json{{"a", Json::object()}, {"b", Json::array()}}), "a: {}\nb: []\n");
}

TEST_F(YamlWriter, DocumentsAreSeparated) {
    EXPECT_EQ(toYamlDocuments({Json{{"a", 1}}, Json{{"b", 2}}}), "---\na: 1\n---\nb: 2\n");
}

TEST(YamlParser, SyntaxErrorNamesLineAndColumn) {
    const auto parsed = parseYaml("a: 1\nb: [1, 2\nc: 3\n", "broken.yaml");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().location.file, "broken.yaml");
    EXPECT_GT(parsed.error().location.line, 1);
    EXPECT_NE(parsed.error().toString().find("broken.yaml:"), std::string::npos);
}

TEST(YamlParser, DuplicateKeyIsAnError) {
    const auto parsed = parseYaml("a: 1\na: 2\n");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("\"a\" appears twice"), std::string::npos);
    EXPECT_EQ(parsed.error().location.line, 2);
}

TEST(YamlParser, AliasBombIsRefused) {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i)
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a"
                + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1)
                + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a"
                + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1)
                + ", *a" + std::to_string(i - 1) + "]\n";
    const auto parsed = parseYaml(text);
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("more than"), std::string::npos);
}

TEST(YamlParser, SeveralDocumentsAreRefused) {
    const auto parsed = parseYaml("a: 1\n---\nb: 2\n");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("found 2"), std::string::npos);
}
