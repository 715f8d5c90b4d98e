// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "model/project.h"
#include "model/projectfile.h"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace otelconsole {

struct Diagnostic;

/// The project being edited: its file, whether it has unsaved changes, its undo history and its
/// diagnostics, recomputed after every change. The GUI's pages edit the project only through this
/// class and redraw on its signals; it performs all file access (load, atomic save, autosave, recovery).
class ProjectDocument : public QObject {
    Q_OBJECT

public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    [[nodiscard]] const Project &project() const;
    [[nodiscard]] const SourceMap &sources() const;
    [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const;

    /// Applies `change` to the project as one undoable step; `description` names it ("Set replicas").
    void edit(const QString &description, const std::function<void(Project &)> &change);
    /// Replaces the whole project (new from template, import) as one undoable step.
    void replace(const QString &description, Project project);

    [[nodiscard]] bool canUndo() const;
    [[nodiscard]] bool canRedo() const;
    void undo();
    void redo();

    [[nodiscard]] QString filePath() const;   ///< empty for a project never saved
    [[nodiscard]] bool isModified() const;

    /// Starts a new, unsaved project from a template in resources/examples (gateway, daemonset-logs, sidecar).
    [[nodiscard]] Result<void> newFromTemplate(const QString &templateName);
    [[nodiscard]] Result<void> open(const QString &path);
    [[nodiscard]] Result<void> save();
    [[nodiscard]] Result<void> saveAs(const QString &path);
    /// True when the file on disk changed since it was opened or saved (someone else wrote it).
    [[nodiscard]] bool changedOnDisk() const;

Q_SIGNALS:
    void projectChanged();
    void diagnosticsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void undoRedoChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace otelconsole
