// SPDX-License-Identifier: Apache-2.0
#include "validationtest.h"

#include <gmock/gmock.h>

using namespace otelconsole;
using testing::HasSubstr;

class ProcessorChecks : public ValidationTest {
protected:
    Json &limiter() { return processor("memory_limiter").config; }
    Json &batch() { return processor("batch").config; }
};

TEST_F(ProcessorChecks, PipelineWithoutMemoryLimiter_IsAWarning) {
    traces().processors = {"batch"};
    m_project.collector.processors.erase(m_project.collector.processors.begin());
    const Diagnostic found = only("memory-limiter.missing");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.service.pipelines.traces.processors");
    EXPECT_THAT(found.message, HasSubstr("OOM"));
    EXPECT_THAT(found.fix, HasSubstr("limit_mib: 1638 and spike_limit_mib: 409"));
}

TEST_F(ProcessorChecks, MemoryLimiterAfterBatch_IsAWarning) {
    traces().processors = {"batch", "memory_limiter"};
    const Diagnostic found = only("memory-limiter.not-first");
    EXPECT_EQ(found.severity, Severity::Warning);
    EXPECT_EQ(found.path, "collector.service.pipelines.traces.processors[1]");
    EXPECT_THAT(found.message, HasSubstr("processor 2"));
    EXPECT_THAT(found.fix, HasSubstr("front"));
}

TEST_F(ProcessorChecks, LimitAtTheContainerLimit_IsAnErrorWithSizedFix) {
    m_project.deployment.resources.limits.memory = "4Gi";
    limiter()["limit_mib"] = 4096;
    const Diagnostic found = only("memory-limiter.limit-above-container");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.processors.memory_limiter.limit_mib");
    EXPECT_THAT(found.message, HasSubstr("limit_mib 4096"));
    EXPECT_THAT(found.message, HasSubstr("4096 MiB (4Gi)"));
    EXPECT_THAT(found.fix, HasSubstr("limit_mib: 3276 and spike_limit_mib: 819"));
}

TEST_F(ProcessorChecks, LimitBelowTheContainerLimit_IsAccepted) {
    m_project.deployment.resources.limits.memory = "4Gi";
    limiter()["limit_mib"] = 4095;
    EXPECT_FALSE(has("memory-limiter.limit-above-container"));
}

TEST_F(ProcessorChecks, LimitPercentageAbove100_IsAnError) {
    limiter().erase("limit_mib");
    limiter().erase("spike_limit_mib");
    limiter()["limit_percentage"] = 120;
    const Diagnostic found = only("memory-limiter.percentage-out-of-range");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.processors.memory_limiter.limit_percentage");
    EXPECT_THAT(found.message, HasSubstr("120"));
}

TEST_F(ProcessorChecks, MissingCheckInterval_IsAnError) {
    limiter().erase("check_interval");
    const Diagnostic found = only("memory-limiter.check-interval");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.processors.memory_limiter.check_interval");
    EXPECT_THAT(found.message, HasSubstr("not set"));
    EXPECT_EQ(found.fix, "set check_interval: 1s");
}

TEST_F(ProcessorChecks, ZeroCheckInterval_IsAnError) {
    limiter()["check_interval"] = "0s";
    EXPECT_THAT(only("memory-limiter.check-interval").message, HasSubstr("is 0s"));
}

TEST_F(ProcessorChecks, MalformedCheckInterval_IsAnError) {
    limiter()["check_interval"] = "1 second";
    EXPECT_THAT(only("memory-limiter.check-interval").message, HasSubstr("not a duration"));
}

TEST_F(ProcessorChecks, NoLimitAtAll_IsAnError) {
    limiter().erase("limit_mib");
    limiter().erase("spike_limit_mib");
    const Diagnostic found = only("memory-limiter.no-limit");
    EXPECT_EQ(found.path, "collector.processors.memory_limiter");
    EXPECT_THAT(found.fix, HasSubstr("limit_mib: 1638"));
}

TEST_F(ProcessorChecks, SpikeNotBelowLimit_IsAnError) {
    limiter()["spike_limit_mib"] = 1638;
    const Diagnostic found = only("memory-limiter.spike-not-below-limit");
    EXPECT_EQ(found.path, "collector.processors.memory_limiter.spike_limit_mib");
    EXPECT_THAT(found.fix, HasSubstr("327"));
}

TEST_F(ProcessorChecks, SeedsBatchSizeKey_IsAnErrorNamingTheRealKey) {
    batch() = yaml("{timeout: 10s, batch_size: 1000}");
    const Diagnostic found = only("batch.unknown-key");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.processors.batch.batch_size");
    EXPECT_THAT(found.message,
                HasSubstr("unknown key batch_size; the batch processor's key is send_batch_size"));
    EXPECT_EQ(found.fix, "rename batch_size: 1000 to send_batch_size: 1000");
}

TEST_F(ProcessorChecks, MaxBatchBelowBatchSize_IsAnError) {
    batch()["send_batch_max_size"] = 500;
    const Diagnostic found = only("batch.max-below-size");
    EXPECT_EQ(found.severity, Severity::Error);
    EXPECT_EQ(found.path, "collector.processors.batch.send_batch_max_size");
    EXPECT_THAT(found.message, HasSubstr("500 of \"batch\" is less than send_batch_size 1000"));
}

TEST_F(ProcessorChecks, MaxBatchZero_MeansNoSplitting) {
    batch()["send_batch_max_size"] = 0;
    EXPECT_FALSE(has("batch.max-below-size"));
}

TEST_F(ProcessorChecks, MaxBatchBelowTheDefaultSize_IsAnError) {
    batch() = yaml("{send_batch_max_size: 1000}");
    EXPECT_THAT(only("batch.max-below-size").message, HasSubstr("send_batch_size 8192"));
}
