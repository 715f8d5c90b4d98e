// SPDX-License-Identifier: Apache-2.0
#include "model/projectfile.h"

#include "common/logging.h"
#include "common/yaml.h"
#include "model/collectorconfigreader.h"
#include "model/projectreader.h"
#include "model/projectwriter.h"

#include <QFile>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace otelconsole {

namespace {

SourceLocation locate(const std::string &file, const YAML::Mark &mark) {
    if (mark.is_null())
        return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

/// The single YAML document of `text`; `what` names it in messages ("the project file").
Result<YAML::Node> parseDocument(std::string_view text, const std::string &file, const std::string &what) {
    auto loaded = loadYamlDocuments(text, file);
    if (!loaded) {
        loaded.error().message = "malformed YAML: " + loaded.error().message;
        return std::unexpected(std::move(loaded.error()));
    }

    const std::vector<YAML::Node> &documents = *loaded;
    if (documents.empty() || documents.front().IsNull())
        return fail(ErrorKind::InvalidInput, what + " is empty", {file, 0, 0});
    if (documents.size() > 1) {
        return fail(ErrorKind::InvalidInput,
                    "expected a single YAML document in " + what + ", found "
                        + std::to_string(documents.size()),
                    locate(file, documents[1].Mark()));
    }
    return documents.front();
}

std::string osReason(const QFileDevice &file) {
    return file.errorString().toStdString();
}

} // namespace

void SourceMap::add(std::string path, SourceLocation location) {
    m_locations.insert_or_assign(std::move(path), std::move(location));
}

SourceLocation SourceMap::find(std::string_view path) const {
    while (true) {
        if (const auto found = m_locations.find(path); found != m_locations.end())
            return found->second;
        // Step to the parent: drop the last `.key` or `[index]`.
        const std::size_t cut = path.find_last_of(".[");
        if (cut == std::string_view::npos)
            return {};
        path = path.substr(0, cut);
    }
}

Result<LoadedProject> parseProject(std::string_view text, const std::string &file) {
    const auto document = parseDocument(text, file, "the project file");
    if (!document)
        return std::unexpected(document.error());

    LoadedProject loaded;
    try {
        auto project = ProjectReader(file, loaded.sources).read(*document);
        if (!project)
            return std::unexpected(project.error());
        loaded.project = std::move(*project);
    } catch (const YAML::Exception &error) {
        // The readers check every node's type before using it; reaching this is a bug, not bad input.
        return fail(ErrorKind::Internal, "unexpected YAML error: " + error.msg, locate(file, error.mark));
    }
    return loaded;
}

Result<LoadedProject> loadProjectFile(const std::string &path) {
    QFile file(QString::fromStdString(path));
    if (!file.exists())
        return fail(ErrorKind::NotFound, "project file " + path + " does not exist");
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Io, "cannot read " + path + ": " + osReason(file));

    const QByteArray bytes = file.readAll();
    qCDebug(lcModel) << "loading project" << file.fileName() << bytes.size() << "bytes";
    return parseProject(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path);
}

std::string writeProject(const Project &project) {
    return toYaml(projectToJson(project));
}

Result<void> saveProjectFile(const Project &project, const std::string &path) {
    const std::string text = writeProject(project);

    // QSaveFile writes to a temporary file beside the target and renames it on commit(), so a crash or
    // a full disk leaves the previous version in place.
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Io, "cannot write " + path + ": " + osReason(file));

    const auto size = static_cast<qint64>(text.size());
    if (file.write(text.data(), size) != size) {
        const std::string reason = osReason(file);
        file.cancelWriting();
        return fail(ErrorKind::Io, "cannot write " + path + ": " + reason);
    }
    if (!file.commit())
        return fail(ErrorKind::Io, "cannot save " + path + ": " + osReason(file));

    qCDebug(lcModel) << "saved project" << file.fileName();
    return {};
}

Result<CollectorConfig> parseCollectorConfig(std::string_view text, const std::string &file) {
    const auto document = parseDocument(text, file, "the collector config");
    if (!document)
        return std::unexpected(document.error());

    try {
        YamlFieldReader fields(file, "the collector config", nullptr);
        CollectorConfig config = CollectorConfigReader(fields, {}).read(*document);
        if (fields.failed())
            return std::unexpected(fields.error());
        return config;
    } catch (const YAML::Exception &error) {
        return fail(ErrorKind::Internal, "unexpected YAML error: " + error.msg, locate(file, error.mark));
    }
}

} // namespace otelconsole
