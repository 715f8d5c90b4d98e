// SPDX-License-Identifier: Apache-2.0
#include "api/statuserror.h"

namespace otelconsole::sandbox {

StatusError::StatusError(int code, std::string reason, std::string message)
    : m_code(code)
    , m_reason(std::move(reason))
    , m_message(std::move(message)) {}

StatusError StatusError::badRequest(std::string message) {
    return StatusError(400, "BadRequest", std::move(message));
}

StatusError StatusError::unauthorized() {
    return StatusError(401, "Unauthorized", "Unauthorized");
}

StatusError StatusError::forbidden(const GroupResource &resource, const std::string &name,
                                   const std::string &why) {
    const std::string subject =
        name.empty() ? resource.qualified() : resource.qualified() + " \"" + name + "\"";
    StatusError error(403, "Forbidden", subject + " is forbidden: " + why);
    error.withDetails(resource, name);
    return error;
}

StatusError StatusError::notFound(const GroupResource &resource, const std::string &name) {
    StatusError error(404, "NotFound", resource.qualified() + " \"" + name + "\" not found");
    error.withDetails(resource, name);
    return error;
}

StatusError StatusError::pathNotFound() {
    StatusError error(404, "NotFound", "the server could not find the requested resource");
    error.m_hasDetails = true;
    return error;
}

StatusError StatusError::alreadyExists(const GroupResource &resource, const std::string &name) {
    StatusError error(409, "AlreadyExists", resource.qualified() + " \"" + name + "\" already exists");
    error.withDetails(resource, name);
    return error;
}

StatusError StatusError::conflict(const GroupResource &resource, const std::string &name,
                                  const std::string &why) {
    StatusError error(409, "Conflict",
                      "Operation cannot be fulfilled on " + resource.qualified() + " \"" + name
                          + "\": " + why);
    error.withDetails(resource, name);
    return error;
}

StatusError StatusError::staleUpdate(const GroupResource &resource, const std::string &name) {
    return conflict(
        resource, name,
        "the object has been modified; please apply your changes to the latest version and try again");
}

StatusError StatusError::invalid(const std::string &qualifiedKind, const std::string &group,
                                 const std::string &kind, const std::string &name,
                                 const std::vector<StatusCause> &causes, const std::string &summary) {
    StatusError error(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: " + summary);
    error.withDetailsKind(group, kind, name);
    error.m_causes = causes;
    return error;
}

StatusError StatusError::expired(std::string message) {
    return StatusError(410, "Expired", std::move(message));
}

StatusError StatusError::gone(std::string message) {
    return StatusError(410, "Gone", std::move(message));
}

StatusError StatusError::methodNotAllowed() {
    StatusError error(405, "MethodNotAllowed",
                      "the server does not allow this method on the requested resource");
    error.m_hasDetails = true;
    return error;
}

StatusError StatusError::unsupportedMediaType() {
    return StatusError(415, "UnsupportedMediaType",
                       "the body of the request was in an unknown format - accepted media types include: "
                       "application/json-patch+json, application/merge-patch+json, "
                       "application/apply-patch+yaml, application/strategic-merge-patch+json");
}

StatusError StatusError::notAcceptable() {
    return StatusError(406, "NotAcceptable",
                       "the server was unable to respond with a content type that the client supports");
}

StatusError StatusError::requestEntityTooLarge() {
    return StatusError(413, "RequestEntityTooLarge",
                       "the server has rejected the request because the request body is too large");
}

StatusError StatusError::internal(const std::string &message) {
    return StatusError(500, "InternalError", "Internal error occurred: " + message);
}

StatusError StatusError::timeout(const std::string &message) {
    return StatusError(504, "Timeout", message);
}

StatusError &StatusError::withDetails(const GroupResource &resource, const std::string &name) {
    return withDetailsKind(resource.group, resource.resource, name);
}

StatusError &StatusError::withDetailsKind(const std::string &group, const std::string &kind,
                                          const std::string &name) {
    m_hasDetails = true;
    m_detailsGroup = group;
    m_detailsKind = kind;
    m_detailsName = name;
    return *this;
}

StatusError &StatusError::withCauses(std::vector<StatusCause> causes) {
    m_hasDetails = true;
    m_causes = std::move(causes);
    return *this;
}

StatusError &StatusError::withUid(const std::string &uid) {
    m_hasDetails = true;
    m_detailsUid = uid;
    return *this;
}

nlohmann::json StatusError::toJson() const {
    nlohmann::json status{
        {"kind", "Status"},    {"apiVersion", "v1"},   {"metadata", nlohmann::json::object()},
        {"status", "Failure"}, {"message", m_message}, {"reason", m_reason},
        {"code", m_code}};
    if (!m_hasDetails && m_causes.empty()) {
        return status;
    }
    // Empty strings are left out, as Go's omitempty does.
    nlohmann::json details = nlohmann::json::object();
    if (!m_detailsName.empty()) {
        details["name"] = m_detailsName;
    }
    if (!m_detailsGroup.empty()) {
        details["group"] = m_detailsGroup;
    }
    if (!m_detailsKind.empty()) {
        details["kind"] = m_detailsKind;
    }
    if (!m_detailsUid.empty()) {
        details["uid"] = m_detailsUid;
    }
    for (const auto &cause : m_causes) {
        nlohmann::json entry = nlohmann::json::object();
        if (!cause.reason.empty()) {
            entry["reason"] = cause.reason;
        }
        if (!cause.message.empty()) {
            entry["message"] = cause.message;
        }
        if (!cause.field.empty()) {
            entry["field"] = cause.field;
        }
        details["causes"].push_back(entry);
    }
    status["details"] = details;
    return status;
}

nlohmann::json successStatus(const GroupResource &resource, const std::string &name, const std::string &uid) {
    nlohmann::json details{{"name", name}, {"kind", resource.resource}, {"uid", uid}};
    if (!resource.group.empty()) {
        details["group"] = resource.group;
    }
    return {{"kind", "Status"},
            {"apiVersion", "v1"},
            {"metadata", nlohmann::json::object()},
            {"status", "Success"},
            {"details", details}};
}

} // namespace otelconsole::sandbox
