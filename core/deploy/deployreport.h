// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deploy/deploymentjournal.h"
#include "deploy/resourceusage.h"
#include "deploy/rolloutcheck.h"
#include "deploy/semanticdiff.h"
#include "monitor/collectorthroughput.h"
#include "validate/diagnostic.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace otelconsole {

/// How a deploy should go.
struct DeployOptions {
    bool dryRun = false;         ///< stop after the preflight, the server-side dry run and the diff
    bool forceConflicts = false; ///< take over fields other field managers own instead of stopping
    /// Wait this long for the rollout after applying; nullopt: do not wait.
    std::optional<std::chrono::milliseconds> waitTimeout;
};

/// What the cluster and the user's rights say about a deploy before anything is written.
struct PreflightReport {
    std::vector<Diagnostic> validationErrors;    ///< the project's own errors
    std::vector<std::string> missingPermissions; ///< one sentence per resource and scope
    std::vector<std::string> blockers;           ///< other reasons the deploy cannot work
    std::vector<std::string> notes;              ///< worth knowing, not blocking
    std::string serverVersion;

    [[nodiscard]] bool passed() const {
        return validationErrors.empty() && missingPermissions.empty() && blockers.empty();
    }
    /// Every blocking finding as one sentence, validation errors first.
    [[nodiscard]] std::vector<std::string> problems() const;
};

/// The outcome of a deploy (or of its dry run).
struct DeployReport {
    PreflightReport preflight;
    std::vector<ObjectDiff> changes;      ///< per object: create, change (with fields), unchanged, remove
    std::vector<JournalEntry> objects;    ///< per object outcome of the apply; empty for a dry run
    std::optional<RolloutStatus> rollout; ///< when asked to wait
    bool dryRun = false;

    /// Whether some pod template changes, so pods will be replaced.
    [[nodiscard]] bool restartsPods() const;
};

/// What a config update did.
struct ConfigUpdateReport {
    std::string previousChecksum;
    std::string checksum;
    bool podsRestart = false; ///< the checksum changed, so the workload rolls its pods
    std::vector<JournalEntry> objects;
    std::optional<RolloutStatus> rollout;
};

/// CPU, memory and throughput of the collector now.
struct DeploymentMetrics {
    bool resourceMetricsAvailable = false;
    std::string resourceMetricsUnavailable; ///< why not, e.g. the metrics API is not served
    std::vector<PodUsage> pods;
    double totalCpuMillicores = 0.0;
    double totalMemoryMiB = 0.0;

    bool throughputAvailable = false;
    std::string throughputUnavailable; ///< why not: proxy refused, metrics on localhost only...
    CollectorThroughput throughput;    ///< summed over the pods that answered
    int podsScraped = 0;
};

} // namespace otelconsole
