// SPDX-License-Identifier: Apache-2.0
#include "kube/kubeclient.h"

#include "common/logging.h"
#include "kube/apierror.h"
#include "kube/kubewatch.h"
#include "kube/replyfinished.h"
#include "kube/requestauthenticator.h"
#include "kube/transporterror.h"

#include <QCoroTimer>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace otelconsole {

namespace {

constexpr const char *cancelledProperty = "otelconsoleCancelled";
constexpr int pageSize = 500;

/// Percent-encodes every key and value: Go's query parser reads a literal '+' as a space, and QUrlQuery
/// would leave '+', '=' and ',' as they are.
QString encodeQuery(const QUrlQuery &query) {
    QString encoded;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += QLatin1Char('&');
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(key)) + QLatin1Char('=')
                   + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return encoded;
}

QUrlQuery selectorQuery(const Selectors &selectors) {
    QUrlQuery query{};
    if (!selectors.labelSelector.empty())
        query.addQueryItem(QStringLiteral("labelSelector"), QString::fromStdString(selectors.labelSelector));
    if (!selectors.fieldSelector.empty())
        query.addQueryItem(QStringLiteral("fieldSelector"), QString::fromStdString(selectors.fieldSelector));
    return query;
}

const char *propagationName(PropagationPolicy policy) {
    switch (policy) {
    case PropagationPolicy::Foreground:
        return "Foreground";
    case PropagationPolicy::Orphan:
        return "Orphan";
    case PropagationPolicy::Background:
        break;
    }
    return "Background";
}

QByteArray toBody(const Json &value) {
    return QByteArray::fromStdString(value.dump());
}

} // namespace

/// One logical request, repeated as a whole when it is retried.
struct KubeClient::Request {
    QByteArray method = "GET";
    std::string path{};
    QUrlQuery query{};
    QByteArray body{};
    QByteArray contentType{};
    QByteArray accept = "application/json";
    bool retryable = false;
    bool hasContext = false;
    QPointer<QObject> context;

    [[nodiscard]] bool contextGone() const { return hasContext && !context; }
};

struct KubeClient::Response {
    int httpStatus = 0;
    QByteArray body{};
};

/// What one try gave: an HTTP answer (any status), a transport failure, or a cancellation.
struct KubeClient::Attempt {
    int httpStatus = 0;
    QByteArray body{};
    TransportFailure failure;
    bool cancelled = false;
    std::optional<std::chrono::milliseconds> retryAfter;
};

KubeClient::KubeClient(ClusterConnection connection, KubeClientOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_authenticator(std::make_unique<RequestAuthenticator>(std::move(connection), m_options.execTimeout))
    , m_network(new QNetworkAccessManager(this))
    // TODO: the stream manager is also limited to six HTTP/1.1 connections per host, so a seventh
    // concurrent watch or followed log waits until another stream ends (HTTP/2 servers are not affected).
    , m_streamNetwork(new QNetworkAccessManager(this)) {
    // Never follow redirects: a redirect to another host would carry the credentials along.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_streamNetwork->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (const auto &proxy = m_authenticator->connection().proxy) {
        m_network->setProxy(*proxy);
        m_streamNetwork->setProxy(*proxy);
    }
}

KubeClient::~KubeClient() = default;

const ClusterConnection &KubeClient::connection() const {
    return m_authenticator->connection();
}

QCoro::Task<Result<Json>> KubeClient::get(std::string path, QObject *context) {
    const Request request{
        .path = std::move(path), .retryable = true, .hasContext = context != nullptr, .context = context};
    co_return co_await sendForJson(request);
}

QCoro::Task<Result<Json>> KubeClient::list(std::string path, Selectors selectors, QObject *context) {
    QPointer<KubeClient> self(this);
    Json items = Json::array();
    Json last;
    std::string continueToken;
    do {
        QUrlQuery query = selectorQuery(selectors);
        query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        if (!continueToken.empty())
            query.addQueryItem(QStringLiteral("continue"), QString::fromStdString(continueToken));
        const Request request{.path = path,
                              .query = query,
                              .retryable = true,
                              .hasContext = context != nullptr,
                              .context = context};
        Result<Json> page = co_await sendForJson(request);
        if (!page)
            co_return page;
        if (!self)
            co_return fail(ErrorKind::Cancelled, "listing " + path + " was cancelled: the client was closed");
        if (!page->is_object() || !page->contains("metadata"))
            co_return fail(ErrorKind::Api, "the answer to listing " + path + " is not a list object");
        if ((*page)["items"].is_array()) {
            for (Json &item : (*page)["items"])
                items.push_back(std::move(item));
        }
        const Json &token = (*page)["metadata"]["continue"];
        continueToken = token.is_string() ? token.get<std::string>() : std::string();
        last = std::move(*page);
    } while (!continueToken.empty());

    last["items"] = std::move(items);
    last["metadata"].erase("continue");
    co_return last;
}

