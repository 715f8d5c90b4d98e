// SPDX-License-Identifier: Apache-2.0
#include "document/memorysizing.h"

#include "model/quantity.h"

#include <algorithm>

namespace otelconsole {

namespace {

constexpr std::int64_t bytesPerMib = 1024 * 1024;
constexpr std::int64_t smallestSizableMib = 5;
constexpr std::string_view limiterType = "memory_limiter";

bool isLimiter(std::string_view id) {
    return id.substr(0, id.find('/')) == limiterType;
}

Component *findLimiter(CollectorConfig &config) {
    const auto found =
        std::ranges::find_if(config.processors, [](const Component &c) { return isLimiter(c.id); });
    return found == config.processors.end() ? nullptr : &*found;
}

const Component *findLimiter(const CollectorConfig &config) {
    const auto found =
        std::ranges::find_if(config.processors, [](const Component &c) { return isLimiter(c.id); });
    return found == config.processors.end() ? nullptr : &*found;
}

bool settingEquals(const Json &config, const char *key, std::int64_t value) {
    return config.is_object() && config.contains(key) && config[key].is_number_integer()
           && config[key].get<std::int64_t>() == value;
}

/// Moves the pipeline's first memory_limiter to the front, or puts `id` there when it has none.
void putLimiterFirst(Pipeline &pipeline, const std::string &id) {
    std::vector<std::string> &processors = pipeline.processors;
    const auto found = std::ranges::find_if(processors, [](const std::string &p) { return isLimiter(p); });
    if (found == processors.end()) {
        processors.insert(processors.begin(), id);
        return;
    }
    std::rotate(processors.begin(), found, found + 1);
}

} // namespace

std::optional<MemorySizing> memorySizingFor(std::string_view memoryLimit) {
    const Result<Quantity> limit = Quantity::parse(memoryLimit);
    if (!limit)
        return std::nullopt;

    const std::int64_t containerMib = limit->value() / bytesPerMib;
    if (containerMib < smallestSizableMib)
        return std::nullopt;
    return MemorySizing{containerMib, containerMib * 8 / 10, containerMib * 2 / 10};
}

bool hasMemoryLimiter(const CollectorConfig &config, const MemorySizing &sizing) {
    const Component *limiter = findLimiter(config);
    if (!limiter || !settingEquals(limiter->config, "limit_mib", sizing.limitMib)
        || !settingEquals(limiter->config, "spike_limit_mib", sizing.spikeLimitMib))
        return false;
    return std::ranges::all_of(config.pipelines, [](const Pipeline &pipeline) {
        return !pipeline.processors.empty() && isLimiter(pipeline.processors.front());
    });
}

void applyMemoryLimiter(CollectorConfig &config, const MemorySizing &sizing) {
    Component *limiter = findLimiter(config);
    if (!limiter) {
        config.processors.insert(config.processors.begin(),
                                 Component{std::string(limiterType), Json::object()});
        limiter = &config.processors.front();
    }
    if (!limiter->config.is_object())
        limiter->config = Json::object();
    // The collector's default of 0s is rejected at startup.
    if (!limiter->config.contains("check_interval"))
        limiter->config["check_interval"] = "1s";

    limiter->config["limit_mib"] = sizing.limitMib;
    limiter->config["spike_limit_mib"] = sizing.spikeLimitMib;
    limiter->config.erase("limit_percentage");
    limiter->config.erase("spike_limit_percentage");

    const std::string id = limiter->id;
    for (Pipeline &pipeline : config.pipelines)
        putLimiterFirst(pipeline, id);
}

} // namespace otelconsole
