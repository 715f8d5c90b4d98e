// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/userinfo.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// The identity a verified client certificate carries: CN is the user, each O a group.
struct PeerCertificate {
    std::string commonName;
    std::vector<std::string> organizations;
};

/// Maps credentials to users: a client certificate signed by the sandbox CA, or a bearer token
/// issued at start. Every authenticated user is also in "system:authenticated". Thread-safe.
class Authenticator {
public:
    /// Makes `token` authenticate as `user`.
    void addToken(const std::string &token, UserInfo user);

    /// The user behind the request's credentials, or nothing when they are missing or unknown.
    /// `authorization` is the Authorization header, `peer` the verified client certificate if any.
    [[nodiscard]] std::optional<UserInfo> authenticate(const std::string &authorization,
                                                       const std::optional<PeerCertificate> &peer) const;

    /// A fresh random token: 32 bytes of hex.
    [[nodiscard]] static std::string newToken();

private:
    mutable std::mutex m_mutex;
    std::map<std::string, UserInfo> m_tokens;
};

} // namespace otelconsole::sandbox
