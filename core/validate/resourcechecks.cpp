// SPDX-License-Identifier: Apache-2.0
#include "model/quantity.h"
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <optional>

namespace otelconsole {

namespace {

/// What a collector of each mode needs at the least to start and carry a little traffic, and what to
/// suggest when nothing is set.
struct ModeSizing {
    std::string_view minimumCpu;
    std::string_view minimumMemory;
    std::string_view suggestedCpu;
    std::string_view suggestedMemory;
};

ModeSizing sizingFor(DeploymentMode mode) {
    switch (mode) {
    case DeploymentMode::Gateway:
        return {"500m", "512Mi", "1", "2Gi"};
    case DeploymentMode::DaemonSet:
        return {"100m", "128Mi", "500m", "512Mi"};
    case DeploymentMode::Sidecar:
        return {"50m", "64Mi", "200m", "256Mi"};
    }
    return {"500m", "512Mi", "1", "2Gi"};
}

std::string modeNoun(DeploymentMode mode) {
    return "a " + std::string(toString(mode)) + " collector";
}

/// Parses one field; an unset field is nullopt without a finding, a malformed one is an error.
std::optional<Quantity> parseField(ValidationContext &context, const std::string &text,
                                   const std::string &path, bool isCpu) {
    if (text.empty())
        return std::nullopt;

    const std::string example = isCpu ? "500m or 2" : "512Mi or 4Gi";
    Result<Quantity> quantity = Quantity::parse(text);
    if (!quantity) {
        context.report(Severity::Error, "quantity.invalid", path,
                       path + " \"" + text + "\" is not a valid quantity: " + quantity.error().message,
                       "write a Kubernetes quantity such as " + example);
        return std::nullopt;
    }
    if (*quantity < Quantity()) {
        context.report(Severity::Error, "quantity.invalid", path,
                       path + " \"" + text + "\" is negative; resources cannot be",
                       "write a positive quantity such as " + example);
        return std::nullopt;
    }
    return *quantity;
}

void checkRequestWithinLimit(ValidationContext &context, const std::optional<Quantity> &request,
                             const std::optional<Quantity> &limit, std::string_view resource) {
    if (!request || !limit || *request <= *limit)
        return;

    const ResourceRequirements &resources = context.project().deployment.resources;
    const bool isCpu = resource == "cpu";
    const std::string &requestText = isCpu ? resources.requests.cpu : resources.requests.memory;
    const std::string &limitText = isCpu ? resources.limits.cpu : resources.limits.memory;
    const std::string noun = isCpu ? "CPU" : "memory";
    context.report(
        Severity::Error, "resources.request-exceeds-limit", "resources.requests." + std::string(resource),
        "the " + noun + " request " + requestText + " is more than the " + noun + " limit " + limitText
            + "; the API server rejects a container whose request exceeds its limit",
        "lower resources.requests." + std::string(resource) + " to at most " + limitText
            + ", or raise resources.limits." + std::string(resource) + " to at least " + requestText);
}

void checkLimitSize(ValidationContext &context, const std::optional<Quantity> &limit,
                    std::string_view resource) {
    const ModeSizing sizing = sizingFor(context.mode());
    const bool isCpu = resource == "cpu";
    const std::string_view minimumText = isCpu ? sizing.minimumCpu : sizing.minimumMemory;
    const Result<Quantity> minimum = Quantity::parse(minimumText);
    if (!limit || !minimum || *limit >= *minimum)
        return;

    const ResourceRequirements &resources = context.project().deployment.resources;
    const std::string &limitText = isCpu ? resources.limits.cpu : resources.limits.memory;
    const std::string path = "resources.limits." + std::string(resource);
    const std::string consequence = isCpu ? "the collector will be throttled and fall behind under load"
                                          : "the collector will be OOM-killed as soon as batches queue up";
    context.report(Severity::Warning, "resources.limit-too-small", path,
                   "the " + std::string(isCpu ? "CPU" : "memory") + " limit " + limitText + " is below "
                       + std::string(minimumText) + ", the least recommended for " + modeNoun(context.mode())
                       + "; " + consequence,
                   "raise " + path + " to at least " + std::string(minimumText));
}

void checkLimitsPresent(ValidationContext &context) {
    const ResourceList &limits = context.project().deployment.resources.limits;
    const ModeSizing sizing = sizingFor(context.mode());

    if (limits.memory.empty()) {
        context.report(Severity::Warning, "resources.no-memory-limit", "resources.limits.memory",
                       "no memory limit is set: the collector can grow until the node runs out of memory and "
                       "the kernel kills other pods along with it",
                       "set resources.limits.memory, e.g. " + std::string(sizing.suggestedMemory) + " for "
                           + modeNoun(context.mode()) + ", and memory_limiter's limit_mib to 80% of it");
    }
    if (limits.cpu.empty()) {
        context.report(Severity::Info, "resources.no-cpu-limit", "resources.limits.cpu",
                       "no CPU limit is set: under load the collector may take all spare CPU of its node",
                       "set resources.limits.cpu, e.g. " + std::string(sizing.suggestedCpu) + " for "
                           + modeNoun(context.mode()));
    }
}

} // namespace

void checkResources(ValidationContext &context) {
    const ResourceRequirements &resources = context.project().deployment.resources;
    const std::optional<Quantity> limitCpu =
        parseField(context, resources.limits.cpu, "resources.limits.cpu", true);
    const std::optional<Quantity> limitMemory =
        parseField(context, resources.limits.memory, "resources.limits.memory", false);
    const std::optional<Quantity> requestCpu =
        parseField(context, resources.requests.cpu, "resources.requests.cpu", true);
    const std::optional<Quantity> requestMemory =
        parseField(context, resources.requests.memory, "resources.requests.memory", false);

    checkRequestWithinLimit(context, requestCpu, limitCpu, "cpu");
    checkRequestWithinLimit(context, requestMemory, limitMemory, "memory");

    checkLimitsPresent(context);
    checkLimitSize(context, limitCpu, "cpu");
    checkLimitSize(context, limitMemory, "memory");
}

} // namespace otelconsole
