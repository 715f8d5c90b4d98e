// SPDX-License-Identifier: Apache-2.0
#include "deploy/statusreader.h"

#include "kube/kubeclient.h"
#include "monitor/collectorsnapshot.h"
#include "monitor/prometheustext.h"
#include "render/containerports.h"
#include "render/podbuilder.h"
#include "render/renderer.h"

#include <QCoroTimer>
#include <QDateTime>

#include <algorithm>

namespace otelconsole {

namespace {

const Json &member(const Json &object, const char *key) {
    static const Json empty = Json::object();
    if (!object.is_object())
        return empty;
    const auto found = object.find(key);
    return found == object.end() ? empty : *found;
}

std::string joinValues(const Json &values) {
    std::string text;
    for (const Json &value : values) {
        if (value.is_string())
            text += (text.empty() ? "" : ",") + value.get<std::string>();
    }
    return text;
}

std::string expression(const Json &requirement) {
    const std::string key = requirement.value("key", "");
    const std::string op = requirement.value("operator", "");
    const std::string values = joinValues(member(requirement, "values"));
    if (op == "In")
        return key + " in (" + values + ")";
    if (op == "NotIn")
        return key + " notin (" + values + ")";
    if (op == "DoesNotExist")
        return "!" + key;
    return key;
}

void addRates(SignalRates &sum, const SignalRates &rates) {
    sum.accepted += rates.accepted;
    sum.refused += rates.refused;
    sum.sent += rates.sent;
    sum.sendFailed += rates.sendFailed;
}

void addThroughput(CollectorThroughput &sum, const CollectorThroughput &throughput) {
    addRates(sum.spans, throughput.spans);
    addRates(sum.metricPoints, throughput.metricPoints);
    addRates(sum.logRecords, throughput.logRecords);
    sum.intervalSeconds = std::max(sum.intervalSeconds, throughput.intervalSeconds);
}

std::chrono::milliseconds now() {
    return std::chrono::milliseconds(QDateTime::currentMSecsSinceEpoch());
}

std::vector<std::string> podNames(const Json &pods, bool runningOnly) {
    std::vector<std::string> names;
    for (const Json &pod : member(pods, "items")) {
        if (runningOnly && member(pod, "status").value("phase", "") != "Running")
            continue;
        names.push_back(member(pod, "metadata").value("name", ""));
    }
    return names;
}

/// Whether a listener host is reachable only from inside the pod.
bool isLoopback(const std::string &host) {
    return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]";
}

std::string telemetryHost(const Json &telemetry) {
    for (const Json &reader : member(member(telemetry, "metrics"), "readers")) {
        const Json &prometheus = member(member(member(reader, "pull"), "exporter"), "prometheus");
        if (!prometheus.empty())
            return prometheus.value("host", "localhost");
    }
    return "localhost";
}

ObjectReference workloadOf(const Project &project) {
    ObjectReference workload;
    workload.apiVersion = "apps/v1";
    workload.namespaceName = project.deployment.namespaceName;
    workload.kind = project.deployment.mode == DeploymentMode::DaemonSet ? "DaemonSet" : "Deployment";
    workload.name = project.name;
    if (project.deployment.mode == DeploymentMode::Sidecar && project.sidecar) {
        workload.kind = project.sidecar->target.kind;
        workload.name = project.sidecar->target.name;
    }
    workload.resource = workload.kind == "DaemonSet"     ? "daemonsets"
                        : workload.kind == "StatefulSet" ? "statefulsets"
                                                         : "deployments";
    return workload;
}

} // namespace

CollectorLocation CollectorLocation::of(const Project &project, const Catalog &catalog) {
    CollectorLocation location;
    location.workload = workloadOf(project);
    location.containerName = std::string(collectorContainerName);
    Result<Plan> plan = renderPlan(project, catalog);
    const Json &telemetry =
        plan ? member(member(plan->collectorConfig, "service"), "telemetry") : Json::object();
    location.metricsPort = telemetryMetricsPort(telemetry);
    const std::string host = telemetryHost(telemetry);
    if (isLoopback(host))
        location.metricsUnreachable =
            "the collector serves its own metrics on " + host + ":" + std::to_string(location.metricsPort)
            + " only, which the API server's pod proxy cannot reach; set host 0.0.0.0 in "
              "service.telemetry.metrics.readers";
    return location;
}

