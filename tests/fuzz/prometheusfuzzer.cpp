// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the Prometheus text parser, as a scraped /metrics endpoint or a proxy might.
#include "fuzzcheck.h"
#include "monitor/prometheustext.h"

using namespace otelconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto samples = parsePrometheusText(fuzz::inputText(data, size));
    if (!samples) {
        fuzz::require(!samples.error().message.empty(), "a rejected exposition has a message");
        fuzz::require(samples.error().location.line > 0, "a rejected exposition names the line");
        return 0;
    }

    for (const MetricSample &sample : *samples) {
        fuzz::require(!sample.name.empty(), "every sample has a series name");
        for (const auto &[key, value] : sample.labels)
            fuzz::require(!key.empty(), "every label has a name", [&] { return sample.name; });
    }
    return 0;
}
