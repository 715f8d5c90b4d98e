// SPDX-License-Identifier: Apache-2.0
#include "document/projectdocument.h"

#include "catalog/catalog.h"
#include "common/logging.h"
#include "document/filestamp.h"
#include "document/undohistory.h"
#include "validate/validator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <optional>
#include <utility>

namespace otelconsole {

struct ProjectDocument::Private {
    Project project;
    SourceMap sources;
    std::vector<Diagnostic> diagnostics;
    bool diagnosticsStale = true;
    UndoHistory history{undoLimit};
    QString filePath;
    FileStamp diskStamp;
    std::optional<Project> cleanProject; ///< the project as its file or template has it; nullopt: never saved
    bool lastModified = false;
    QTimer validationTimer;
    QTimer autosaveTimer;
    AutosaveSlot autosave;
};

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    d->cleanProject = d->project;

    // Bursts of edits (a mode switch, typing through several fields) are validated once.
    d->validationTimer.setSingleShot(true);
    d->validationTimer.setInterval(0);
    connect(&d->validationTimer, &QTimer::timeout, this, &ProjectDocument::publishDiagnostics);
    d->validationTimer.start();

    d->autosaveTimer.setInterval(autosaveInterval);
    connect(&d->autosaveTimer, &QTimer::timeout, this, &ProjectDocument::autosaveOnTimer);
    d->autosaveTimer.start();
}

ProjectDocument::~ProjectDocument() = default;

const Project &ProjectDocument::project() const {
    return d->project;
}

const SourceMap &ProjectDocument::sources() const {
    return d->sources;
}

const std::vector<Diagnostic> &ProjectDocument::diagnostics() const {
    if (d->diagnosticsStale) {
        d->diagnostics = validateProject(d->project, Catalog::builtin(), &d->sources);
        d->diagnosticsStale = false;
    }
    return d->diagnostics;
}

void ProjectDocument::edit(const QString &description, const std::function<void(Project &)> &change) {
    Project changed = d->project;
    change(changed);
    replace(description, std::move(changed));
}

void ProjectDocument::replace(const QString &description, Project project) {
    if (project == d->project)
        return;
    d->history.push(description, std::exchange(d->project, std::move(project)));
    afterChange();
}

bool ProjectDocument::canUndo() const {
    return d->history.canUndo();
}

bool ProjectDocument::canRedo() const {
    return d->history.canRedo();
}

QString ProjectDocument::undoText() const {
    return d->history.undoText();
}

QString ProjectDocument::redoText() const {
    return d->history.redoText();
}

void ProjectDocument::undo() {
    std::optional<Project> previous = d->history.undo(d->project);
    if (!previous)
        return;
    d->project = std::move(*previous);
    afterChange();
}

void ProjectDocument::redo() {
    std::optional<Project> next = d->history.redo(d->project);
    if (!next)
        return;
    d->project = std::move(*next);
    afterChange();
}

QString ProjectDocument::filePath() const {
    return d->filePath;
}

QString ProjectDocument::displayName() const {
    return d->filePath.isEmpty() ? tr("Untitled") : QFileInfo(d->filePath).fileName();
}

bool ProjectDocument::isModified() const {
    return !d->cleanProject || d->project != *d->cleanProject;
}

QStringList ProjectDocument::templateNames() {
    QStringList names =
        QDir(QStringLiteral(":/templates")).entryList({QStringLiteral("*.yaml")}, QDir::Files);
    for (QString &name : names)
        name.chop(int(sizeof(".yaml") - 1));
    return names;
}

