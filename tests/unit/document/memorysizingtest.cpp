// SPDX-License-Identifier: Apache-2.0
#include "document/memorysizing.h"

#include "catalog/catalog.h"
#include "model/projectfile.h"
#include "validate/validator.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace otelconsole;

struct SizingCase {
    const char *limit;
    std::optional<MemorySizing> expected;
};

class MemorySizingRule : public ::testing::TestWithParam<SizingCase> {};

TEST_P(MemorySizingRule, GivesEightyAndTwentyPercentInWholeMib) {
    EXPECT_EQ(memorySizingFor(GetParam().limit), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Limits, MemorySizingRule,
                         ::testing::Values(SizingCase{"4Gi", MemorySizing{4096, 3276, 819}},
                                           SizingCase{"512Mi", MemorySizing{512, 409, 102}},
                                           SizingCase{"1G", MemorySizing{953, 762, 190}},
                                           SizingCase{"5Mi", MemorySizing{5, 4, 1}},
                                           SizingCase{"4Mi", std::nullopt}, SizingCase{"4", std::nullopt},
                                           SizingCase{"4 Gi", std::nullopt}, SizingCase{"", std::nullopt}));

class ApplyMemoryLimiter : public ::testing::Test {
protected:
    static Project example(const std::string &name) {
        auto loaded = loadProjectFile(OTELCONSOLE_SOURCE_DIR "/resources/examples/" + name + ".yaml");
        EXPECT_TRUE(loaded.has_value());
        return loaded ? loaded->project : Project{};
    }

    static const Component *processor(const CollectorConfig &config, const std::string &id) {
        const auto found = std::ranges::find(config.processors, id, &Component::id);
        return found == config.processors.end() ? nullptr : &*found;
    }

    Project m_project = example("gateway");
};

TEST_F(ApplyMemoryLimiter, WithoutLimiter_AddsOneFirstInEveryPipeline) {
    CollectorConfig &config = m_project.collector;
    std::erase_if(config.processors, [](const Component &c) { return c.id == "memory_limiter"; });
    for (Pipeline &pipeline : config.pipelines)
        std::erase(pipeline.processors, "memory_limiter");

    applyMemoryLimiter(config, MemorySizing{2048, 1638, 409});

    const Component *limiter = processor(config, "memory_limiter");
    ASSERT_NE(limiter, nullptr);
    EXPECT_EQ(limiter->config["check_interval"], "1s");
    EXPECT_EQ(limiter->config["limit_mib"], 1638);
    for (const Pipeline &pipeline : config.pipelines)
        EXPECT_EQ(pipeline.processors.front(), "memory_limiter") << pipeline.id;
}

TEST_F(ApplyMemoryLimiter, ExistingLimiter_IsUpdatedAndMovedFirst) {
    CollectorConfig &config = m_project.collector;
    std::ranges::rotate(config.pipelines.front().processors, config.pipelines.front().processors.begin() + 1);

    applyMemoryLimiter(config, MemorySizing{2048, 1638, 409});

    EXPECT_EQ(processor(config, "memory_limiter")->config["spike_limit_mib"], 409);
    EXPECT_EQ(config.pipelines.front().processors.front(), "memory_limiter");
    EXPECT_EQ(std::ranges::count(config.pipelines.front().processors, "memory_limiter"), 1);
}

TEST_F(ApplyMemoryLimiter, Percentages_AreDropped) {
    Component *limiter = const_cast<Component *>(processor(m_project.collector, "memory_limiter"));
    limiter->config["limit_percentage"] = 80;

    applyMemoryLimiter(m_project.collector, MemorySizing{2048, 1638, 409});

    EXPECT_FALSE(limiter->config.contains("limit_percentage"));
}

TEST_F(ApplyMemoryLimiter, Result_IsRecognisedAsApplied) {
    const MemorySizing sizing{2048, 1638, 409};
    EXPECT_FALSE(hasMemoryLimiter(m_project.collector, sizing));

    applyMemoryLimiter(m_project.collector, sizing);

    EXPECT_TRUE(hasMemoryLimiter(m_project.collector, sizing));
}

TEST_F(ApplyMemoryLimiter, SizedForTheContainer_SatisfiesTheValidator) {
    m_project.deployment.resources.limits.memory = "1Gi";
    m_project.deployment.resources.requests.memory = "1Gi";

    applyMemoryLimiter(m_project.collector, *memorySizingFor("1Gi"));

    for (const Diagnostic &diagnostic : validateProject(m_project, Catalog::builtin()))
        EXPECT_FALSE(diagnostic.code.starts_with("memory-limiter.")) << diagnostic.toString();
}

} // namespace
