// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the YAML to JSON converter; whatever it accepts, the YAML writer must write
// so that reading it back gives the same JSON.
#include "common/yaml.h"
#include "fuzzcheck.h"

using namespace otelconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto json = parseYaml(fuzz::inputText(data, size), "fuzz.yaml");
    if (!json) {
        fuzz::require(!json.error().message.empty(), "rejected YAML has a message");
        return 0;
    }

    const std::string written = toYaml(*json);
    fuzz::require(toYaml(*json) == written, "toYaml writes the same bytes every time");
    const auto reread = parseYaml(written, "written.yaml");
    fuzz::require(reread.has_value(), "toYaml output is valid YAML",
                  [&] { return written + "\n" + reread.error().toString(); });
    fuzz::require(*reread == *json, "parseYaml(toYaml(j)) == j", [&] {
        return json->dump(-1, ' ', false, Json::error_handler_t::replace) + "\n" + written;
    });
    return 0;
}
