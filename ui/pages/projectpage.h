// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

namespace otelconsole {

class ProjectDocument;

/// One step of the left-hand navigation (Mode, Resources, RBAC, Pipeline, Extras, Review, Deploy).
/// A page shows and edits the document; it never touches files or the network itself.
class ProjectPage : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    /// The title in the navigation list.
    [[nodiscard]] virtual QString title() const = 0;
    /// Shows `document` (never null while the page lives) and follows its changes.
    virtual void setDocument(ProjectDocument *document) = 0;
    /// Whether this page owns the field `path` (a SourceMap path such as `resources.limits.memory`).
    [[nodiscard]] virtual bool ownsField(const QString &path) const = 0;
    /// Moves keyboard focus to the editor of `path` and makes it visible.
    virtual void focusField(const QString &path) = 0;
};

} // namespace otelconsole
