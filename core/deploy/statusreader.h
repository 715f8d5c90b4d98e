// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/error.h"
#include "common/json.h"
#include "deploy/clusterevent.h"
#include "deploy/deployreport.h"
#include "deploy/objectreference.h"
#include "deploy/workloadhealth.h"
#include "model/project.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace otelconsole {

class CollectorSnapshot;
class KubeClient;

/// Where the collector runs: its workload (the application's, for a sidecar), its container and the
/// port of its own metrics.
struct CollectorLocation {
    ObjectReference workload;
    std::string containerName = "otel-collector";
    int metricsPort = 8888;
    /// Set when the rendered telemetry config serves metrics on loopback only: the API server's pod
    /// proxy cannot reach them then.
    std::string metricsUnreachable;

    /// The collector of `project`: its Deployment or DaemonSet, or for a sidecar the target workload.
    [[nodiscard]] static CollectorLocation of(const Project &project, const Catalog &catalog);
};

/// Reads how a deployed collector is doing: replica and pod states, events, resource use, throughput
/// and the room left on the nodes. Every read is a few GETs through the KubeClient; nothing is cached.
class StatusReader {
public:
    StatusReader(KubeClient *client, CollectorLocation location, QObject *scope);

    QCoro::Task<Result<HealthStatus>> health();
    QCoro::Task<Result<std::vector<ClusterEvent>>> events();
    /// CPU and memory from metrics.k8s.io (`metricsApi` false: not served, said so instead of zeros), and
    /// items per second from two scrapes of each pod's `/metrics`, `interval` apart.
    QCoro::Task<Result<DeploymentMetrics>> metrics(std::chrono::milliseconds interval, bool metricsApi);
    QCoro::Task<Result<std::vector<NodeResources>>> nodeResources();

    /// `a=b,c in (d,e)` from a LabelSelector object (matchLabels and matchExpressions).
    [[nodiscard]] static std::string labelSelector(const Json &selector);

private:
    struct Workload {
        Json object;
        Json pods;
    };

    QCoro::Task<Result<Workload>> readWorkload();
    QCoro::Task<void> readResourceMetrics(const std::vector<std::string> &pods, DeploymentMetrics &metrics);
    QCoro::Task<void> readThroughput(const std::vector<std::string> &pods, std::chrono::milliseconds interval,
                                     DeploymentMetrics &metrics);
    QCoro::Task<Result<CollectorSnapshot>> scrape(const std::string &pod);
    [[nodiscard]] bool cancelled() const { return m_client.isNull() || m_scope.isNull(); }
    [[nodiscard]] Error cancelledError() const;

    QPointer<KubeClient> m_client;
    CollectorLocation m_location;
    QPointer<QObject> m_scope;
};

} // namespace otelconsole
