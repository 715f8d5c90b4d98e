// SPDX-License-Identifier: Apache-2.0
#include "common/settings.h"

#include <string>

namespace otelconsole {

const Json *findSetting(const Json &settings, std::string_view dottedPath) {
    const Json *current = &settings;
    while (!dottedPath.empty()) {
        const std::size_t dot = dottedPath.find('.');
        if (!current->is_object())
            return nullptr;
        const auto found = current->find(std::string(dottedPath.substr(0, dot)));
        if (found == current->end())
            return nullptr;
        current = &*found;
        dottedPath = dot == std::string_view::npos ? std::string_view() : dottedPath.substr(dot + 1);
    }
    return current;
}

} // namespace otelconsole
