// SPDX-License-Identifier: Apache-2.0
#include "validate/validator.h"

#include "model/projectfile.h"
#include "validate/checks.h"
#include "validate/validationcontext.h"

#include <algorithm>
#include <tuple>

namespace otelconsole {

namespace {

void sortDiagnostics(std::vector<Diagnostic> &diagnostics) {
    // Path first so that a file's findings read top to bottom; the rest only makes the order stable.
    std::ranges::stable_sort(diagnostics, [](const Diagnostic &left, const Diagnostic &right) {
        return std::tie(left.path, left.severity, left.code, left.message)
               < std::tie(right.path, right.severity, right.code, right.message);
    });
}

} // namespace

std::vector<Diagnostic> validateProject(const Project &project, const Catalog &catalog,
                                        const SourceMap *sources) {
    ValidationContext context(project, catalog);

    checkResources(context);
    checkNames(context);
    checkMode(context);
    checkAvailability(context);
    checkImage(context);
    checkPipelines(context);
    checkComponents(context);
    checkProcessors(context);
    checkEndpoints(context);
    checkEnvExpansion(context);
    checkPlacement(context);
    checkRbac(context);

    std::vector<Diagnostic> diagnostics = context.takeDiagnostics();
    if (sources) {
        for (Diagnostic &diagnostic : diagnostics)
            diagnostic.location = sources->find(diagnostic.path);
    }
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace otelconsole
