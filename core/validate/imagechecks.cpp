// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/validationcontext.h"

namespace otelconsole {

void checkImage(ValidationContext &context) {
    const std::string &reference = context.project().deployment.collectorImage;
    const std::string newest = context.catalog().newestRelease().toString();

    const Result<CollectorImage> image = CollectorImage::parse(reference);
    if (!image) {
        context.report(Severity::Warning, "image.unrecognized", "collector_image",
                       image.error().message + "; the components are not checked against \"" + reference
                           + "\"",
                       "use an official image such as otel/opentelemetry-collector-contrib:" + newest
                           + ", or check a custom build's components yourself");
        return;
    }

    if (image->tag == "latest") {
        context.report(Severity::Warning, "image.unpinned", "collector_image",
                       "the image \"" + reference
                           + "\" is not pinned to a release: each pull may bring a new collector version, "
                             "and the config may break on the next one",
                       "pin a release, e.g. " + image->repository + ":" + newest);
    } else if (image->version && *image->version > context.catalog().newestRelease()) {
        context.report(Severity::Info, "image.newer-than-catalog", "collector_image",
                       "the image's version " + image->version->toString() + " is newer than " + newest
                           + ", the last release this console knows; components renamed or removed since are "
                             "not recognised",
                       {});
    }
}

} // namespace otelconsole
