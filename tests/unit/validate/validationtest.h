// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/catalog.h"
#include "common/json.h"
#include "model/project.h"
#include "validate/diagnostic.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

/// Base of the validator's fixtures: a small project that validates without a single finding, which
/// each test breaks in one place.
class ValidationTest : public ::testing::Test {
protected:
    ValidationTest();

    /// The diagnostics of the current project against the built-in catalog.
    [[nodiscard]] std::vector<Diagnostic> validate() const;
    /// All diagnostics with `code`.
    [[nodiscard]] std::vector<Diagnostic> withCode(std::string_view code) const;
    /// The one diagnostic with `code`; records a failure listing every finding, and returns an empty
    /// diagnostic, when there is not exactly one.
    [[nodiscard]] Diagnostic only(std::string_view code) const;
    /// Whether any diagnostic has `code`.
    [[nodiscard]] bool has(std::string_view code) const;

    /// Settings written as YAML, as a project file holds them.
    [[nodiscard]] static Json yaml(std::string_view text);

    /// The component with `id` in its section; fails the test when it is missing.
    [[nodiscard]] Component &component(std::vector<Component> &section, std::string_view id);
    [[nodiscard]] Component &receiver(std::string_view id) {
        return component(m_project.collector.receivers, id);
    }
    [[nodiscard]] Component &processor(std::string_view id) {
        return component(m_project.collector.processors, id);
    }
    [[nodiscard]] Component &exporter(std::string_view id) {
        return component(m_project.collector.exporters, id);
    }
    [[nodiscard]] Component &extension(std::string_view id) {
        return component(m_project.collector.extensions, id);
    }
    [[nodiscard]] Pipeline &traces() { return m_project.collector.pipelines.front(); }

    Project m_project;
};

/// Every finding, one per line, for failure messages.
[[nodiscard]] std::string describeAll(const std::vector<Diagnostic> &diagnostics);

} // namespace otelconsole
