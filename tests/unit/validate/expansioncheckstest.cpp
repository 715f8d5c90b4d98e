// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class ExpansionChecks : public ValidationTest {};

TEST_F(ExpansionChecks, BashStyleVariable_IsAWarning) {
    exporter("otlp_grpc").config =
        yaml("{endpoint: backend:4317, headers: {authorization: \"Bearer $API_TOKEN\"}}");
    const Diagnostic found = only("config.bash-expansion");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.exporters.otlp_grpc.headers.authorization");
    EXPECT_THAT(found.message, HasSubstr("$API_TOKEN"));
    EXPECT_THAT(found.message, HasSubstr("v0.104"));
    EXPECT_THAT(found.fix, HasSubstr("${env:API_TOKEN}"));
    EXPECT_THAT(found.fix, HasSubstr("$$API_TOKEN"));
}

TEST_F(ExpansionChecks, VariableInsideAList_NamesTheIndex) {
    processor("batch").config = yaml("{metadata_keys: [tenant, $TENANT_KEY]}");
    EXPECT_EQ(only("config.bash-expansion").path, "collector.processors.batch.metadata_keys[1]");
}

TEST_F(ExpansionChecks, VariableInTelemetry_IsAWarning) {
    m_project.collector.telemetry = yaml("{resource: {service.instance.id: $HOSTNAME}}");
    EXPECT_EQ(only("config.bash-expansion").path, "collector.service.telemetry.resource.service.instance.id");
}

struct ExpansionRow {
    const char *text;
    bool flagged;
};

class ExpansionSyntax : public ValidationTest, public ::testing::WithParamInterface<ExpansionRow> {};

TEST_P(ExpansionSyntax, FlagsOnlyBareVariables) {
    exporter("otlp_grpc").config["headers"]["x-value"] = GetParam().text;
    EXPECT_EQ(has("config.bash-expansion"), GetParam().flagged) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Table, ExpansionSyntax,
                         ::testing::Values(ExpansionRow{"$TOKEN", true}, ExpansionRow{"prefix-$_X", true},
                                           ExpansionRow{"${env:TOKEN}", false},
                                           ExpansionRow{"${TOKEN}", false}, ExpansionRow{"$$TOKEN", false},
                                           ExpansionRow{"$$$TOKEN", true}, ExpansionRow{"$1", false},
                                           ExpansionRow{"costs 5$", false},
                                           ExpansionRow{"plain text", false}));
