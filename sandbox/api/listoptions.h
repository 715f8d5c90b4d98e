// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/apirequest.h"
#include "api/fieldselector.h"
#include "api/labelselector.h"
#include "api/statuserror.h"

#include <cstdint>
#include <optional>
#include <string>

namespace otelconsole::sandbox {

/// Where a paged list left off: the list's resourceVersion and the last key returned.
struct ContinueToken {
    std::uint64_t resourceVersion = 0;
    std::string startAfter; ///< "namespace/name" of the last item already returned

    [[nodiscard]] std::string encode() const;
    static std::optional<ContinueToken> decode(const std::string &token);
};

/// The query parameters of list and watch requests, parsed and checked.
struct ListOptions {
    LabelSelector labels;
    FieldSelector fields;
    std::size_t limit = 0; ///< 0: no paging
    std::optional<ContinueToken> continueFrom;
    std::string resourceVersion;
    bool watch = false;
    bool allowBookmarks = false;
    bool sendInitialEvents = false;
    std::optional<long> timeoutSeconds;

    /// Reads the options of `request` for objects of `kind`; malformed values are a 400.
    static ApiResult<ListOptions> parse(const ApiRequest &request, const std::string &kind);

    /// Whether `object` passes both selectors.
    [[nodiscard]] bool matches(const nlohmann::json &object) const;
};

} // namespace otelconsole::sandbox
