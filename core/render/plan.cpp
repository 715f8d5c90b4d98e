// SPDX-License-Identifier: Apache-2.0
#include "render/plan.h"

#include "common/yaml.h"

namespace otelconsole {

std::string Plan::toYaml() const {
    return toYamlDocuments(objects);
}

} // namespace otelconsole