QCoro::Task<Result<Json>> KubeClient::create(std::string path, Json object, bool dryRun, QObject *context) {
    const Request request{.method = "POST",
                          .path = std::move(path),
                          .query = writeQuery(dryRun),
                          .body = toBody(object),
                          .contentType = "application/json",
                          .hasContext = context != nullptr,
                          .context = context};
    co_return co_await sendForJson(request);
}

QCoro::Task<Result<Json>> KubeClient::serverSideApply(std::string path, Json object, std::string fieldManager,
                                                      bool force, bool dryRun, QObject *context) {
    QUrlQuery query = writeQuery(dryRun);
    if (!fieldManager.empty()) {
        query.removeAllQueryItems(QStringLiteral("fieldManager"));
        query.addQueryItem(QStringLiteral("fieldManager"), QString::fromStdString(fieldManager));
    }
    if (force)
        query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    const Request request{.method = "PATCH",
                          .path = std::move(path),
                          .query = query,
                          .body = toBody(object),
                          .contentType = "application/apply-patch+yaml",
                          .retryable = true,
                          .hasContext = context != nullptr,
                          .context = context};
    co_return co_await sendForJson(request);
}

QCoro::Task<Result<Json>> KubeClient::mergePatch(std::string path, Json patch, bool dryRun,
                                                 QObject *context) {
    const Request request{.method = "PATCH",
                          .path = std::move(path),
                          .query = writeQuery(dryRun),
                          .body = toBody(patch),
                          .contentType = "application/merge-patch+json",
                          .hasContext = context != nullptr,
                          .context = context};
    co_return co_await sendForJson(request);
}

QCoro::Task<Result<Json>> KubeClient::remove(std::string path, PropagationPolicy propagation, bool dryRun,
                                             QObject *context) {
    QUrlQuery query{};
    if (dryRun)
        query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    const Json options = {
        {"kind", "DeleteOptions"}, {"apiVersion", "v1"}, {"propagationPolicy", propagationName(propagation)}};
    const Request request{.method = "DELETE",
                          .path = std::move(path),
                          .query = query,
                          .body = toBody(options),
                          .contentType = "application/json",
                          .retryable = true,
                          .hasContext = context != nullptr,
                          .context = context};
    co_return co_await sendForJson(request);
}

QCoro::Task<Result<Json>> KubeClient::scale(std::string path, int replicas, QObject *context) {
    const Json patch = {{"spec", {{"replicas", replicas}}}};
    const Request request{.method = "PATCH",
                          .path = path + "/scale",
                          .body = toBody(patch),
                          .contentType = "application/merge-patch+json",
                          .retryable = true,
                          .hasContext = context != nullptr,
                          .context = context};
    co_return co_await sendForJson(request);
}

QCoro::Task<Result<Json>> KubeClient::post(std::string path, Json body, QObject *context) {
    const Request request{.method = "POST",
                          .path = std::move(path),
                          .body = toBody(body),
                          .contentType = "application/json",
                          .hasContext = context != nullptr,
                          .context = context};
    co_return co_await sendForJson(request);
}

QCoro::Task<Result<QByteArray>> KubeClient::getText(std::string path, QUrlQuery query, QObject *context) {
    const Request request{.path = std::move(path),
                          .query = std::move(query),
                          .accept = "text/plain, */*",
                          .retryable = true,
                          .hasContext = context != nullptr,
                          .context = context};
    Result<Response> response = co_await send(request);
    if (!response)
        co_return std::unexpected(response.error());
    co_return response->body;
}

