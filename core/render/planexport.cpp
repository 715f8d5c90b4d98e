// SPDX-License-Identifier: Apache-2.0
#include "render/planexport.h"

#include "common/yaml.h"

#include <QDir>
#include <QRegularExpression>
#include <QSaveFile>
#include <QString>

#include <cctype>
#include <cstdio>

namespace otelconsole {

namespace {

/// Keeps a file name portable: lower case letters, digits, '-' and '.'; anything else becomes '-'.
std::string fileNamePart(const std::string &text) {
    std::string part;
    for (const char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        part += std::isalnum(byte) || character == '.' || character == '-' ? char(std::tolower(byte)) : '-';
    }
    return part.empty() ? "unnamed" : part;
}

std::string stringAt(const Json &object, const char *key) {
    return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

Result<void> writeText(const std::string &text, const std::string &path) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Io, "cannot write " + path + ": " + file.errorString().toStdString());
    file.write(text.data(), qint64(text.size()));
    if (!file.commit())
        return fail(ErrorKind::Io, "cannot write " + path + ": " + file.errorString().toStdString());
    return {};
}

Result<void> removeEarlierExport(QDir directory) {
    static const QRegularExpression exportedName(QStringLiteral("^\\d{2,}-[a-z0-9.-]+\\.yaml$"));
    const QStringList files = directory.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    for (const QString &name : files) {
        if (!exportedName.match(name).hasMatch())
            continue;
        if (!directory.remove(name))
            return fail(ErrorKind::Io, "cannot remove " + directory.filePath(name).toStdString()
                                           + " left by an earlier export");
    }
    return {};
}

} // namespace

std::string planObjectFileName(std::size_t index, const Json &object) {
    const Json metadata = object.contains("metadata") ? object["metadata"] : Json::object();
    char number[16];
    std::snprintf(number, sizeof number, "%02zu", index + 1);
    return std::string(number) + "-" + fileNamePart(stringAt(object, "kind")) + "-"
           + fileNamePart(stringAt(metadata, "name")) + ".yaml";
}

Result<void> writePlanFile(const Plan &plan, const std::string &path) {
    return writeText(plan.toYaml(), path);
}

Result<std::vector<std::string>> writePlanFolder(const Plan &plan, const std::string &directory) {
    const QDir target(QString::fromStdString(directory));
    if (!QDir().mkpath(target.path()))
        return fail(ErrorKind::Io, "cannot create the folder " + directory);
    if (Result<void> removed = removeEarlierExport(target); !removed)
        return std::unexpected(removed.error());

    std::vector<std::string> paths;
    for (std::size_t index = 0; index < plan.objects.size(); ++index) {
        const std::string path =
            target.filePath(QString::fromStdString(planObjectFileName(index, plan.objects[index])))
                .toStdString();
        if (Result<void> written = writeText(toYaml(plan.objects[index]), path); !written)
            return std::unexpected(written.error());
        paths.push_back(path);
    }
    return paths;
}

} // namespace otelconsole
