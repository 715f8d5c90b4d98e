// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"
#include "document/filestamp.h"
#include "model/project.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;

namespace otelconsole {

/// An autosave file as found on disk: which project it belongs to and when it was written.
struct AutosaveRecord {
    QString autosavePath;
    QString originalPath;    ///< empty for a project that was never saved
    FileStamp originalStamp; ///< the original file as it was when loaded or last saved
    QDateTime savedAt;
    QString projectName;
};

/// An autosave file read back: its record and the project it holds.
struct AutosaveContent {
    AutosaveRecord record;
    Project project;
};

/// One document's autosave file in the autosave directory: `<hash of its path>.yaml`, or
/// `untitled-N.yaml` for a project never saved. While a document owns its slot it holds a lock file
/// next to it, so that a file without a live owner is recognisably left behind by a crash.
class AutosaveSlot {
public:
    explicit AutosaveSlot(QString directory = defaultDirectory());
    ~AutosaveSlot();

    AutosaveSlot(const AutosaveSlot &) = delete;
    AutosaveSlot &operator=(const AutosaveSlot &) = delete;

    /// `<AppDataLocation>/autosave`.
    [[nodiscard]] static QString defaultDirectory();

    [[nodiscard]] QString directory() const { return m_directory; }
    /// Moves the slot; the file in the old directory is removed.
    void setDirectory(const QString &directory);
    /// The file written last; empty before the first write and after remove().
    [[nodiscard]] QString path() const { return m_path; }

    /// Writes `project` atomically, with the original file's path and stamp in a comment header.
    [[nodiscard]] Result<void> write(const Project &project, const QString &originalPath,
                                     const FileStamp &originalStamp);
    /// Deletes the file and gives up the slot: the changes were saved or deliberately discarded.
    void remove();
    /// Takes over a file left behind by a crash, to keep writing to it until the project is saved.
    [[nodiscard]] Result<void> adopt(const AutosaveRecord &record);

    /// The autosave files in `directory` that no running instance owns, newest first.
    [[nodiscard]] static std::vector<AutosaveRecord>
    findOrphans(const QString &directory = defaultDirectory());
    /// Deletes a file left behind by a crash whose changes the user does not want back.
    static void removeOrphan(const AutosaveRecord &record);
    [[nodiscard]] static Result<AutosaveContent> read(const QString &autosavePath);

private:
    [[nodiscard]] Result<void> claim(const QString &base);
    void release();

    QString m_directory;
    QString m_base; ///< the hash or "untitled" the current file is named after
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace otelconsole
