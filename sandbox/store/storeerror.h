// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <expected>
#include <string>

namespace otelconsole::sandbox {

enum class StoreErrorKind {
    NotFound,      ///< no object under that key
    AlreadyExists, ///< create found an object under that key
    Conflict,      ///< the caller's resourceVersion precondition no longer holds
    Expired,       ///< the requested resourceVersion fell out of the watch history
};

struct StoreError {
    StoreErrorKind kind = StoreErrorKind::NotFound;
    std::uint64_t requested = 0; ///< for Expired: the version asked for
    std::uint64_t oldest = 0;    ///< for Expired: the oldest version still available
};

template<typename T>
using StoreResult = std::expected<T, StoreError>;

} // namespace otelconsole::sandbox
