// SPDX-License-Identifier: Apache-2.0
#include "document/filestamp.h"

#include <QCryptographicHash>
#include <QFile>

namespace otelconsole {

FileStamp FileStamp::of(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};

    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return FileStamp{true, file.size(), hash.result().toHex()};
}

} // namespace otelconsole
