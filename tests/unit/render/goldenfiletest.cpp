// SPDX-License-Identifier: Apache-2.0
//
// Renders each example project and compares the YAML with tests/unit/render/golden/<example>.yaml.
// After an intended change to the rendered output, rewrite the golden files with
//     OTELCONSOLE_UPDATE_GOLDEN=1 ./test_render --gtest_filter='Examples/RendererGolden.*'
// and review the diff like any other change: it is exactly what users will see in their pull requests.
#include "model/projectfile.h"
#include "render/renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace otelconsole {
namespace {

std::optional<std::string> readFile(const std::string &path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

std::vector<std::string> linesOf(const std::string &text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// The first line where the texts differ, for a failure message a person can read.
std::string firstDifference(const std::string &expected, const std::string &actual) {
    const std::vector<std::string> expectedLines = linesOf(expected);
    const std::vector<std::string> actualLines = linesOf(actual);
    const std::size_t common = std::min(expectedLines.size(), actualLines.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (expectedLines[i] != actualLines[i]) {
            return "line " + std::to_string(i + 1) + ": golden `" + expectedLines[i] + "`, rendered `"
                   + actualLines[i] + "`";
        }
    }
    return "golden has " + std::to_string(expectedLines.size()) + " lines, rendered "
           + std::to_string(actualLines.size());
}

bool updatingGoldenFiles() {
    const char *update = std::getenv("OTELCONSOLE_UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

class RendererGolden : public ::testing::TestWithParam<std::string> {
protected:
    static std::string examplePath(const std::string &example) {
        return std::string(OTELCONSOLE_SOURCE_DIR) + "/resources/examples/" + example + ".yaml";
    }

    static std::string goldenPath(const std::string &example) {
        return std::string(OTELCONSOLE_SOURCE_DIR) + "/tests/unit/render/golden/" + example + ".yaml";
    }
};

TEST_P(RendererGolden, Example_RendersAsTheGoldenFile) {
    const auto loaded = loadProjectFile(examplePath(GetParam()));
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    const auto plan = renderPlan(loaded->project, Catalog::builtin());
    ASSERT_TRUE(plan.has_value()) << plan.error().toString();
    const std::string rendered = plan->toYaml();

    if (updatingGoldenFiles()) {
        std::ofstream(goldenPath(GetParam()), std::ios::binary | std::ios::trunc) << rendered;
        GTEST_SKIP() << "rewrote " << goldenPath(GetParam());
    }
    const auto golden = readFile(goldenPath(GetParam()));
    ASSERT_TRUE(golden.has_value()) << "no golden file " << goldenPath(GetParam())
                                    << "; create it with OTELCONSOLE_UPDATE_GOLDEN=1";
    EXPECT_TRUE(rendered == *golden)
        << firstDifference(*golden, rendered)
        << "\nIf the change is intended, rerun with OTELCONSOLE_UPDATE_GOLDEN=1 and "
           "review the diff.";
}

INSTANTIATE_TEST_SUITE_P(Examples, RendererGolden, ::testing::Values("gateway", "daemonset-logs", "sidecar"),
                         [](const ::testing::TestParamInfo<std::string> &example) {
                             std::string name = example.param;
                             std::ranges::replace(name, '-', '_');
                             return name;
                         });

} // namespace
} // namespace otelconsole
