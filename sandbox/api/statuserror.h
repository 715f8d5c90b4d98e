// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <expected>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// One reason for rejecting a request; serialized with the cause type under the key "reason".
struct StatusCause {
    std::string reason;
    std::string message;
    std::string field;
};

/// Which resource an error is about, for the Status details and the "deployments.apps" wording.
struct GroupResource {
    std::string group;
    std::string resource;

    /// "deployments.apps", or just "pods" for the core group.
    [[nodiscard]] std::string qualified() const { return group.empty() ? resource : resource + "." + group; }
};

/// A failed request as the API server reports it: HTTP code, Status reason, message and details.
class StatusError {
public:
    StatusError(int code, std::string reason, std::string message);

    static StatusError badRequest(std::string message);
    static StatusError unauthorized();
    static StatusError forbidden(const GroupResource &resource, const std::string &name,
                                 const std::string &why);
    static StatusError notFound(const GroupResource &resource, const std::string &name);
    static StatusError pathNotFound();
    static StatusError alreadyExists(const GroupResource &resource, const std::string &name);
    static StatusError conflict(const GroupResource &resource, const std::string &name,
                                const std::string &why);
    /// The optimistic-concurrency failure of an update with a stale resourceVersion.
    static StatusError staleUpdate(const GroupResource &resource, const std::string &name);
    static StatusError invalid(const std::string &qualifiedKind, const std::string &group,
                               const std::string &kind, const std::string &name,
                               const std::vector<StatusCause> &causes, const std::string &summary);
    static StatusError expired(std::string message);
    static StatusError gone(std::string message);
    static StatusError methodNotAllowed();
    static StatusError unsupportedMediaType();
    static StatusError notAcceptable();
    static StatusError requestEntityTooLarge();
    static StatusError internal(const std::string &message);
    static StatusError timeout(const std::string &message);

    StatusError &withDetails(const GroupResource &resource, const std::string &name);
    StatusError &withDetailsKind(const std::string &group, const std::string &kind, const std::string &name);
    StatusError &withCauses(std::vector<StatusCause> causes);
    StatusError &withUid(const std::string &uid);

    [[nodiscard]] int code() const { return m_code; }
    [[nodiscard]] const std::string &reason() const { return m_reason; }
    [[nodiscard]] const std::string &message() const { return m_message; }
    [[nodiscard]] const std::vector<StatusCause> &causes() const { return m_causes; }

    /// The Status object, kind "Status", apiVersion "v1", status "Failure".
    [[nodiscard]] nlohmann::json toJson() const;

private:
    int m_code;
    std::string m_reason;
    std::string m_message;
    std::string m_detailsName;
    std::string m_detailsGroup;
    std::string m_detailsKind;
    std::string m_detailsUid;
    std::vector<StatusCause> m_causes;
    bool m_hasDetails = false;
};

template<typename T>
using ApiResult = std::expected<T, StatusError>;

/// The Status object a successful delete answers with.
nlohmann::json successStatus(const GroupResource &resource, const std::string &name, const std::string &uid);

} // namespace otelconsole::sandbox
