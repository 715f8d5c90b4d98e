// SPDX-License-Identifier: Apache-2.0
#include "server/authenticator.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace otelconsole::sandbox {

namespace {

UserInfo withAuthenticatedGroup(UserInfo user) {
    if (!user.inGroup("system:authenticated")) {
        user.groups.push_back("system:authenticated");
    }
    return user;
}

} // namespace

void Authenticator::addToken(const std::string &token, UserInfo user) {
    std::lock_guard lock(m_mutex);
    m_tokens[token] = withAuthenticatedGroup(std::move(user));
}

std::optional<UserInfo> Authenticator::authenticate(const std::string &authorization,
                                                    const std::optional<PeerCertificate> &peer) const {
    if (peer && !peer->commonName.empty()) {
        return withAuthenticatedGroup(UserInfo{peer->commonName, peer->organizations});
    }

    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size()
        || !std::equal(scheme.begin(), scheme.end(), authorization.begin(),
                       [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
        return std::nullopt;
    }
    const std::string presented = authorization.substr(scheme.size());

    std::lock_guard lock(m_mutex);
    for (const auto &[token, user] : m_tokens) {
        // Constant-time comparison so response timing reveals nothing about valid tokens.
        if (token.size() == presented.size()
            && CRYPTO_memcmp(token.data(), presented.data(), token.size()) == 0) {
            return user;
        }
    }
    return std::nullopt;
}

std::string Authenticator::newToken() {
    unsigned char bytes[32];
    RAND_bytes(bytes, sizeof bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token;
    for (const unsigned char byte : bytes) {
        token += kHex[byte >> 4];
        token += kHex[byte & 0x0f];
    }
    return token;
}

} // namespace otelconsole::sandbox
