// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the collector config importer; an accepted config written back as
// config.yaml must import again with the same meaning.
#include "common/yaml.h"
#include "fuzzcheck.h"
#include "model/projectfile.h"

using namespace otelconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto config = parseCollectorConfig(fuzz::inputText(data, size), "config.yaml");
    if (!config) {
        fuzz::require(!config.error().message.empty(), "a rejected collector config has a message");
        return 0;
    }

    const std::string written = toYaml(collectorConfigToJson(*config));
    const auto reread = parseCollectorConfig(written, "written.yaml");
    fuzz::require(reread.has_value(), "a written collector config imports again",
                  [&] { return written + "\n" + reread.error().toString(); });
    fuzz::require(*reread == *config, "importing the written collector config gives the same config",
                  [&] { return written; });
    return 0;
}
