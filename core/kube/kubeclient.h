// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "common/json.h"
#include "kube/clustercapabilities.h"
#include "kube/clusterconnection.h"
#include "kube/coroutineresult.h"
#include "kube/retrypolicy.h"

#include <QByteArray>
#include <QCoroTask>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

class QNetworkAccessManager;
class QNetworkReply;

namespace otelconsole {

class KubeWatch;
class RequestAuthenticator;

/// Tunables of a KubeClient; the defaults suit an interactive console.
struct KubeClientOptions {
    std::chrono::milliseconds transferTimeout{30'000}; ///< inactivity limit of each normal request
    std::chrono::milliseconds execTimeout{30'000};     ///< limit for one run of an exec credential plugin
    RetryPolicy retry;
    std::string fieldManager = "otel-console";
    QByteArray userAgent = "otel-console";
};

/// Label and field selectors for lists and watches. Inside a coroutine, pass a named variable rather than
/// a braced temporary (`Selectors{...}`): GCC 12 destroys an aggregate temporary handed to a coroutine twice.
struct Selectors {
    std::string labelSelector;
    std::string fieldSelector;
};

/// What happens to an object's dependents when it is deleted.
enum class PropagationPolicy { Background, Foreground, Orphan };

/// A client for one cluster as one user, over QNetworkAccessManager. Every call is a coroutine that never
/// blocks; every fallible call returns Result. Requests that are safe to repeat (GET, list, server-side
/// apply, DELETE, scale) are retried with backoff on connection errors, 429, 500, 503 and 504.
///
/// Cancelling: pass a `context` object; when it is destroyed the request is aborted and the task ends
/// with ErrorKind::Cancelled. Callers whose own object may die first should consume the task with
/// `QCoro::connect(task, this, ...)` so that a stale answer is dropped rather than delivered.
class KubeClient : public QObject {
    Q_OBJECT

public:
    explicit KubeClient(ClusterConnection connection, KubeClientOptions options = {},
                        QObject *parent = nullptr);
    ~KubeClient() override;

    [[nodiscard]] const ClusterConnection &connection() const;
    [[nodiscard]] const KubeClientOptions &options() const { return m_options; }

    /// GET one object (or any JSON document, e.g. `/version`).
    QCoro::Task<Result<Json>> get(std::string path, QObject *context = nullptr);

    /// GET a collection, following `continue` tokens until the end; the result is the last page's list
    /// object holding every item, so its `metadata.resourceVersion` is the one to watch from.
    QCoro::Task<Result<Json>> list(std::string path, Selectors selectors = {}, QObject *context = nullptr);

    /// POST a new object. Never retried: a lost answer could hide a successful create.
    QCoro::Task<Result<Json>> create(std::string path, Json object, bool dryRun = false,
                                     QObject *context = nullptr);

    /// Server-side apply: PATCH with `application/apply-patch+yaml` (a JSON body is valid YAML).
    /// `fieldManager` empty means the client's (otel-console).
    QCoro::Task<Result<Json>> serverSideApply(std::string path, Json object, std::string fieldManager = {},
                                              bool force = true, bool dryRun = false,
                                              QObject *context = nullptr);

    /// JSON merge patch (RFC 7386).
    QCoro::Task<Result<Json>> mergePatch(std::string path, Json patch, bool dryRun = false,
                                         QObject *context = nullptr);

    /// DELETE an object; the result is the deleted object or a Status.
    QCoro::Task<Result<Json>> remove(std::string path,
                                     PropagationPolicy propagation = PropagationPolicy::Background,
                                     bool dryRun = false, QObject *context = nullptr);

    /// Sets `spec.replicas` through the `/scale` subresource of the workload at `path`.
    QCoro::Task<Result<Json>> scale(std::string path, int replicas, QObject *context = nullptr);

    /// POST that is not a create of a managed object, e.g. SelfSubjectAccessReview. Never retried.
    QCoro::Task<Result<Json>> post(std::string path, Json body, QObject *context = nullptr);

    /// GET a plain-text body: pod logs, a collector's `/metrics` through the API server proxy.
    QCoro::Task<Result<QByteArray>> getText(std::string path, QUrlQuery query = {},
                                            QObject *context = nullptr);

    /// Starts watching the collection at `path` from `resourceVersion` (empty: list first). The watch stops
    /// when the returned object is destroyed.
    [[nodiscard]] std::unique_ptr<KubeWatch> watch(std::string path, std::string resourceVersion,
                                                   Selectors selectors = {});

    /// Version and API groups of the cluster, asked once per client and then cached.
    QCoro::Task<Result<ClusterCapabilities>> capabilities(QObject *context = nullptr);

    /// Aborts every request in flight; their tasks end with ErrorKind::Cancelled.
    void cancelAll();

    /// Opens a long-lived GET (watch or followed log) on the access manager kept for streams, so that open
    /// streams never take the connections normal requests need. `transferTimeout` zero means none.
    /// The caller owns the reply. Fails only when credentials cannot be obtained.
    QCoro::Task<Result<QNetworkReply *>> openStream(std::string path, QUrlQuery query,
                                                    std::chrono::milliseconds transferTimeout);

    /// The error for a finished stream reply, in the same words as for normal requests.
    [[nodiscard]] Error errorForReply(QNetworkReply *reply, const QByteArray &body, bool watch) const;

    /// Drops cached exec credentials after a 401 on a stream; false when fresh ones cannot help.
    bool refreshCredentials();

private:
    struct Request;
    struct Response;
    struct Attempt;

    // The request is taken by reference: GCC 12 destroys a by-value class argument of a coroutine twice
    // when the caller passes a temporary. Every caller keeps the request alive until the task finishes.
    QCoro::Task<Result<Response>> send(const Request &request);
    QCoro::Task<Attempt> sendOnce(QNetworkRequest networkRequest, const Request &request);
    QCoro::Task<Result<Json>> sendForJson(const Request &request);
    [[nodiscard]] QNetworkRequest baseRequest(const std::string &path, const QUrlQuery &query) const;
    [[nodiscard]] Error attemptError(const Attempt &attempt, const Request &request) const;
    [[nodiscard]] QUrlQuery writeQuery(bool dryRun) const;

    KubeClientOptions m_options;
    std::unique_ptr<RequestAuthenticator> m_authenticator;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkAccessManager *m_streamNetwork = nullptr;
    std::optional<ClusterCapabilities> m_capabilities;
};

} // namespace otelconsole
