// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

namespace otelconsole::sandbox {

/// The defaults the API server fills into a pod spec, whether of a Pod or of a workload's template.
class PodSpecDefaulter {
public:
    /// `forPod` adds what only bare Pods get (service account, requests copied from limits).
    /// `nativeSidecars` false drops init-container restartPolicy, as clusters before 1.29 do.
    static void apply(nlohmann::json &spec, bool forPod, bool nativeSidecars);

    /// Rewrites every valid quantity in a resources block to its canonical form.
    static void canonicalizeQuantities(nlohmann::json &quantities);

private:
    static void applyContainer(nlohmann::json &container, bool forPod);
    static void applyProbe(nlohmann::json &probe);
    static void applyVolume(nlohmann::json &volume);
};

} // namespace otelconsole::sandbox
