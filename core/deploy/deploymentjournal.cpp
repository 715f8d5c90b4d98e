// SPDX-License-Identifier: Apache-2.0
#include "deploy/deploymentjournal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <array>
#include <cctype>

namespace otelconsole {

namespace {

constexpr std::array outcomeNames{
    std::pair{ObjectOutcome::NotAttempted, std::string_view("not-attempted")},
    std::pair{ObjectOutcome::Applied, std::string_view("applied")},
    std::pair{ObjectOutcome::Unchanged, std::string_view("unchanged")},
    std::pair{ObjectOutcome::Removed, std::string_view("removed")},
    std::pair{ObjectOutcome::Failed, std::string_view("failed")},
};

/// Cluster names can be ARNs or URLs; keep letters, digits and a few safe marks, nothing that makes a
/// path separator or a hidden file.
std::string fileNameSafe(const std::string &text) {
    std::string safe;
    for (const char character : text) {
        const bool allowed = std::isalnum(static_cast<unsigned char>(character)) || character == '-'
                             || character == '_' || character == '.';
        safe += allowed ? character : '_';
    }
    if (safe.empty() || safe.front() == '.')
        safe.insert(safe.begin(), '_');
    return safe;
}

Json referenceToJson(const ObjectReference &object) {
    Json value = Json::object();
    value["apiVersion"] = object.apiVersion;
    value["kind"] = object.kind;
    if (object.namespaced)
        value["namespace"] = object.namespaceName;
    value["name"] = object.name;
    return value;
}

Result<ObjectReference> referenceFromJson(const Json &value) {
    Json manifest = {{"apiVersion", value.value("apiVersion", "")},
                     {"kind", value.value("kind", "")},
                     {"metadata", {{"name", value.value("name", "")}}}};
    if (value.contains("namespace"))
        manifest["metadata"]["namespace"] = value.value("namespace", "");
    return ObjectReference::fromManifest(manifest);
}

Json appliedToJson(const std::vector<AppliedObject> &objects) {
    Json list = Json::array();
    for (const AppliedObject &object : objects) {
        Json entry = referenceToJson(object.object);
        entry["manifest"] = object.manifest;
        list.push_back(std::move(entry));
    }
    return list;
}

Result<std::vector<AppliedObject>> appliedFromJson(const Json &list) {
    std::vector<AppliedObject> objects;
    if (!list.is_array())
        return objects;
    for (const Json &entry : list) {
        Result<ObjectReference> object = referenceFromJson(entry);
        if (!object)
            return std::unexpected(object.error());
        objects.push_back({*object, entry.value("manifest", Json::object())});
    }
    return objects;
}

bool sameManifests(const std::vector<AppliedObject> &left, const std::vector<AppliedObject> &right) {
    return std::ranges::equal(left, right, [](const AppliedObject &a, const AppliedObject &b) {
        return a.object == b.object && a.manifest == b.manifest;
    });
}

std::string nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

} // namespace

std::string_view toString(ObjectOutcome outcome) {
    for (const auto &[value, name] : outcomeNames) {
        if (value == outcome)
            return name;
    }
    return "not-attempted";
}

std::optional<ObjectOutcome> objectOutcomeFromString(std::string_view text) {
    for (const auto &[value, name] : outcomeNames) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

DeploymentJournal::DeploymentJournal(std::string cluster, std::string namespaceName, std::string name)
    : m_cluster(std::move(cluster))
    , m_namespace(std::move(namespaceName))
    , m_name(std::move(name)) {}

std::string DeploymentJournal::defaultRoot() {
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return root.toStdString() + "/journal";
}

std::string DeploymentJournal::pathFor(const std::string &root, const std::string &cluster,
                                       const std::string &namespaceName, const std::string &name) {
    return root + "/" + fileNameSafe(cluster) + "/" + fileNameSafe(namespaceName) + "/" + fileNameSafe(name)
           + ".json";
}

Result<DeploymentJournal> DeploymentJournal::load(const std::string &path) {
    QFile file(QString::fromStdString(path));
    if (!file.exists())
        return fail(ErrorKind::NotFound, "no deployment journal at " + path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Io,
                    "cannot read the deployment journal " + path + ": " + file.errorString().toStdString());
    const QByteArray text = file.readAll();
    const Json document = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (document.is_discarded())
        return fail(ErrorKind::InvalidInput,
                    "the deployment journal " + path + " is not valid JSON; move it away to start a new one");
    Result<DeploymentJournal> journal = fromJson(document);
    if (!journal)
        return fail(ErrorKind::InvalidInput,
                    "the deployment journal " + path + " cannot be read: " + journal.error().message);
    return journal;
}

Result<void> DeploymentJournal::save(const std::string &path) const {
    const QString fileName = QString::fromStdString(path);
    if (!QDir().mkpath(QFileInfo(fileName).absolutePath()))
        return fail(ErrorKind::Io, "cannot create the folder of the deployment journal " + path);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Io,
                    "cannot write the deployment journal " + path + ": " + file.errorString().toStdString());
    const std::string text = toJson().dump(2) + "\n";
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit())
        return fail(ErrorKind::Io,
                    "cannot write the deployment journal " + path + ": " + file.errorString().toStdString());
    return {};
}