StatusReader::StatusReader(KubeClient *client, CollectorLocation location, QObject *scope)
    : m_client(client)
    , m_location(std::move(location))
    , m_scope(scope) {}

std::string StatusReader::labelSelector(const Json &selector) {
    std::string text;
    for (const auto &[key, value] : member(selector, "matchLabels").items()) {
        if (value.is_string())
            text += (text.empty() ? "" : ",") + key + "=" + value.get<std::string>();
    }
    for (const Json &requirement : member(selector, "matchExpressions"))
        text += (text.empty() ? "" : ",") + expression(requirement);
    return text;
}

Error StatusReader::cancelledError() const {
    return fail(ErrorKind::Cancelled,
                "reading the status of " + m_location.workload.describe() + " was cancelled")
        .error();
}

QCoro::Task<Result<StatusReader::Workload>> StatusReader::readWorkload() {
    if (cancelled())
        co_return std::unexpected(cancelledError());
    const std::string path = m_location.workload.path();
    Result<Json> workload = co_await m_client->get(path, m_scope);
    if (!workload)
        co_return std::unexpected(workload.error());
    if (cancelled())
        co_return std::unexpected(cancelledError());

    const std::string selector = labelSelector(member(member(*workload, "spec"), "selector"));
    const std::string podsPath = "/api/v1/namespaces/" + m_location.workload.namespaceName + "/pods";
    const Selectors selectors{selector, {}};
    Result<Json> pods = co_await m_client->list(podsPath, selectors, m_scope);
    if (!pods)
        co_return std::unexpected(pods.error());
    co_return Workload{std::move(*workload), std::move(*pods)};
}

QCoro::Task<Result<HealthStatus>> StatusReader::health() {
    Result<Workload> workload = co_await readWorkload();
    if (!workload)
        co_return std::unexpected(workload.error());
    co_return WorkloadHealth::read(workload->object, workload->pods, m_location.containerName);
}

QCoro::Task<Result<std::vector<ClusterEvent>>> StatusReader::events() {
    Result<Workload> workload = co_await readWorkload();
    if (!workload)
        co_return std::unexpected(workload.error());
    if (cancelled())
        co_return std::unexpected(cancelledError());

    std::vector<std::pair<std::string, std::string>> subjects{
        {m_location.workload.kind, m_location.workload.name}};
    for (const std::string &pod : podNames(workload->pods, false))
        subjects.emplace_back("Pod", pod);
    // A Deployment's pods come from ReplicaSets, which report quota and admission refusals themselves.
    for (const Json &pod : member(workload->pods, "items")) {
        for (const Json &owner : member(member(pod, "metadata"), "ownerReferences"))
            subjects.emplace_back(owner.value("kind", ""), owner.value("name", ""));
    }

    const std::string path = "/api/v1/namespaces/" + m_location.workload.namespaceName + "/events";
    const Selectors noSelectors;
    Result<Json> events = co_await m_client->list(path, noSelectors, m_scope);
    if (!events)
        co_return std::unexpected(events.error());
    co_return ClusterEvent::about(*events, subjects);
}

QCoro::Task<Result<DeploymentMetrics>> StatusReader::metrics(std::chrono::milliseconds interval,
                                                             bool metricsApi) {
    Result<Workload> workload = co_await readWorkload();
    if (!workload)
        co_return std::unexpected(workload.error());

    DeploymentMetrics metrics;
    const std::vector<std::string> all = podNames(workload->pods, false);
    if (metricsApi)
        co_await readResourceMetrics(all, metrics);
    else
        metrics.resourceMetricsUnavailable =
            "the metrics API (metrics.k8s.io) is not available on this cluster; "
            "install metrics-server to see CPU and memory";
    if (cancelled())
        co_return std::unexpected(cancelledError());

    const std::vector<std::string> running = podNames(workload->pods, true);
    if (!m_location.metricsUnreachable.empty())
        metrics.throughputUnavailable = m_location.metricsUnreachable;
    else if (running.empty())
        metrics.throughputUnavailable = "no collector pod is running";
    else
        co_await readThroughput(running, interval, metrics);
    if (cancelled())
        co_return std::unexpected(cancelledError());
    co_return metrics;
}