std::unique_ptr<KubeWatch> KubeClient::watch(std::string path, std::string resourceVersion,
                                             Selectors selectors) {
    auto watch =
        std::make_unique<KubeWatch>(this, std::move(path), std::move(resourceVersion), std::move(selectors));
    watch->start();
    return watch;
}

QCoro::Task<Result<ClusterCapabilities>> KubeClient::capabilities(QObject *context) {
    if (m_capabilities)
        co_return *m_capabilities;

    QPointer<KubeClient> self(this);
    Result<Json> version = co_await get("/version", context);
    if (!version)
        co_return std::unexpected(version.error());
    if (!self)
        co_return fail(ErrorKind::Cancelled, "discovery was cancelled: the client was closed");
    Result<Json> groups = co_await get("/apis", context);
    if (!groups)
        co_return std::unexpected(groups.error());
    if (!self)
        co_return fail(ErrorKind::Cancelled, "discovery was cancelled: the client was closed");

    Result<ClusterCapabilities> capabilities = ClusterCapabilities::fromDiscovery(*version, *groups);
    if (capabilities)
        m_capabilities = *capabilities;
    co_return capabilities;
}

void KubeClient::cancelAll() {
    for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>()) {
        reply->setProperty(cancelledProperty, true);
        reply->abort();
    }
}

QCoro::Task<Result<QNetworkReply *>> KubeClient::openStream(std::string path, QUrlQuery query,
                                                            std::chrono::milliseconds transferTimeout) {
    QPointer<KubeClient> self(this);
    Result<QNetworkRequest> prepared = co_await m_authenticator->prepare(baseRequest(path, query));
    if (!self)
        co_return fail(ErrorKind::Cancelled, "opening " + path + " was cancelled: the client was closed");
    if (!prepared)
        co_return std::unexpected(prepared.error());
    prepared->setTransferTimeout(static_cast<int>(transferTimeout.count()));
    // A compressed stream arrives in compressor-sized blocks, not event by event; ask for it plain.
    prepared->setRawHeader("Accept-Encoding", "identity");
    qCDebug(lcKube) << "GET" << path.c_str() << "(stream)";
    co_return m_streamNetwork->get(*prepared);
}

Error KubeClient::errorForReply(QNetworkReply *reply, const QByteArray &body, bool watch) const {
    const std::string method = "GET";
    const std::string path = reply->url().path().toStdString();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (reply->property(cancelledProperty).toBool())
        return fail(ErrorKind::Cancelled, method + " " + path + " was cancelled").error();
    if (status.isValid() && status.toInt() > 0)
        return apiErrorFromResponse(status.toInt(), body,
                                    ApiRequestFacts{method,
                                                    path,
                                                    watch,
                                                    connection().server.toString().toStdString(),
                                                    connection().describeUser(),
                                                    {}});
    TransportFailure failure{
        reply->error(), reply->errorString(), {}, reply->error() == QNetworkReply::OperationCanceledError};
    return transportError(failure, connection(), method, path,
                          std::chrono::milliseconds(reply->request().transferTimeout()));
}

bool KubeClient::refreshCredentials() {
    return m_authenticator->refreshAfterRejection();
}

QCoro::Task<Result<Json>> KubeClient::sendForJson(const Request &request) {
    const std::string description = request.method.toStdString() + " " + request.path;
    Result<Response> response = co_await send(request);
    if (!response)
        co_return std::unexpected(response.error());
    if (response->body.trimmed().isEmpty())
        co_return Json();
    Json document = Json::parse(response->body.constData(),
                                response->body.constData() + response->body.size(), nullptr, false);
    if (document.is_discarded())
        co_return fail(ErrorKind::Api,
                       "the API server answered " + description + " with a body that is not JSON");
    co_return document;
}