Json DeploymentJournal::toJson() const {
    Json document = Json::object();
    document["formatVersion"] = formatVersion;
    document["cluster"] = m_cluster;
    document["namespace"] = m_namespace;
    document["name"] = m_name;
    document["updated"] = nowText();
    document["namespacePreExisted"] = m_namespacePreExisted ? Json(*m_namespacePreExisted) : Json();
    document["createdNamespaceUid"] = m_createdNamespaceUid;
    document["existedBefore"] = m_existedBefore;

    Json attempt = {
        {"operation", m_operation}, {"complete", m_attemptComplete}, {"wholePlan", m_attemptWholePlan}};
    attempt["objects"] = Json::array();
    for (const JournalEntry &entry : m_attempt) {
        Json object = referenceToJson(entry.object);
        object["outcome"] = std::string(toString(entry.outcome));
        object["reason"] = entry.reason;
        object["manifest"] = entry.manifest;
        attempt["objects"].push_back(std::move(object));
    }
    document["lastAttempt"] = std::move(attempt);
    document["applied"] = appliedToJson(m_applied);
    document["previous"] = appliedToJson(m_previous);
    return document;
}

Result<DeploymentJournal> DeploymentJournal::fromJson(const Json &document) {
    try {
        if (!document.is_object() || document.value("formatVersion", 0) != formatVersion)
            return fail(ErrorKind::InvalidInput, "unknown journal format");
        DeploymentJournal journal(document.value("cluster", ""), document.value("namespace", ""),
                                  document.value("name", ""));
        if (document.contains("namespacePreExisted") && document["namespacePreExisted"].is_boolean())
            journal.m_namespacePreExisted = document["namespacePreExisted"].get<bool>();
        journal.m_createdNamespaceUid = document.value("createdNamespaceUid", "");
        if (document.contains("existedBefore"))
            journal.m_existedBefore = document["existedBefore"].get<std::map<std::string, bool>>();

        const Json attempt = document.value("lastAttempt", Json::object());
        journal.m_operation = attempt.value("operation", "");
        journal.m_attemptComplete = attempt.value("complete", false);
        journal.m_attemptWholePlan = attempt.value("wholePlan", true);
        for (const Json &entry : attempt.value("objects", Json::array())) {
            Result<ObjectReference> object = referenceFromJson(entry);
            if (!object)
                return std::unexpected(object.error());
            const auto outcome = objectOutcomeFromString(entry.value("outcome", ""));
            journal.m_attempt.push_back({*object, outcome.value_or(ObjectOutcome::NotAttempted),
                                         entry.value("reason", ""), entry.value("manifest", Json::object())});
        }

        Result<std::vector<AppliedObject>> applied = appliedFromJson(document.value("applied", Json()));
        Result<std::vector<AppliedObject>> previous = appliedFromJson(document.value("previous", Json()));
        if (!applied)
            return std::unexpected(applied.error());
        if (!previous)
            return std::unexpected(previous.error());
        journal.m_applied = std::move(*applied);
        journal.m_previous = std::move(*previous);
        return journal;
    } catch (const Json::exception &error) {
        return fail(ErrorKind::InvalidInput,
                    std::string("a field has the wrong type (") + error.what() + ")");
    }
}

