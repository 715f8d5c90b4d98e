// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <expected>
#include <string>
#include <vector>

namespace otelconsole {

/// What went wrong, coarsely: lets callers decide whether to retry, ask for credentials, or give up.
enum class ErrorKind {
    InvalidInput, ///< a file or argument does not have the expected form
    NotFound,     ///< a file, object or key does not exist
    Io,           ///< reading or writing a local file failed
    Network,      ///< the connection failed or was reset
    Tls,          ///< certificate verification or TLS handshake failed
    Auth,         ///< credentials missing, rejected or could not be obtained
    Forbidden,    ///< authenticated, but RBAC denies the request
    Conflict,     ///< another writer or field manager got there first
    Api,          ///< any other Kubernetes API error
    Timeout,      ///< a deadline passed
    Cancelled,    ///< the caller gave up on the request
    Internal,     ///< a bug: an invariant did not hold
};

/// A place in a source file, 1-based; line 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    [[nodiscard]] std::string toString() const;
};

/// One reason given by the Kubernetes API for rejecting a request (a StatusCause).
struct ErrorCause {
    std::string reason;
    std::string message;
    std::string field;
};

/// An error as a value: a kind, a sentence a person can act on, and where known the Kubernetes
/// Status reason, HTTP code and causes, or the place in a file.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
    SourceLocation location;
    std::string statusReason;
    int httpStatus = 0;
    std::vector<ErrorCause> causes;

    /// The message prefixed with "file:line:column: " when the location is known.
    [[nodiscard]] std::string toString() const;
};

template<typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning an error from a function that returns Result<T>.
[[nodiscard]] inline std::unexpected<Error> fail(ErrorKind kind, std::string message,
                                                 SourceLocation location = {}) {
    return std::unexpected(Error{kind, std::move(message), std::move(location), {}, 0, {}});
}

} // namespace otelconsole
