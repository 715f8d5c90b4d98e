// SPDX-License-Identifier: Apache-2.0
#include "model/names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace names = otelconsole::names;
using testing::HasSubstr;

namespace {

using Check = std::function<std::optional<std::string>(std::string_view)>;

struct NameRow {
    const char *rule;
    Check check;
    std::string name;
    bool valid;
};

std::ostream &operator<<(std::ostream &out, const NameRow &row) {
    return out << row.rule << "(\"" << row.name << "\")";
}

class NameRules : public testing::TestWithParam<NameRow> {};

TEST_P(NameRules, AcceptsExactlyWhatTheApiServerAccepts) {
    const auto problem = GetParam().check(GetParam().name);

    EXPECT_EQ(!problem.has_value(), GetParam().valid) << problem.value_or("accepted");
}

NameRow label(std::string name, bool valid) {
    return {"label", names::checkDns1123Label, std::move(name), valid};
}

NameRow subdomain(std::string name, bool valid) {
    return {"subdomain", names::checkDns1123Subdomain, std::move(name), valid};
}

NameRow serviceName(std::string name, bool valid) {
    return {"dns1035", names::checkDns1035Label, std::move(name), valid};
}

NameRow pathSegment(std::string name, bool valid) {
    return {"pathSegment", names::checkPathSegmentName, std::move(name), valid};
}

NameRow portName(std::string name, bool valid) {
    return {"port", names::checkPortName, std::move(name), valid};
}

NameRow labelKey(std::string name, bool valid) {
    return {"labelKey", names::checkLabelKey, std::move(name), valid};
}

NameRow labelValue(std::string name, bool valid) {
    return {"labelValue", names::checkLabelValue, std::move(name), valid};
}

INSTANTIATE_TEST_SUITE_P(Dns1123Label, NameRules,
                         testing::Values(label("otel-gateway", true), label("a", true), label("0abc", true),
                                         label(std::string(63, 'a'), true),
                                         label(std::string(64, 'a'), false), label("", false),
                                         label("-a", false), label("a-", false), label("Otel", false),
                                         label("a.b", false), label("a_b", false)));

INSTANTIATE_TEST_SUITE_P(Dns1123Subdomain, NameRules,
                         testing::Values(subdomain("otel-gateway", true), subdomain("a.b.c", true),
                                         subdomain("0.example.com", true),
                                         subdomain(std::string(253, 'a'), true),
                                         subdomain(std::string(254, 'a'), false),
                                         subdomain(std::string(63, 'a') + "." + std::string(63, 'b'), true),
                                         subdomain("", false), subdomain("a..b", false),
                                         subdomain(".a", false), subdomain("a.", false),
                                         subdomain("a.-b", false), subdomain("Example.com", false)));

INSTANTIATE_TEST_SUITE_P(Dns1035Label, NameRules,
                         testing::Values(serviceName("otel-gateway", true), serviceName("a1", true),
                                         serviceName("1abc", false), serviceName("a-", false),
                                         serviceName("", false), serviceName(std::string(64, 'a'), false)));

INSTANTIATE_TEST_SUITE_P(PathSegmentName, NameRules,
                         testing::Values(pathSegment("system:otel-gateway", true),
                                         pathSegment("Otel_Role", true), pathSegment(".", false),
                                         pathSegment("..", false), pathSegment("a/b", false),
                                         pathSegment("a%b", false)));

INSTANTIATE_TEST_SUITE_P(PortName, NameRules,
                         testing::Values(portName("otlp-grpc", true), portName("metrics", true),
                                         portName("http2", true), portName("a23456789012345", true),
                                         portName("a234567890123456", false), portName("4317", false),
                                         portName("otlp--grpc", false), portName("-otlp", false),
                                         portName("otlp-", false), portName("OTLP", false),
                                         portName("otlp_grpc", false), portName("", false)));

INSTANTIATE_TEST_SUITE_P(LabelKey, NameRules,
                         testing::Values(labelKey("app", true), labelKey("app.kubernetes.io/name", true),
                                         labelKey("example.com/My_Key.v2", true),
                                         labelKey(std::string(63, 'k'), true),
                                         labelKey(std::string(64, 'k'), false), labelKey("/name", false),
                                         labelKey("example.com/", false), labelKey("a/b/c", false),
                                         labelKey("Example.com/name", false), labelKey("-name", false),
                                         labelKey("", false)));

INSTANTIATE_TEST_SUITE_P(LabelValue, NameRules,
                         testing::Values(labelValue("", true), labelValue("v0.159.0", true),
                                         labelValue("Prometheus_Operator", true),
                                         labelValue(std::string(63, 'v'), true),
                                         labelValue(std::string(64, 'v'), false), labelValue("-x", false),
                                         labelValue("x.", false), labelValue("a b", false)));

class NameMessages : public testing::Test {};

TEST_F(NameMessages, Dns1123Label_UsesTheApiServerWording) {
    EXPECT_THAT(names::checkDns1123Label("Otel").value_or(""),
                HasSubstr("must consist of lower case alphanumeric characters or '-', and must start and end "
                          "with an alphanumeric character"));
}

TEST_F(NameMessages, TooLongLabel_SaysTheLimit) {
    EXPECT_THAT(names::checkDns1123Label(std::string(64, 'a')).value_or(""),
                HasSubstr("must be no more than 63 characters"));
}

TEST_F(NameMessages, ServiceName_SaysItMustStartWithALetter) {
    EXPECT_THAT(names::checkDns1035Label("1abc").value_or(""),
                HasSubstr("start with an alphabetic character"));
}

TEST_F(NameMessages, PortName_ListsEveryProblem) {
    const std::string problem = names::checkPortName("-1--").value_or("");

    EXPECT_THAT(problem, HasSubstr("must contain at least one letter (a-z)"));
    EXPECT_THAT(problem, HasSubstr("must not contain consecutive hyphens"));
    EXPECT_THAT(problem, HasSubstr("must not begin or end with a hyphen"));
}

TEST_F(NameMessages, LabelKeyPrefix_IsNamedAsThePrefixPart) {
    EXPECT_THAT(names::checkLabelKey("Example.com/name").value_or(""),
                HasSubstr("prefix part a lowercase RFC 1123 subdomain"));
}

TEST_F(NameMessages, PathSegment_NamesTheForbiddenCharacter) {
    EXPECT_EQ(names::checkPathSegmentName("a/b"), "may not contain '/'");
}

} // namespace
