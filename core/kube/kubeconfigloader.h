// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "kube/kubeconfig.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// Reads kubeconfig files the way kubectl does: the `KUBECONFIG` list or `~/.kube/config`, merged so that
/// the first file defining a name wins, relative paths resolved against each file's directory.
class KubeConfigLoader {
public:
    /// The files kubectl would read: `KUBECONFIG` split on ':' with empty entries and duplicates dropped,
    /// or `<home>/.kube/config` when the variable is unset or empty.
    [[nodiscard]] static std::vector<std::string>
    searchPaths(const std::optional<std::string> &kubeconfigVariable, const std::string &homeDirectory);

    /// Loads `explicitPath` alone when given (it must exist, like `kubectl --kubeconfig`), else the
    /// search paths taken from this process's environment.
    [[nodiscard]] static Result<KubeConfig> load(const std::string &explicitPath = {});

    /// Loads and merges the files in order; files that do not exist are skipped.
    [[nodiscard]] static Result<KubeConfig> loadFiles(const std::vector<std::string> &paths);

    /// Loads one file; a missing file is an error.
    [[nodiscard]] static Result<KubeConfig> loadFile(const std::string &path);

    /// Parses kubeconfig text; `file` names it in errors and anchors relative paths.
    [[nodiscard]] static Result<KubeConfig> parse(std::string_view text, const std::string &file);
};

} // namespace otelconsole
