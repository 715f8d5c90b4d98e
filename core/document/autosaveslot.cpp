// SPDX-License-Identifier: Apache-2.0
#include "document/autosaveslot.h"

#include "common/logging.h"
#include "model/projectfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace otelconsole {

namespace {

constexpr int maximumSlotsPerBase = 1000;
const QString untitledBase = QStringLiteral("untitled");

/// Paths go into the header as file URLs, so that any character in them survives the round trip.
QString encodePath(const QString &path) {
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
}

QString decodePath(const QString &text) {
    return QUrl(text, QUrl::StrictMode).toLocalFile();
}

QString baseFor(const QString &originalPath) {
    if (originalPath.isEmpty())
        return untitledBase;
    const QByteArray absolute = QFileInfo(originalPath).absoluteFilePath().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(absolute, QCryptographicHash::Sha1).toHex().left(16));
}

/// untitled-1, untitled-2, …; for a saved project's hash: <hash>, <hash>-2, …
QString slotName(const QString &base, int number) {
    if (base == untitledBase)
        return base + QLatin1Char('-') + QString::number(number);
    return number == 1 ? base : base + QLatin1Char('-') + QString::number(number);
}

std::unique_ptr<QLockFile> tryLock(const QString &autosavePath) {
    auto lock = std::make_unique<QLockFile>(autosavePath + QStringLiteral(".lock"));
    // An owner that is still running keeps its lock however old it is; only a dead owner's lock is stale.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

QByteArray header(const QString &originalPath, const FileStamp &stamp) {
    QByteArray text = "# otel-console autosave: unsaved changes, kept until the project is saved or closed\n";
    if (!originalPath.isEmpty()) {
        text += "# original: " + encodePath(originalPath).toUtf8() + '\n';
        if (stamp.exists)
            text += "# original-stamp: " + QByteArray::number(stamp.size) + ' ' + stamp.sha256 + '\n';
    }
    text += "# saved-at: " + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + '\n';
    return text;
}

void readHeaderLine(const QString &line, AutosaveRecord &record) {
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (!line.startsWith(QLatin1String("# ")) || colon < 0)
        return;

    const QString key = line.mid(2, colon - 2);
    const QString value = line.mid(colon + 1).trimmed();
    if (key == QLatin1String("original")) {
        record.originalPath = decodePath(value);
    } else if (key == QLatin1String("original-stamp")) {
        const QStringList parts = value.split(QLatin1Char(' '));
        if (parts.size() == 2)
            record.originalStamp = FileStamp{true, parts[0].toLongLong(), parts[1].toLatin1()};
    } else if (key == QLatin1String("saved-at")) {
        record.savedAt = QDateTime::fromString(value, Qt::ISODateWithMs);
    }
}

AutosaveRecord readHeader(const QString &autosavePath, const QString &text) {
    AutosaveRecord record;
    record.autosavePath = autosavePath;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char('#')))
            break;
        readHeaderLine(line, record);
    }
    return record;
}

} // namespace

AutosaveSlot::AutosaveSlot(QString directory)
    : m_directory(std::move(directory)) {}

AutosaveSlot::~AutosaveSlot() {
    // The file stays: a document destroyed without saving or discarding is what a crash looks like.
    release();
}

QString AutosaveSlot::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

void AutosaveSlot::setDirectory(const QString &directory) {
    if (directory == m_directory)
        return;
    remove();
    m_directory = directory;
}

Result<void> AutosaveSlot::write(const Project &project, const QString &originalPath,
                                 const FileStamp &originalStamp) {
    if (Result<void> claimed = claim(baseFor(originalPath)); !claimed)
        return claimed;

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Io, "cannot write the autosave file " + m_path.toStdString() + ": "
                                       + file.errorString().toStdString());
    file.write(header(originalPath, originalStamp));
    file.write(QByteArray::fromStdString(writeProject(project)));
    if (!file.commit())
        return fail(ErrorKind::Io, "cannot write the autosave file " + m_path.toStdString() + ": "
                                       + file.errorString().toStdString());
    return {};
}

void AutosaveSlot::remove() {
    if (!m_path.isEmpty() && QFile::exists(m_path) && !QFile::remove(m_path))
        qCWarning(lcDocument) << "Cannot remove the autosave file" << m_path;
    release();
}

Result<void> AutosaveSlot::adopt(const AutosaveRecord &record) {
    std::unique_ptr<QLockFile> lock = tryLock(record.autosavePath);
    if (!lock)
        return fail(ErrorKind::Conflict, "the autosave file " + record.autosavePath.toStdString()
                                             + " is in use by another running otel-console");
    // The document is about to hold the recovered project; what it autosaved before is superseded.
    remove();
    m_lock = std::move(lock);
    m_path = record.autosavePath;
    m_base = baseFor(record.originalPath);
    return {};
}

Result<void> AutosaveSlot::claim(const QString &base) {
    if (m_lock && base == m_base)
        return {};

    // The project moved to another file (Save As): its old autosave no longer describes anything.
    remove();
    if (!QDir().mkpath(m_directory))
        return fail(ErrorKind::Io, "cannot create the autosave directory " + m_directory.toStdString());

    for (int number = 1; number <= maximumSlotsPerBase; ++number) {
        const QString candidate =
            m_directory + QLatin1Char('/') + slotName(base, number) + QStringLiteral(".yaml");
        // An existing file belongs to another instance or awaits recovery; never overwrite it.
        if (QFile::exists(candidate))
            continue;
        if (std::unique_ptr<QLockFile> lock = tryLock(candidate)) {
            m_lock = std::move(lock);
            m_base = base;
            m_path = candidate;
            return {};
        }
    }
    return fail(ErrorKind::Io, "no free autosave file name in " + m_directory.toStdString());
}

void AutosaveSlot::release() {
    m_lock.reset();
    m_path.clear();
    m_base.clear();
}

void AutosaveSlot::removeOrphan(const AutosaveRecord &record) {
    const std::unique_ptr<QLockFile> lock = tryLock(record.autosavePath);
    if (!lock)
        return;
    if (!QFile::remove(record.autosavePath))
        qCWarning(lcDocument) << "Cannot remove the autosave file" << record.autosavePath;
}

std::vector<AutosaveRecord> AutosaveSlot::findOrphans(const QString &directory) {
    std::vector<AutosaveRecord> orphans;
    const QStringList files = QDir(directory).entryList({QStringLiteral("*.yaml")}, QDir::Files);
    for (const QString &name : files) {
        const QString path = QDir(directory).filePath(name);
        if (!tryLock(path))
            continue;
        Result<AutosaveContent> content = read(path);
        if (!content) {
            qCWarning(lcDocument) << "Ignoring an unreadable autosave file:"
                                  << content.error().toString().c_str();
            continue;
        }
        orphans.push_back(std::move(content->record));
    }
    std::ranges::sort(orphans, std::greater<>{}, &AutosaveRecord::savedAt);
    return orphans;
}

Result<AutosaveContent> AutosaveSlot::read(const QString &autosavePath) {
    QFile file(autosavePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::NotFound, "cannot read the autosave file " + autosavePath.toStdString() + ": "
                                             + file.errorString().toStdString());
    const QByteArray bytes = file.readAll();

    Result<LoadedProject> loaded = parseProject(bytes.toStdString(), autosavePath.toStdString());
    if (!loaded)
        return std::unexpected(loaded.error());

    AutosaveContent content{readHeader(autosavePath, QString::fromUtf8(bytes)), std::move(loaded->project)};
    content.record.projectName = QString::fromStdString(content.project.name);
    return content;
}

} // namespace otelconsole