QCoro::Task<Result<KubeClient::Response>> KubeClient::send(const Request &request) {
    QPointer<KubeClient> self(this);
    const auto cancelled = [&request] {
        return fail(ErrorKind::Cancelled,
                    request.method.toStdString() + " " + request.path + " was cancelled");
    };
    QElapsedTimer clock;
    clock.start();
    bool credentialsRefreshed = false;
    int attempts = 0;
    while (true) {
        Result<QNetworkRequest> prepared =
            co_await m_authenticator->prepare(baseRequest(request.path, request.query));
        if (!self || request.contextGone())
            co_return cancelled();
        if (!prepared)
            co_return std::unexpected(prepared.error());
        ++attempts;
        Attempt attempt = co_await sendOnce(*prepared, request);
        if (!self || attempt.cancelled)
            co_return cancelled();
        if (attempt.httpStatus >= 200 && attempt.httpStatus < 300)
            co_return Response{attempt.httpStatus, std::move(attempt.body)};

        // An expired exec credential is worth one fresh try whatever the method: a 401 changed nothing.
        if (attempt.httpStatus == 401 && !credentialsRefreshed && m_authenticator->refreshAfterRejection()) {
            credentialsRefreshed = true;
            --attempts;
            continue;
        }
        const bool retryable =
            request.retryable
            && (RetryPolicy::isRetryableStatus(attempt.httpStatus)
                || (attempt.httpStatus == 0 && RetryPolicy::isRetryableNetworkError(attempt.failure.error)));
        const auto delay = m_options.retry.delayBefore(attempts, attempt.retryAfter);
        const auto elapsed = std::chrono::milliseconds(clock.elapsed());
        if (!retryable || attempts >= m_options.retry.maxAttempts
            || elapsed + delay > m_options.retry.maxTotal)
            co_return std::unexpected(attemptError(attempt, request));

        qCDebug(lcKube) << "retrying" << request.method << request.path.c_str() << "in" << delay.count()
                        << "ms";
        co_await QCoro::sleepFor(delay);
        if (!self || request.contextGone())
            co_return cancelled();
    }
}

QCoro::Task<KubeClient::Attempt> KubeClient::sendOnce(QNetworkRequest networkRequest,
                                                      const Request &request) {
    networkRequest.setTransferTimeout(static_cast<int>(m_options.transferTimeout.count()));
    networkRequest.setRawHeader("Accept", request.accept);
    if (!request.contentType.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);

    QElapsedTimer clock;
    clock.start();
    QPointer<QNetworkReply> reply =
        m_network->sendCustomRequest(networkRequest, request.method, request.body);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, reply,
            [sslErrors](const QList<QSslError> &errors) { *sslErrors = errors; });
    if (request.hasContext && request.context) {
        connect(request.context, &QObject::destroyed, reply, [reply] {
            reply->setProperty(cancelledProperty, true);
            reply->abort();
        });
    }
    co_await ReplyFinished(reply);

    Attempt attempt;
    if (!reply || reply->property(cancelledProperty).toBool()) {
        attempt.cancelled = true;
        if (reply)
            reply->deleteLater();
        co_return attempt;
    }
    attempt.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    attempt.body = reply->readAll();
    attempt.retryAfter = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"));
    if (attempt.httpStatus == 0)
        attempt.failure = TransportFailure{reply->error(), reply->errorString(), *sslErrors,
                                           reply->error() == QNetworkReply::OperationCanceledError};
    qCDebug(lcKube) << request.method << request.path.c_str() << attempt.httpStatus << clock.elapsed()
                    << "ms";
    reply->deleteLater();
    co_return attempt;
}

QNetworkRequest KubeClient::baseRequest(const std::string &path, const QUrlQuery &query) const {
    QUrl url = connection().server;
    QString prefix = url.path();
    if (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + QString::fromStdString(path));
    url.setQuery(encodeQuery(query), QUrl::TolerantMode);

    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", m_options.userAgent);
    if (connection().disableCompression)
        request.setRawHeader("Accept-Encoding", "identity");
    return request;
}

Error KubeClient::attemptError(const Attempt &attempt, const Request &request) const {
    const std::string method = request.method.toStdString();
    if (attempt.httpStatus > 0)
        return apiErrorFromResponse(attempt.httpStatus, attempt.body,
                                    ApiRequestFacts{method,
                                                    request.path,
                                                    false,
                                                    connection().server.toString().toStdString(),
                                                    connection().describeUser(),
                                                    {}});
    return transportError(attempt.failure, connection(), method, request.path, m_options.transferTimeout);
}

QUrlQuery KubeClient::writeQuery(bool dryRun) const {
    QUrlQuery query{};
    query.addQueryItem(QStringLiteral("fieldManager"), QString::fromStdString(m_options.fieldManager));
    if (dryRun)
        query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    return query;
}

} // namespace otelconsole
