// SPDX-License-Identifier: Apache-2.0
#include "model/quantity.h"
#include "validate/checks.h"
#include "validate/configvalues.h"
#include "validate/validationcontext.h"

#include <optional>

namespace otelconsole {

namespace {

constexpr std::int64_t bytesPerMib = 1024 * 1024;
constexpr std::int64_t defaultSendBatchSize = 8192;

/// The container's memory limit in MiB, when one is set and valid.
std::optional<std::int64_t> containerMemoryMib(const ValidationContext &context) {
    const Result<Quantity> limit = Quantity::parse(context.project().deployment.resources.limits.memory);
    if (!limit || limit->isZero())
        return std::nullopt;
    return limit->value() / bytesPerMib;
}

/// limit_mib and spike_limit_mib at 80% and 20% of the container limit: the collector refuses data
/// from the soft limit (60%) on, and the Go runtime keeps headroom below the container limit.
std::string suggestedLimits(const ValidationContext &context) {
    const std::optional<std::int64_t> mib = containerMemoryMib(context);
    if (!mib)
        return "limit_mib: 80% and spike_limit_mib: 20% of the container's memory limit";
    return "limit_mib: " + std::to_string(*mib * 8 / 10)
           + " and spike_limit_mib: " + std::to_string(*mib * 2 / 10) + " (80% and 20% of the "
           + context.project().deployment.resources.limits.memory + " limit)";
}

bool isType(std::string_view id, std::string_view type) {
    return ValidationContext::typeOf(id) == type;
}

void checkMemoryLimiterPlacement(ValidationContext &context, const Pipeline &pipeline) {
    const std::string path = ValidationContext::pipelinePath(pipeline.id) + ".processors";
    const auto found = std::ranges::find_if(
        pipeline.processors, [](const std::string &id) { return isType(id, "memory_limiter"); });
    if (found == pipeline.processors.end()) {
        context.report(Severity::Warning, "memory-limiter.missing", path,
                       "pipeline " + pipeline.id
                           + " has no memory_limiter: in a traffic spike the collector keeps accepting data "
                             "until it is OOM-killed and loses everything in flight",
                       "define memory_limiter with check_interval: 1s, " + suggestedLimits(context)
                           + ", and put it first in the pipeline's processors");
        return;
    }
    const auto index = found - pipeline.processors.begin();
    if (index == 0)
        return;
    context.report(Severity::Warning, "memory-limiter.not-first", path + "[" + std::to_string(index) + "]",
                   "\"" + *found + "\" is processor " + std::to_string(index + 1) + " of pipeline "
                       + pipeline.id
                       + "; the processors before it spend memory on data it would have refused",
                   "move \"" + *found + "\" to the front of the pipeline's processors");
}

void checkCheckInterval(ValidationContext &context, const Component &limiter, const std::string &path) {
    const Json *interval = findSetting(limiter.config, "check_interval");
    std::optional<std::int64_t> nanos;
    if (interval && interval->is_string())
        nanos = parseGoDuration(interval->get<std::string>());
    else if (interval && interval->is_number_integer())
        nanos = interval->get<std::int64_t>();
    if (nanos && *nanos > 0)
        return;

    const std::string found =
        !interval ? "is not set"
                  : "is " + (interval->is_string() ? interval->get<std::string>() : interval->dump());
    const std::string why = interval && interval->is_string() && !nanos
                                ? ", which is not a duration"
                                : "; the default of 0s is rejected at startup";
    context.report(Severity::Error, "memory-limiter.check-interval", path + ".check_interval",
                   "check_interval of \"" + limiter.id + "\" " + found + why, "set check_interval: 1s");
}

void checkLimitAgainstContainer(ValidationContext &context, const Component &limiter,
                                const std::string &path) {
    const std::optional<std::int64_t> limitMib = integerSetting(limiter.config, "limit_mib");
    const std::optional<std::int64_t> containerMib = containerMemoryMib(context);
    if (!limitMib || !containerMib || *limitMib < *containerMib)
        return;
    context.report(Severity::Error, "memory-limiter.limit-above-container", path + ".limit_mib",
                   "limit_mib " + std::to_string(*limitMib) + " of \"" + limiter.id
                       + "\" is not below the container's memory limit of " + std::to_string(*containerMib)
                       + " MiB (" + context.project().deployment.resources.limits.memory
                       + "): the container is OOM-killed before the limiter acts",
                   "set " + suggestedLimits(context));
}

void checkPercentage(ValidationContext &context, const Component &limiter, const std::string &path,
                     std::string_view key) {
    const std::optional<std::int64_t> percentage = integerSetting(limiter.config, key);
    if (!percentage || (*percentage >= 0 && *percentage <= 100))
        return;
    context.report(Severity::Error, "memory-limiter.percentage-out-of-range", path + "." + std::string(key),
                   std::string(key) + " of \"" + limiter.id + "\" is " + std::to_string(*percentage)
                       + "; it is a share of the container's memory, from 0 to 100",
                   "set " + std::string(key) + (key == "limit_percentage" ? " to 80" : " to 20"));
}

void checkLimitsPresentAndOrdered(ValidationContext &context, const Component &limiter,
                                  const std::string &path) {
    const std::int64_t limitMib = integerSetting(limiter.config, "limit_mib").value_or(0);
    const std::int64_t limitPercentage = integerSetting(limiter.config, "limit_percentage").value_or(0);
    if (limitMib == 0 && limitPercentage == 0) {
        context.report(Severity::Error, "memory-limiter.no-limit", path,
                       "\"" + limiter.id
                           + "\" sets neither limit_mib nor limit_percentage; the collector requires one",
                       "set " + suggestedLimits(context));
        return;
    }

    const std::optional<std::int64_t> spikeMib = integerSetting(limiter.config, "spike_limit_mib");
    if (limitMib > 0 && spikeMib && *spikeMib >= limitMib) {
        context.report(Severity::Error, "memory-limiter.spike-not-below-limit", path + ".spike_limit_mib",
                       "spike_limit_mib " + std::to_string(*spikeMib) + " of \"" + limiter.id
                           + "\" is not below limit_mib " + std::to_string(limitMib)
                           + "; the collector rejects it",
                       "set spike_limit_mib to 20% of limit_mib: " + std::to_string(limitMib / 5));
    }
}

void checkMemoryLimiter(ValidationContext &context, const Component &limiter) {
    const std::string path = ValidationContext::componentPath(ComponentKind::Processor, limiter.id);
    checkCheckInterval(context, limiter, path);
    checkLimitsPresentAndOrdered(context, limiter, path);
    checkLimitAgainstContainer(context, limiter, path);
    checkPercentage(context, limiter, path, "limit_percentage");
    checkPercentage(context, limiter, path, "spike_limit_percentage");
}

void checkBatch(ValidationContext &context, const Component &batch) {
    const std::string path = ValidationContext::componentPath(ComponentKind::Processor, batch.id);
    if (const Json *size = findSetting(batch.config, "batch_size")) {
        context.report(Severity::Error, "batch.unknown-key", path + ".batch_size",
                       "unknown key batch_size; the batch processor's key is send_batch_size, and the "
                       "collector refuses to start with an unknown key in \""
                           + batch.id + "\"",
                       "rename batch_size: " + size->dump() + " to send_batch_size: " + size->dump());
    }

    const std::optional<std::int64_t> maxSize = integerSetting(batch.config, "send_batch_max_size");
    const std::int64_t size = integerSetting(batch.config, "send_batch_size").value_or(defaultSendBatchSize);
    if (!maxSize || *maxSize == 0 || *maxSize >= size)
        return;
    context.report(Severity::Error, "batch.max-below-size", path + ".send_batch_max_size",
                   "send_batch_max_size " + std::to_string(*maxSize) + " of \"" + batch.id
                       + "\" is less than send_batch_size " + std::to_string(size)
                       + "; the collector rejects a maximum below the trigger size",
                   "raise send_batch_max_size to at least " + std::to_string(size)
                       + ", or lower send_batch_size");
}

} // namespace

void checkProcessors(ValidationContext &context) {
    for (const Pipeline &pipeline : context.project().collector.pipelines)
        checkMemoryLimiterPlacement(context, pipeline);

    // The collector validates every defined component's settings at startup, used or not.
    // TODO: only memory_limiter's and batch's settings are checked here; a misspelt key in any other
    // component passes validation and is reported only when the collector refuses to start.
    for (const Component &processor : context.components(ComponentKind::Processor)) {
        if (isType(processor.id, "memory_limiter"))
            checkMemoryLimiter(context, processor);
        else if (isType(processor.id, "batch"))
            checkBatch(context, processor);
    }
}

} // namespace otelconsole