QCoro::Task<void> StatusReader::readResourceMetrics(const std::vector<std::string> &pods,
                                                    DeploymentMetrics &metrics) {
    const std::string path =
        "/apis/metrics.k8s.io/v1beta1/namespaces/" + m_location.workload.namespaceName + "/pods";
    const Selectors noSelectors;
    Result<Json> list = co_await m_client->list(path, noSelectors, m_scope);
    if (!list) {
        metrics.resourceMetricsUnavailable =
            "the metrics API (metrics.k8s.io) is not available: " + list.error().message;
        co_return;
    }
    metrics.resourceMetricsAvailable = true;
    metrics.pods = ResourceUsage::fromPodMetrics(*list, pods, m_location.containerName);
    for (const PodUsage &usage : metrics.pods) {
        metrics.totalCpuMillicores += usage.cpuMillicores;
        metrics.totalMemoryMiB += usage.memoryMiB;
    }
}

QCoro::Task<void> StatusReader::readThroughput(const std::vector<std::string> &pods,
                                               std::chrono::milliseconds interval,
                                               DeploymentMetrics &metrics) {
    std::vector<std::optional<CollectorSnapshot>> first;
    std::string firstError;
    for (const std::string &pod : pods) {
        Result<CollectorSnapshot> snapshot = co_await scrape(pod);
        if (!snapshot && firstError.empty())
            firstError = snapshot.error().message;
        first.push_back(snapshot ? std::optional(*snapshot) : std::nullopt);
        if (cancelled())
            co_return;
    }

    co_await QCoro::sleepFor(interval);
    for (std::size_t index = 0; index < pods.size() && !cancelled(); ++index) {
        if (!first[index])
            continue;
        Result<CollectorSnapshot> second = co_await scrape(pods[index]);
        if (!second) {
            firstError = firstError.empty() ? second.error().message : firstError;
            continue;
        }
        Result<CollectorThroughput> rates = CollectorThroughput::between(*first[index], *second);
        if (!rates)
            continue;
        addThroughput(metrics.throughput, *rates);
        ++metrics.podsScraped;
    }
    metrics.throughputAvailable = metrics.podsScraped > 0;
    if (!metrics.throughputAvailable)
        metrics.throughputUnavailable = "the collector's own metrics could not be read: " + firstError;
}

QCoro::Task<Result<CollectorSnapshot>> StatusReader::scrape(const std::string &pod) {
    if (cancelled())
        co_return std::unexpected(cancelledError());
    const std::string path = "/api/v1/namespaces/" + m_location.workload.namespaceName + "/pods/" + pod + ":"
                             + std::to_string(m_location.metricsPort) + "/proxy/metrics";
    const QUrlQuery noQuery;
    Result<QByteArray> text = co_await m_client->getText(path, noQuery, m_scope);
    if (!text)
        co_return std::unexpected(text.error());
    Result<std::vector<MetricSample>> samples = parsePrometheusText(text->toStdString());
    if (!samples)
        co_return fail(ErrorKind::Api,
                       "pod " + pod + " served metrics that do not parse: " + samples.error().message);
    co_return CollectorSnapshot::fromSamples(*samples, now());
}

QCoro::Task<Result<std::vector<NodeResources>>> StatusReader::nodeResources() {
    if (cancelled())
        co_return std::unexpected(cancelledError());
    const std::string nodesPath = "/api/v1/nodes";
    const Selectors noSelectors;
    Result<Json> nodes = co_await m_client->list(nodesPath, noSelectors, m_scope);
    if (!nodes)
        co_return std::unexpected(nodes.error());
    if (cancelled())
        co_return std::unexpected(cancelledError());
    const Selectors active{{}, "status.phase!=Succeeded,status.phase!=Failed"};
    const std::string podsPath = "/api/v1/pods";
    Result<Json> pods = co_await m_client->list(podsPath, active, m_scope);
    if (!pods)
        co_return std::unexpected(pods.error());
    co_return ResourceUsage::perNode(*nodes, *pods);
}

} // namespace otelconsole
