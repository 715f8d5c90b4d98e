// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace otelconsole {

/// What a file looked like at one moment: enough to tell later whether someone else rewrote it.
/// The content hash, not the modification time, decides: a touch is no change, and two writes within
/// one timestamp tick are still told apart.
struct FileStamp {
    bool exists = false;
    qint64 size = 0;
    QByteArray sha256; ///< hex

    /// Reads `path` now; a missing or unreadable file gives a stamp with exists == false.
    [[nodiscard]] static FileStamp of(const QString &path);

    bool operator==(const FileStamp &) const = default;
};

} // namespace otelconsole
