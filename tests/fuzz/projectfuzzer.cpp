// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the project loader; a file it accepts must survive writing and reading back.
#include "fuzzcheck.h"
#include "model/projectfile.h"

using namespace otelconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto loaded = parseProject(fuzz::inputText(data, size), "fuzz.yaml");
    if (!loaded) {
        fuzz::require(!loaded.error().message.empty(), "a rejected project file has a message");
        return 0;
    }

    const std::string written = writeProject(loaded->project);
    const auto reread = parseProject(written, "written.yaml");
    fuzz::require(reread.has_value(), "a written project loads again",
                  [&] { return written + "\n" + reread.error().toString(); });
    fuzz::require(reread->project == loaded->project, "parseProject(writeProject(p)) == p",
                  [&] { return written; });
    return 0;
}
