// SPDX-License-Identifier: Apache-2.0
#include "validate/diagnostic.h"

#include <gtest/gtest.h>

using namespace otelconsole;

class DiagnosticText : public testing::Test {
protected:
    Diagnostic m_diagnostic{
        Severity::Warning,        "resources.no-memory-limit",   "resources.limits.memory",
        "no memory limit is set", "set resources.limits.memory", {}};
};

TEST_F(DiagnosticText, WithLocation_StartsWithFileLineAndColumn) {
    m_diagnostic.location = SourceLocation{"gateway.yaml", 7, 3};
    EXPECT_EQ(m_diagnostic.toString(),
              "gateway.yaml:7:3: warning: no memory limit is set (fix: set resources.limits.memory)");
}

TEST_F(DiagnosticText, WithoutLocation_StartsWithThePath) {
    EXPECT_EQ(m_diagnostic.toString(),
              "resources.limits.memory: warning: no memory limit is set (fix: set resources.limits.memory)");
}

TEST_F(DiagnosticText, WithoutFix_EndsWithTheMessage) {
    m_diagnostic.fix.clear();
    m_diagnostic.severity = Severity::Info;
    EXPECT_EQ(m_diagnostic.toString(), "resources.limits.memory: info: no memory limit is set");
}

TEST_F(DiagnosticText, Severities_HaveLowerCaseNames) {
    EXPECT_EQ(toString(Severity::Error), "error");
    EXPECT_EQ(toString(Severity::Warning), "warning");
    EXPECT_EQ(toString(Severity::Info), "info");
}

TEST_F(DiagnosticText, HasErrors_IgnoresWarningsAndInfos) {
    std::vector<Diagnostic> diagnostics{m_diagnostic};
    diagnostics.push_back(m_diagnostic);
    diagnostics.back().severity = Severity::Info;
    EXPECT_FALSE(hasErrors(diagnostics));

    diagnostics.back().severity = Severity::Error;
    EXPECT_TRUE(hasErrors(diagnostics));
}
