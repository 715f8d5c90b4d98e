// SPDX-License-Identifier: Apache-2.0
#include "kube/apierror.h"

#include "common/json.h"
#include "kube/resourcepath.h"

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace otelconsole {

namespace {

constexpr int maxExcerpt = 160;

/// The fields of a Kubernetes Status object that messages use.
struct StatusBody {
    std::string message;
    std::string reason;
    std::string detailsName;
    std::string detailsGroup;
    std::string detailsKind;
    std::vector<ErrorCause> causes;
};

std::optional<StatusBody> readStatus(const Json &document) {
    if (!document.is_object() || document.value("kind", Json()) != "Status")
        return std::nullopt;

    StatusBody status;
    status.message = document.value("message", "");
    status.reason = document.value("reason", "");
    const Json details = document.value("details", Json::object());
    if (details.is_object()) {
        status.detailsName = details.value("name", "");
        status.detailsGroup = details.value("group", "");
        status.detailsKind = details.value("kind", "");
        for (const Json &cause : details.value("causes", Json::array())) {
            if (cause.is_object())
                status.causes.push_back(
                    {cause.value("reason", ""), cause.value("message", ""), cause.value("field", "")});
        }
    }
    return status;
}

std::optional<StatusBody> parseStatus(const QByteArray &body) {
    const Json document = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    try {
        return readStatus(document);
    } catch (const Json::exception &) {
        // A Status whose fields have the wrong types is treated like any other unexpected body.
        return std::nullopt;
    }
}

std::string quoted(const std::string &text) {
    return "\"" + text + "\"";
}

std::string groupPhrase(const std::string &group) {
    return group.empty() ? "in the core API group (\"\")" : "in API group " + quoted(group);
}

std::string scopePhrase(const std::string &namespaceName) {
    return namespaceName.empty() ? "at cluster scope (a ClusterRole and ClusterRoleBinding)"
                                 : "in namespace " + quoted(namespaceName)
                                       + " (a Role and RoleBinding, or a ClusterRole bound there)";
}

std::string forbiddenMessage(const std::optional<StatusBody> &status, const ResourcePath &path,
                             const ApiRequestFacts &request) {
    const std::string serverMessage = status ? status->message : std::string();
    if (serverMessage.find("attempting to grant RBAC permissions not currently held") != std::string::npos)
        return "RBAC escalation prevention: " + request.userEntry + " cannot create or bind "
               + path.describe()
               + " because it grants permissions the user does not hold itself; get those permissions (or "
                 "the "
                 "\"escalate\"/\"bind\" verb) first. The API server said: "
               + serverMessage;

    // The authorizer's message is authoritative: for server-side apply it names the verb really denied.
    static const QRegularExpression rbacDenial(
        QStringLiteral(R"re(User "([^"]*)" cannot ([\w]+) resource "([^"]*)"(?: in API group "([^"]*)")?)re"
                       R"re((?: in the namespace "([^"]*)")?)re"));
    const QRegularExpressionMatch match = rbacDenial.match(QString::fromStdString(serverMessage));
    if (!match.hasMatch() && !serverMessage.empty())
        return "the API server refused to " + path.verb(request.method, request.watch) + " " + path.describe()
               + " for " + request.userEntry + ": " + serverMessage;

    const std::string user =
        match.hasMatch() ? "user " + quoted(match.captured(1).toStdString()) : request.userEntry;
    const std::string verb =
        match.hasMatch() ? match.captured(2).toStdString() : path.verb(request.method, request.watch);
    const std::string resource = match.hasMatch() ? match.captured(3).toStdString() : path.rbacResource();
    const std::string group = match.hasMatch() ? match.captured(4).toStdString() : path.group;
    const std::string namespaceName = match.hasMatch() ? match.captured(5).toStdString() : path.namespaceName;
    return user + " may not " + verb + " " + resource + " " + groupPhrase(group)
           + (namespaceName.empty() ? " at cluster scope" : " in namespace " + quoted(namespaceName))
           + "; grant verb " + quoted(verb) + " on " + quoted(resource) + " " + groupPhrase(group) + " "
           + scopePhrase(namespaceName);
}

std::string objectPhrase(const std::optional<StatusBody> &status, const ResourcePath &path) {
    if (status && !status->detailsName.empty() && !status->detailsKind.empty()) {
        const std::string kind = status->detailsGroup.empty()
                                     ? status->detailsKind
                                     : status->detailsKind + "." + status->detailsGroup;
        return kind + " " + quoted(status->detailsName)
               + (path.namespaceName.empty() ? "" : " in namespace " + quoted(path.namespaceName));
    }
    return path.describe();
}

std::string notFoundMessage(const std::optional<StatusBody> &status, const ResourcePath &path,
                            const ApiRequestFacts &request) {
    if (path.resource.empty() || (path.name.empty() && !status))
        return "the API server " + request.server + " does not serve " + request.path
               + " (the API group or resource is not installed on this cluster)";
    return objectPhrase(status, path) + " was not found"
           + (path.group.empty() ? std::string() : " (API group " + quoted(path.group) + ")");
}

std::string managerOf(const ErrorCause &cause) {
    static const QRegularExpression manager(QStringLiteral(R"re(conflict with "([^"]*)")re"));
    const QRegularExpressionMatch match = manager.match(QString::fromStdString(cause.message));
    return match.hasMatch() ? match.captured(1).toStdString() : std::string();
}

std::string conflictMessage(const std::optional<StatusBody> &status, const ResourcePath &path) {
    if (status && status->reason == "AlreadyExists")
        return objectPhrase(status, path) + " already exists";
    if (!status || status->causes.empty())
        return objectPhrase(status, path)
               + " was changed by someone else in the meantime; read it again and retry"
               + (status && !status->message.empty() ? " (" + status->message + ")" : std::string());

    std::string fields;
    for (const ErrorCause &cause : status->causes) {
        const std::string manager = managerOf(cause);
        fields += (fields.empty() ? "" : "; ") + (cause.field.empty() ? std::string("a field") : cause.field)
                  + (manager.empty() ? ": " + cause.message : " is managed by " + quoted(manager));
    }
    return "applying " + objectPhrase(status, path) + " conflicts with other field managers: " + fields
           + ". Apply with force to take ownership of these fields, or leave them out";
}

std::string invalidMessage(const std::optional<StatusBody> &status, const ResourcePath &path) {
    if (!status || status->causes.empty())
        return objectPhrase(status, path) + " is invalid"
               + (status && !status->message.empty() ? ": " + status->message : std::string());
    std::string causes;
    for (const ErrorCause &cause : status->causes)
        causes += (causes.empty() ? "" : "; ")
                  + (cause.field.empty() ? cause.message : cause.field + ": " + cause.message);
    return objectPhrase(status, path) + " is invalid: " + causes;
}

/// A short readable excerpt of a body that is not a Status: an HTML title, or the first characters.
std::string bodyExcerpt(const QByteArray &body) {
    static const QRegularExpression title(QStringLiteral("<title>([^<]*)</title>"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(body);
    if (const QRegularExpressionMatch match = title.match(text); match.hasMatch())
        return "an HTML page titled " + quoted(match.captured(1).trimmed().toStdString())
               + ", probably from a proxy or load balancer in front of the API server";
    if (text.trimmed().startsWith(QLatin1Char('<')))
        return "an HTML page, probably from a proxy or load balancer in front of the API server";
    const QString flat = text.simplified();
    if (flat.isEmpty())
        return "an empty body";
    return "a body that is not a Kubernetes Status: " + quoted(flat.left(maxExcerpt).toStdString());
}

ErrorKind kindForStatus(int httpStatus) {
    switch (httpStatus) {
    case 400:
    case 422:
        return ErrorKind::InvalidInput;
    case 401:
        return ErrorKind::Auth;
    case 403:
        return ErrorKind::Forbidden;
    case 404:
        return ErrorKind::NotFound;
    case 409:
        return ErrorKind::Conflict;
    case 408:
    case 504:
        return ErrorKind::Timeout;
    default:
        return ErrorKind::Api;
    }
}

std::string statusMessage(int httpStatus, const std::optional<StatusBody> &status, const ResourcePath &path,
                          const ApiRequestFacts &request) {
    const std::string serverSaid =
        status && !status->message.empty() ? ": " + status->message : std::string();
    switch (httpStatus) {
    case 401:
        return "the API server " + request.server + " rejected the credentials of " + request.userEntry
               + " (HTTP 401 Unauthorized): the token, client certificate or password is missing, expired or "
                 "not "
                 "valid for this cluster";
    case 403:
        return forbiddenMessage(status, path, request);
    case 404:
        return notFoundMessage(status, path, request);
    case 409:
        return conflictMessage(status, path);
    case 410:
        return "the resourceVersion used for " + path.describe()
               + " is too old (HTTP 410 Expired); list again to get a current one";
    case 422:
        return invalidMessage(status, path);
    case 429:
        return "the API server is throttling requests (HTTP 429 Too Many Requests); try again later"
               + serverSaid;
    default:
        return "the API server could not " + path.verb(request.method, request.watch) + " " + path.describe()
               + " (HTTP " + std::to_string(httpStatus) + ")" + serverSaid;
    }
}

} // namespace

Error apiErrorFromResponse(int httpStatus, const QByteArray &body, const ApiRequestFacts &request) {
    const std::optional<StatusBody> status = parseStatus(body);
    const ResourcePath path = ResourcePath::parse(request.path);

    Error error;
    error.kind = kindForStatus(httpStatus);
    error.httpStatus = httpStatus;
    error.message = statusMessage(httpStatus, status, path, request);
    if (status) {
        error.statusReason = status->reason;
        error.causes = status->causes;
    } else if (httpStatus != 401) {
        error.message += "; the response was " + bodyExcerpt(body);
    }
    return error;
}

} // namespace otelconsole
