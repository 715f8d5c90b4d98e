// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the kubeconfig parser and merges the result the way several files are merged.
#include "fuzzcheck.h"
#include "kube/kubeconfigloader.h"

using namespace otelconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto config = KubeConfigLoader::parse(fuzz::inputText(data, size), "/fuzz/.kube/config");
    if (!config) {
        fuzz::require(!config.error().message.empty(), "a rejected kubeconfig has a message");
        return 0;
    }

    KubeConfig merged;
    merged.mergeFrom(*config);
    merged.mergeFrom(*config);
    fuzz::require(merged.clusters.size() == config->clusters.size()
                      && merged.users.size() == config->users.size()
                      && merged.contexts.size() == config->contexts.size(),
                  "merging a kubeconfig twice adds nothing the second time");
    return 0;
}