Result<void> ProjectDocument::newFromTemplate(const QString &templateName) {
    QFile file(QStringLiteral(":/templates/") + templateName + QStringLiteral(".yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::NotFound, "there is no project template named \"" + templateName.toStdString()
                                             + "\"; the templates are "
                                             + templateNames().join(QStringLiteral(", ")).toStdString());

    Result<LoadedProject> loaded =
        parseProject(file.readAll().toStdString(), templateName.toStdString() + ".yaml");
    if (!loaded)
        return std::unexpected(loaded.error());

    d->autosave.remove();
    // Locations in the embedded template would point at a file the user never sees.
    resetTo(std::move(loaded->project), SourceMap{}, QString(), FileStamp{}, true);
    return {};
}

Result<void> ProjectDocument::open(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // Stamped before reading: a write that races the load shows up as a change on disk, not as nothing.
    const FileStamp stamp = FileStamp::of(absolute);
    Result<LoadedProject> loaded = loadProjectFile(absolute.toStdString());
    if (!loaded)
        return std::unexpected(loaded.error());

    d->autosave.remove();
    resetTo(std::move(loaded->project), std::move(loaded->sources), absolute, stamp, true);
    return {};
}

Result<void> ProjectDocument::save() {
    if (d->filePath.isEmpty())
        return fail(ErrorKind::InvalidInput,
                    "the project has not been saved to a file yet; choose one with Save As");
    return saveTo(d->filePath);
}

Result<void> ProjectDocument::saveAs(const QString &path) {
    return saveTo(QFileInfo(path).absoluteFilePath());
}

bool ProjectDocument::changedOnDisk() const {
    return !d->filePath.isEmpty() && FileStamp::of(d->filePath) != d->diskStamp;
}

void ProjectDocument::setAutosaveDirectory(const QString &directory) {
    d->autosave.setDirectory(directory);
}

QString ProjectDocument::autosavePath() const {
    return d->autosave.path();
}

Result<void> ProjectDocument::autosaveNow() {
    if (!isModified())
        return {};
    return d->autosave.write(d->project, d->filePath, d->diskStamp);
}

void ProjectDocument::discardAutosave() {
    d->autosave.remove();
}

std::vector<AutosaveRecord> ProjectDocument::recoverableAutosaves(const QString &directory) {
    return AutosaveSlot::findOrphans(directory);
}

Result<void> ProjectDocument::recover(const AutosaveRecord &record) {
    Result<AutosaveContent> content = AutosaveSlot::read(record.autosavePath);
    if (!content)
        return std::unexpected(content.error());
    if (Result<void> adopted = d->autosave.adopt(content->record); !adopted)
        return adopted;

    resetTo(std::move(content->project), SourceMap{}, content->record.originalPath,
            content->record.originalStamp, false);
    return {};
}

void ProjectDocument::resetTo(Project project, SourceMap sources, const QString &path, const FileStamp &stamp,
                              bool clean) {
    d->project = std::move(project);
    d->sources = std::move(sources);
    d->history.clear();
    d->diskStamp = stamp;
    d->cleanProject = clean ? std::optional<Project>(d->project) : std::nullopt;
    const bool pathChanged = path != d->filePath;
    d->filePath = path;

    scheduleValidation();
    Q_EMIT projectChanged();
    if (pathChanged)
        Q_EMIT filePathChanged(path);
    updateModified();
    Q_EMIT undoRedoChanged();
}

Result<void> ProjectDocument::saveTo(const QString &path) {
    if (Result<void> written = saveProjectFile(d->project, path.toStdString()); !written)
        return written;

    d->diskStamp = FileStamp::of(path);
    d->cleanProject = d->project;
    d->autosave.remove();
    // Diagnostics should point at lines of the file as it now is.
    if (Result<LoadedProject> reread = parseProject(writeProject(d->project), path.toStdString()))
        d->sources = std::move(reread->sources);
    scheduleValidation();

    if (path != d->filePath) {
        d->filePath = path;
        Q_EMIT filePathChanged(path);
    }
    updateModified();
    return {};
}

void ProjectDocument::afterChange() {
    scheduleValidation();
    Q_EMIT projectChanged();
    updateModified();
    Q_EMIT undoRedoChanged();
}

void ProjectDocument::updateModified() {
    const bool modified = isModified();
    if (modified == d->lastModified)
        return;
    // Undone back to the saved state: an autosave would only offer to recover what is on disk already.
    if (!modified)
        d->autosave.remove();
    d->lastModified = modified;
    Q_EMIT modifiedChanged(modified);
}

void ProjectDocument::scheduleValidation() {
    d->diagnosticsStale = true;
    d->validationTimer.start();
}

void ProjectDocument::publishDiagnostics() {
    static_cast<void>(diagnostics());
    Q_EMIT diagnosticsChanged();
}

void ProjectDocument::autosaveOnTimer() {
    if (Result<void> written = autosaveNow(); !written)
        qCWarning(lcDocument) << "Autosave failed:" << written.error().toString().c_str();
}

} // namespace otelconsole
