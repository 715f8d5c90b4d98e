// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/configvalues.h"
#include "validate/validationcontext.h"

#include <algorithm>
#include <array>

namespace otelconsole {

namespace {

/// The id with its type replaced: `otlp/backend` renamed to otlp_grpc is `otlp_grpc/backend`.
std::string renamedId(std::string_view id, std::string_view newType) {
    const std::size_t slash = id.find('/');
    return std::string(newType) + (slash == std::string_view::npos ? "" : std::string(id.substr(slash)));
}

std::string describe(ComponentKind kind, std::string_view id) {
    return "the " + std::string(toString(kind)) + " \"" + std::string(id) + "\"";
}

/// The name `type` has in the image: its newest valid name there, or `type` itself when unknown.
std::string nameInImage(const ValidationContext &context, ComponentKind kind, const std::string &type) {
    const ComponentSupport support = context.catalog().support(kind, type, *context.image());
    return support.preferredName.empty() ? type : support.preferredName;
}

/// The jaeger exporter's replacement, written out: the OTLP exporter pointed at the same host's OTLP port.
std::string jaegerReplacement(const ValidationContext &context, const Component &component,
                              const ComponentInfo &info) {
    const std::string otlpType =
        nameInImage(context, ComponentKind::Exporter, info.replacedBy.empty() ? "otlp" : info.replacedBy);
    const std::string newId = otlpType + "/jaeger";

    std::string host = "jaeger-collector";
    if (const Json *endpoint = findSetting(component.config, "endpoint"); endpoint && endpoint->is_string()) {
        const std::string parsed = parseListenAddress(endpoint->get<std::string>()).host;
        if (!parsed.empty())
            host = parsed;
    }
    const std::string snippet =
        "exporters: {" + newId + ": {endpoint: " + host + ":4317, tls: {insecure: true}}}";
    return "send OTLP to Jaeger instead (Jaeger 1.35 and later accepts it on port 4317): define " + snippet
           + " (drop tls.insecure if Jaeger serves TLS) and list \"" + newId
           + "\" in the pipelines in place of \"" + component.id + "\"";
}

/// Advice for a component the image no longer has, from the catalog's replacement.
std::string replacementAdvice(const ValidationContext &context, ComponentKind kind,
                              const Component &component, const ComponentInfo &info) {
    if (kind == ComponentKind::Exporter && info.hasName("jaeger"))
        return jaegerReplacement(context, component, info);
    if (info.replacedBy.empty())
        return info.replacement;
    const std::string newType = nameInImage(context, kind, info.replacedBy);
    return "use the " + newType + " " + std::string(toString(kind)) + " instead: rename \"" + component.id
           + "\" to \"" + renamedId(component.id, newType) + "\" here and in the pipelines";
}

bool isRemoved(const ComponentInfo &info, const CollectorImage &image, const Version &version) {
    const CatalogAvailability *availability = info.availabilityIn(image.distribution);
    return availability && availability->until && *availability->until <= version;
}

/// What to do about a component the image lacks: replacement advice for removed components, otherwise
/// another image that has it.
std::string fixForUnavailable(const ValidationContext &context, ComponentKind kind,
                              const Component &component, const ComponentInfo &info) {
    const CollectorImage &image = *context.image();
    const std::string_view type = ValidationContext::typeOf(component.id);

    if (isRemoved(info, image, context.imageVersion())
        && (!info.replacement.empty() || !info.replacedBy.empty()))
        return replacementAdvice(context, kind, component, info);

    CollectorImage contrib = image;
    contrib.repository = dockerHubRepository(Distribution::Contrib);
    contrib.distribution = Distribution::Contrib;
    if (image.distribution != Distribution::Contrib
        && context.catalog().support(kind, type, contrib).available)
        return "change the image to " + contrib.repository + ":" + image.tag;

    CollectorImage newest = image;
    newest.version = context.catalog().newestRelease();
    if (context.catalog().support(kind, type, newest).available)
        return "upgrade the image to " + image.repository + ":"
               + context.catalog().newestRelease().toString();
    return "remove \"" + component.id + "\" from the config and the pipelines";
}

/// The name is one the component only got in a later release than the image's.
bool nameIsNewerThanImage(const ValidationContext &context, const ComponentInfo &info,
                          std::string_view type) {
    const std::optional<Version> since = info.nameSince(type);
    return since && *since > context.imageVersion();
}

void checkUnavailable(ValidationContext &context, ComponentKind kind, const Component &component,
                      const ComponentSupport &support) {
    const std::string path = ValidationContext::componentPath(kind, component.id);
    const std::string_view type = ValidationContext::typeOf(component.id);

    if (nameIsNewerThanImage(context, *support.component, type) && !support.preferredName.empty()
        && support.preferredName != type
        && context.catalog().support(kind, support.preferredName, *context.image()).available) {
        const std::string newId = renamedId(component.id, support.preferredName);
        context.report(Severity::Error, "component.name-too-new", path, support.reason,
                       "rename \"" + component.id + "\" to \"" + newId
                           + "\" here and in the pipelines, or upgrade the image to "
                           + context.image()->repository + ":"
                           + context.catalog().newestRelease().toString());
        return;
    }
    context.report(Severity::Error, "component.unavailable", path, support.reason,
                   fixForUnavailable(context, kind, component, *support.component));
}

void checkComponent(ValidationContext &context, ComponentKind kind, const Component &component) {
    const std::string_view type = ValidationContext::typeOf(component.id);
    const std::string path = ValidationContext::componentPath(kind, component.id);
    const ComponentSupport support = context.catalog().support(kind, type, *context.image());

    if (!support.component) {
        context.report(Severity::Info, "component.unknown", path,
                       describe(kind, component.id)
                           + " is not in this console's catalog, so it is not checked against the image \""
                           + context.project().deployment.collectorImage + "\"",
                       "make sure the image was built with the " + std::string(toString(kind)) + " \""
                           + std::string(type) + "\"");
        return;
    }
    if (!support.available) {
        checkUnavailable(context, kind, component, support);
        return;
    }
    if (!support.preferredName.empty() && support.preferredName != type) {
        const std::string newId = renamedId(component.id, support.preferredName);
        const std::optional<Version> renamed = support.component->nameSince(support.preferredName);
        const std::string since = renamed ? " since v" + renamed->toString() : std::string();
        context.report(Severity::Info, "component.deprecated-name", path,
                       describe(kind, component.id) + " still works, but it is called \""
                           + support.preferredName + "\"" + since
                           + "; the old name logs a deprecation warning and may be dropped",
                       "rename \"" + component.id + "\" to \"" + newId + "\" here and in the pipelines");
    }
}

} // namespace

void checkComponents(ValidationContext &context) {
    // An image the catalog cannot place was already reported; guessing its contents would mislead.
    if (!context.image())
        return;

    constexpr std::array<ComponentKind, 5> kinds{ComponentKind::Receiver, ComponentKind::Processor,
                                                 ComponentKind::Exporter, ComponentKind::Extension,
                                                 ComponentKind::Connector};
    // The collector resolves every defined component at startup, used or not, so all of them count.
    for (const ComponentKind kind : kinds) {
        for (const Component &component : context.components(kind))
            checkComponent(context, kind, component);
    }
}

} // namespace otelconsole
