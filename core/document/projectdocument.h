// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "document/autosaveslot.h"
#include "model/project.h"
#include "model/projectfile.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace otelconsole {

struct Diagnostic;

/// The project being edited: its file, whether it has unsaved changes, its undo history and its
/// diagnostics, recomputed after every change. The GUI's pages edit the project only through this
/// class and redraw on its signals; it performs all file access (load, atomic save, autosave, recovery).
class ProjectDocument : public QObject {
    Q_OBJECT

public:
    static constexpr std::size_t undoLimit = 200;
    static constexpr std::chrono::seconds autosaveInterval{30};

    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    [[nodiscard]] const Project &project() const;
    [[nodiscard]] const SourceMap &sources() const;
    /// The validator's findings for the current project; recomputed on first use after a change.
    [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const;

    /// Applies `change` to the project as one undoable step; `description` names it ("Set replicas").
    /// A change that leaves the project as it was records nothing.
    void edit(const QString &description, const std::function<void(Project &)> &change);
    /// Replaces the whole project (new from template, import) as one undoable step.
    void replace(const QString &description, Project project);

    [[nodiscard]] bool canUndo() const;
    [[nodiscard]] bool canRedo() const;
    /// The description of the step undo() would revert; empty when there is none.
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] QString redoText() const;
    void undo();
    void redo();

    [[nodiscard]] QString filePath() const; ///< absolute; empty for a project never saved
    /// The file's name, or "Untitled" for a project never saved.
    [[nodiscard]] QString displayName() const;
    /// Whether the project differs from its file (or its template); a recovered project always does.
    [[nodiscard]] bool isModified() const;

    /// The templates embedded from resources/examples: gateway, daemonset-logs, sidecar.
    [[nodiscard]] static QStringList templateNames();
    /// Starts a new, unsaved project from a template in resources/examples (gateway, daemonset-logs,
    /// sidecar).
    [[nodiscard]] Result<void> newFromTemplate(const QString &templateName);
    [[nodiscard]] Result<void> open(const QString &path);
    /// Saves to filePath(); fails for a project that has none yet (use saveAs).
    [[nodiscard]] Result<void> save();
    [[nodiscard]] Result<void> saveAs(const QString &path);
    /// True when the file on disk changed since it was opened or saved (someone else wrote it).
    [[nodiscard]] bool changedOnDisk() const;

    /// Where autosave files go; AutosaveSlot::defaultDirectory() unless set (tests use a temporary one).
    void setAutosaveDirectory(const QString &directory);
    /// The autosave file currently holding this document's unsaved changes; empty when there is none.
    [[nodiscard]] QString autosavePath() const;
    /// Writes the unsaved changes to the autosave file now; does nothing when there are none. The
    /// document also does this every autosaveInterval on its own.
    [[nodiscard]] Result<void> autosaveNow();
    /// Removes the autosave file: call when the user closes the project, saved or deliberately not.
    void discardAutosave();

    /// Autosave files in `directory` left by an instance that did not close cleanly, newest first.
    [[nodiscard]] static std::vector<AutosaveRecord>
    recoverableAutosaves(const QString &directory = AutosaveSlot::defaultDirectory());
    /// Replaces the document with a recovered autosave: its project, its original file (if it had one),
    /// unsaved. The autosave file is kept until the project is saved or closed.
    [[nodiscard]] Result<void> recover(const AutosaveRecord &record);

Q_SIGNALS:
    void projectChanged();
    void diagnosticsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void undoRedoChanged();

private:
    void resetTo(Project project, SourceMap sources, const QString &path, const FileStamp &stamp, bool clean);
    [[nodiscard]] Result<void> saveTo(const QString &path);
    void afterChange();
    void updateModified();
    void scheduleValidation();
    void publishDiagnostics();
    void autosaveOnTimer();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace otelconsole
