// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/resourcetype.h"
#include "store/clock.h"
#include "store/storedobject.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace otelconsole::sandbox {

/// Server-side printing: turns objects into a meta.k8s.io/v1 Table with the columns kubectl shows
/// (READY, STATUS, AGE, ...), which kubectl asks for with `Accept: ...;as=Table`.
class TableConverter {
public:
    explicit TableConverter(const Clock &clock);

    /// Whether the Accept header asks for a Table.
    static bool wantsTable(const std::string &accept);

    /// A Table of `objects`; `includeObject` is None, Metadata (default) or Object.
    [[nodiscard]] nlohmann::json table(const ResourceType &type, const std::vector<ObjectPtr> &objects,
                                       const std::string &resourceVersion,
                                       const std::string &includeObject) const;

    /// A human age such as "5m3s" or "2d4h", as kubectl prints it.
    static std::string humanDuration(std::chrono::seconds age);

private:
    struct Column {
        std::string name;
        std::string type;
        std::string format;
        int priority = 0;
    };

    [[nodiscard]] std::vector<Column> columns(const std::string &kind) const;
    [[nodiscard]] nlohmann::json cells(const std::string &kind, const nlohmann::json &object) const;
    [[nodiscard]] std::string age(const nlohmann::json &object) const;

    const Clock &m_clock;
};

} // namespace otelconsole::sandbox