void DeploymentJournal::noteExistence(const ObjectReference &object, bool existsNow) {
    m_existedBefore.try_emplace(object.key(), existsNow);
}

bool DeploymentJournal::existedBefore(const ObjectReference &object) const {
    const auto found = m_existedBefore.find(object.key());
    return found != m_existedBefore.end() && found->second;
}

void DeploymentJournal::beginAttempt(std::string operation, const std::vector<JournalEntry> &objects,
                                     bool wholePlan) {
    m_operation = std::move(operation);
    m_attempt = objects;
    for (JournalEntry &entry : m_attempt) {
        entry.outcome = ObjectOutcome::NotAttempted;
        entry.reason.clear();
    }
    m_attemptComplete = false;
    m_attemptWholePlan = wholePlan;
}

void DeploymentJournal::recordOutcome(const ObjectReference &object, ObjectOutcome outcome,
                                      std::string reason) {
    for (JournalEntry &entry : m_attempt) {
        if (entry.object == object) {
            entry.outcome = outcome;
            entry.reason = std::move(reason);
            return;
        }
    }
}

void DeploymentJournal::finishAttempt(bool complete) {
    m_attemptComplete = complete;
    if (!complete)
        return;

    std::vector<AppliedObject> next = m_attemptWholePlan ? std::vector<AppliedObject>() : m_applied;
    for (const JournalEntry &entry : m_attempt) {
        std::erase_if(next, [&entry](const AppliedObject &object) { return object.object == entry.object; });
        if (entry.outcome == ObjectOutcome::Applied || entry.outcome == ObjectOutcome::Unchanged)
            next.push_back({entry.object, entry.manifest});
    }
    std::ranges::stable_sort(next, {}, [](const AppliedObject &object) { return object.object.applyWave(); });
    if (sameManifests(next, m_applied))
        return;
    m_previous = std::move(m_applied);
    m_applied = std::move(next);
}

const AppliedObject *DeploymentJournal::appliedManifest(const ObjectReference &object) const {
    const auto found = std::ranges::find_if(
        m_applied, [&object](const AppliedObject &applied) { return applied.object == object; });
    return found == m_applied.end() ? nullptr : &*found;
}

std::vector<ObjectReference> DeploymentJournal::touchedObjects() const {
    std::vector<ObjectReference> objects;
    const auto add = [&objects](const ObjectReference &object) {
        if (std::ranges::find(objects, object) == objects.end())
            objects.push_back(object);
    };
    for (const AppliedObject &object : m_applied)
        add(object.object);
    for (const JournalEntry &entry : m_attempt) {
        if (entry.outcome == ObjectOutcome::Applied || entry.outcome == ObjectOutcome::Unchanged
            || entry.outcome == ObjectOutcome::Failed)
            add(entry.object);
    }
    std::ranges::stable_sort(objects, {}, [](const ObjectReference &object) { return object.applyWave(); });
    return objects;
}

void DeploymentJournal::swapAppliedAndPrevious() {
    std::swap(m_applied, m_previous);
}

void DeploymentJournal::clearApplied() {
    if (!m_applied.empty())
        m_previous = std::move(m_applied);
    m_applied.clear();
}

} // namespace otelconsole
