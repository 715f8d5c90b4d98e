// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <optional>

namespace otelconsole {

namespace {

std::string describe(const IntOrPercent &value) {
    return std::to_string(value.value) + (value.percent ? "%" : "");
}

void checkHpaTarget(ValidationContext &context, const std::optional<int> &target, std::string_view resource,
                    const std::string &request) {
    if (!target)
        return;
    const std::string key = "target_" + std::string(resource) + "_utilization";
    const std::string path = "hpa." + key;
    if (*target < 1 || *target > 100) {
        context.report(Severity::Error, "hpa.target-out-of-range", path,
                       path + " is " + std::to_string(*target)
                           + "; a utilization target is a percentage from 1 to 100",
                       "set " + key + " between 1 and 100, e.g. " + (resource == "cpu" ? "70" : "80"));
    }

    // Utilization is a share of the request; Kubernetes fills a missing request from the limit, so only a
    // container with neither leaves the HPA with nothing to divide by.
    const ResourceList &limits = context.project().deployment.resources.limits;
    const std::string &limit = resource == "cpu" ? limits.cpu : limits.memory;
    if (request.empty() && limit.empty()) {
        context.report(Severity::Warning, "hpa.target-without-request", path,
                       "the HPA scales on " + std::string(resource)
                           + " utilization, a percentage of the container's request, but resources.requests."
                           + std::string(resource)
                           + " is not set; the HPA reports the metric as missing and never scales",
                       "set resources.requests." + std::string(resource));
    }
}

void checkHpa(ValidationContext &context) {
    const auto &hpa = context.project().hpa;
    if (!hpa)
        return;

    if (hpa->minReplicas < 1) {
        context.report(Severity::Error, "hpa.min-replicas-invalid", "hpa.min_replicas",
                       "hpa.min_replicas is " + std::to_string(hpa->minReplicas) + "; it must be at least 1",
                       "set hpa.min_replicas to 2 or more so that one pod can restart while another serves");
    }
    if (hpa->minReplicas > hpa->maxReplicas) {
        context.report(Severity::Error, "hpa.min-above-max", "hpa.max_replicas",
                       "hpa.max_replicas " + std::to_string(hpa->maxReplicas)
                           + " is less than hpa.min_replicas " + std::to_string(hpa->minReplicas),
                       "raise hpa.max_replicas to at least " + std::to_string(hpa->minReplicas)
                           + ", or lower hpa.min_replicas");
    }
    if (!hpa->targetCpuUtilization && !hpa->targetMemoryUtilization) {
        context.report(
            Severity::Error, "hpa.no-target", "hpa",
            "the HPA has no target: neither target_cpu_utilization nor target_memory_utilization is set",
            "set hpa.target_cpu_utilization, e.g. 70");
    }

    const ResourceList &requests = context.project().deployment.resources.requests;
    checkHpaTarget(context, hpa->targetCpuUtilization, "cpu", requests.cpu);
    checkHpaTarget(context, hpa->targetMemoryUtilization, "memory", requests.memory);
}

/// The fewest Gateway pods there will be: the HPA's floor, or the fixed replica count (default 1).
std::optional<int> fewestReplicas(const Project &project) {
    if (project.deployment.mode != DeploymentMode::Gateway)
        return std::nullopt;
    if (project.hpa)
        return project.hpa->minReplicas;
    return project.deployment.replicas.value_or(1);
}

std::string replicaSource(const Project &project) {
    return project.hpa ? "hpa.min_replicas" : "replicas";
}

void checkPdbValue(ValidationContext &context, const std::optional<IntOrPercent> &value,
                   const std::string &path) {
    if (!value)
        return;
    if (value->percent && (value->value < 0 || value->value > 100)) {
        context.report(Severity::Error, "pdb.percentage-out-of-range", path,
                       path + " is " + describe(*value) + "; a percentage must be between 0% and 100%",
                       "use a percentage from 0% to 100%, or a number of pods");
    } else if (!value->percent && value->value < 0) {
        context.report(Severity::Error, "pdb.negative", path,
                       path + " is " + describe(*value) + "; it cannot be negative",
                       "use a number of pods of 0 or more");
    }
}

/// True when the budget allows no voluntary eviction at all; reports why.
bool reportBlockedEviction(ValidationContext &context, const PdbConfig &pdb) {
    const Project &project = context.project();
    const std::optional<int> replicas = fewestReplicas(project);

    if (pdb.minAvailable) {
        const IntOrPercent &minimum = *pdb.minAvailable;
        const bool allPods = minimum.percent ? minimum.value >= 100 : replicas && minimum.value >= *replicas;
        if (!allPods)
            return false;
        const std::string why = minimum.percent ? "keeps every pod up"
                                                : "is not below the " + std::to_string(*replicas)
                                                      + " pods the gateway runs (" + replicaSource(project)
                                                      + ": " + std::to_string(*replicas) + ")";
        const std::string suggestion =
            !minimum.percent && *replicas > 1
                ? "set pdb.min_available to " + std::to_string(*replicas - 1) + ", or use "
                : std::string("use ");
        context.report(Severity::Warning, "pdb.blocks-eviction", "pdb.min_available",
                       "pdb.min_available " + describe(minimum) + " " + why
                           + ": no pod may ever be evicted, so node drains and cluster upgrades hang",
                       suggestion + "pdb.max_unavailable: 1 instead");
        return true;
    }
    if (pdb.maxUnavailable && pdb.maxUnavailable->value == 0) {
        context.report(Severity::Warning, "pdb.blocks-eviction", "pdb.max_unavailable",
                       "pdb.max_unavailable is " + describe(*pdb.maxUnavailable)
                           + ": no pod may ever be evicted, so node drains and cluster upgrades hang",
                       "set pdb.max_unavailable to 1");
        return true;
    }
    return false;
}

void checkPdb(ValidationContext &context) {
    const auto &pdb = context.project().pdb;
    if (!pdb)
        return;

    if (pdb->minAvailable.has_value() == pdb->maxUnavailable.has_value()) {
        const std::string found = pdb->minAvailable ? "both are set" : "neither is set";
        context.report(Severity::Error, "pdb.exactly-one", "pdb",
                       "a PodDisruptionBudget takes exactly one of min_available and max_unavailable; "
                           + found,
                       "keep only pdb.max_unavailable: 1 (or only min_available)");
        return;
    }
    checkPdbValue(context, pdb->minAvailable, "pdb.min_available");
    checkPdbValue(context, pdb->maxUnavailable, "pdb.max_unavailable");

    if (reportBlockedEviction(context, *pdb))
        return;
    const std::optional<int> replicas = fewestReplicas(context.project());
    if (replicas && *replicas == 1) {
        context.report(Severity::Warning, "pdb.single-replica", "pdb",
                       "the gateway runs a single replica (" + replicaSource(context.project())
                           + " 1): a PodDisruptionBudget cannot keep it available while its node drains",
                       "run at least 2 replicas, with pdb.min_available: 1");
    }
}

} // namespace

void checkAvailability(ValidationContext &context) {
    checkHpa(context);
    checkPdb(context);
}

} // namespace otelconsole
