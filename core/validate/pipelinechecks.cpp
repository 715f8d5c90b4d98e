// SPDX-License-Identifier: Apache-2.0
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <algorithm>
#include <array>
#include <optional>

namespace otelconsole {

namespace {

constexpr std::array<ComponentKind, 5> allKinds{ComponentKind::Receiver, ComponentKind::Processor,
                                                ComponentKind::Exporter, ComponentKind::Connector,
                                                ComponentKind::Extension};

/// One list of a pipeline: its name in the file and which sections may define its entries.
struct PipelineList {
    std::string_view key;
    const std::vector<std::string> &ids;
    ComponentKind kind;
    bool connectorsAllowed;
};

std::string listSignals(const ComponentInfo &info) {
    std::string text;
    for (const Signal signal : info.signals)
        text += (text.empty() ? "" : ", ") + std::string(toString(signal));
    return text;
}

void checkSignal(ValidationContext &context, const Pipeline &pipeline, const PipelineList &list,
                 std::string_view id, const std::string &path) {
    const std::optional<Signal> signal = signalFromString(pipeline.signal());
    const ComponentInfo *info = context.info(list.kind, id);
    if (!signal || !info || info->signals.empty()
        || std::ranges::find(info->signals, *signal) != info->signals.end())
        return;
    const std::string kindName(toString(list.kind));
    context.report(Severity::Error, "pipeline.signal-mismatch", path,
                   "the " + kindName + " \"" + std::string(id) + "\" handles " + listSignals(*info) + ", not "
                       + pipeline.signal() + "; the collector refuses to build the " + pipeline.id
                       + " pipeline",
                   "move \"" + std::string(id) + "\" to a " + std::string(toString(info->signals.front()))
                       + " pipeline, or remove it from " + pipeline.id);
}

void checkReference(ValidationContext &context, const Pipeline &pipeline, const PipelineList &list,
                    std::size_t index) {
    const std::string &id = list.ids[index];
    const std::string path = ValidationContext::pipelinePath(pipeline.id) + "." + std::string(list.key) + "["
                             + std::to_string(index) + "]";
    const std::string kindName(toString(list.kind));

    if (std::find(list.ids.begin(), list.ids.begin() + static_cast<std::ptrdiff_t>(index), id)
        != list.ids.begin() + static_cast<std::ptrdiff_t>(index)) {
        context.report(Severity::Error, "pipeline.duplicate-reference", path,
                       "pipeline " + pipeline.id + " lists the " + kindName + " \"" + id + "\" twice",
                       "remove the second \"" + id + "\" from " + std::string(list.key));
        return;
    }

    if (list.connectorsAllowed && context.findComponent(ComponentKind::Connector, id))
        return;
    if (!context.findComponent(list.kind, id)) {
        const std::string section(ValidationContext::sectionName(list.kind));
        context.report(Severity::Error, "pipeline.undefined-reference", path,
                       "pipeline " + pipeline.id + " uses the " + kindName + " \"" + id
                           + "\", which is not defined in collector." + section
                           + (list.connectorsAllowed ? " or collector.connectors" : ""),
                       "define \"" + id + "\" under collector." + section
                           + ", or remove it from the pipeline");
        return;
    }
    checkSignal(context, pipeline, list, id, path);
}

void checkPipeline(ValidationContext &context, const Pipeline &pipeline) {
    const std::string path = ValidationContext::pipelinePath(pipeline.id);
    if (!signalFromString(pipeline.signal())) {
        context.report(Severity::Error, "pipeline.signal-invalid", path,
                       "the pipeline id \"" + pipeline.id + "\" does not start with a signal; \""
                           + pipeline.signal() + "\" is not traces, metrics, logs or profiles",
                       "name the pipeline after its signal, e.g. traces or traces/" + pipeline.signal());
    }
    if (pipeline.receivers.empty()) {
        context.report(Severity::Error, "pipeline.no-receiver", path + ".receivers",
                       "pipeline " + pipeline.id + " has no receiver, so nothing enters it",
                       "add a receiver, e.g. otlp");
    }
    if (pipeline.exporters.empty()) {
        context.report(Severity::Error, "pipeline.no-exporter", path + ".exporters",
                       "pipeline " + pipeline.id + " has no exporter, so everything it receives is dropped",
                       "add an exporter, e.g. otlp to your backend, or debug while testing");
    }

    const std::array<PipelineList, 3> lists{{
        {"receivers", pipeline.receivers, ComponentKind::Receiver, true},
        {"processors", pipeline.processors, ComponentKind::Processor, false},
        {"exporters", pipeline.exporters, ComponentKind::Exporter, true},
    }};
    for (const PipelineList &list : lists) {
        for (std::size_t index = 0; index < list.ids.size(); ++index)
            checkReference(context, pipeline, list, index);
    }
}

void checkServiceExtensions(ValidationContext &context) {
    const std::vector<std::string> &extensions = context.project().collector.serviceExtensions;
    for (std::size_t index = 0; index < extensions.size(); ++index) {
        if (context.findComponent(ComponentKind::Extension, extensions[index]))
            continue;
        context.report(Severity::Error, "extension.undefined-reference",
                       "collector.service.extensions[" + std::to_string(index) + "]",
                       "service.extensions lists \"" + extensions[index]
                           + "\", which is not defined in collector.extensions",
                       "define \"" + extensions[index]
                           + "\" under collector.extensions, or remove it from service.extensions");
    }
}

bool pipelinesMention(const std::vector<Pipeline> &pipelines, std::vector<std::string> Pipeline::*list,
                      const std::string &id) {
    return std::ranges::any_of(pipelines, [&](const Pipeline &pipeline) {
        return std::ranges::find(pipeline.*list, id) != (pipeline.*list).end();
    });
}

void checkConnectorPairs(ValidationContext &context) {
    const std::vector<Pipeline> &pipelines = context.project().collector.pipelines;
    for (const Component &connector : context.components(ComponentKind::Connector)) {
        const bool asExporter = pipelinesMention(pipelines, &Pipeline::exporters, connector.id);
        const bool asReceiver = pipelinesMention(pipelines, &Pipeline::receivers, connector.id);
        if (asExporter == asReceiver)
            continue;
        context.report(
            Severity::Error, "connector.unpaired",
            ValidationContext::componentPath(ComponentKind::Connector, connector.id),
            "the connector \"" + connector.id + "\" is used as " + (asExporter ? "an exporter" : "a receiver")
                + " but no pipeline uses it as " + (asExporter ? "a receiver" : "an exporter")
                + "; a connector joins the end of one pipeline to the start of another",
            std::string("add \"") + connector.id + "\" to the " + (asExporter ? "receivers" : "exporters")
                + " of the pipeline that should continue from it");
    }
}

void checkUnused(ValidationContext &context) {
    for (const ComponentKind kind : allKinds) {
        for (const Component &component : context.components(kind)) {
            if (context.isUsed(kind, component.id))
                continue;
            const bool extension = kind == ComponentKind::Extension;
            context.report(Severity::Info, "component.unused",
                           ValidationContext::componentPath(kind, component.id),
                           "the " + std::string(toString(kind)) + " \"" + component.id + "\" is defined but "
                               + (extension ? "not listed in service.extensions" : "no pipeline uses it")
                               + "; the collector ignores it",
                           extension ? "add it to service.extensions, or delete it"
                                     : "add it to a pipeline, or delete it");
        }
    }
}

} // namespace

void checkPipelines(ValidationContext &context) {
    const CollectorConfig &collector = context.project().collector;
    if (collector.pipelines.empty()) {
        context.report(Severity::Error, "pipeline.none", "collector.service.pipelines",
                       "the collector config has no pipeline; the collector refuses to start without one",
                       "add a pipeline, e.g. traces: {receivers: [otlp], processors: [memory_limiter, "
                       "batch], exporters: [otlp]}");
    }
    for (const Pipeline &pipeline : collector.pipelines)
        checkPipeline(context, pipeline);

    checkServiceExtensions(context);
    checkConnectorPairs(context);
    checkUnused(context);
}

} // namespace otelconsole
