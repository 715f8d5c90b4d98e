// SPDX-License-Identifier: Apache-2.0
#include "kube/kubeconfig.h"

namespace otelconsole {

namespace {

template<typename Entry>
void addMissing(std::map<std::string, Entry> &into, const std::map<std::string, Entry> &from) {
    for (const auto &[name, entry] : from)
        into.try_emplace(name, entry);
}

} // namespace

void KubeConfig::mergeFrom(const KubeConfig &other) {
    addMissing(clusters, other.clusters);
    addMissing(users, other.users);
    addMissing(contexts, other.contexts);
    if (currentContext.empty())
        currentContext = other.currentContext;
    files.insert(files.end(), other.files.begin(), other.files.end());
}

} // namespace otelconsole
