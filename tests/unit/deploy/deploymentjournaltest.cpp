// SPDX-License-Identifier: Apache-2.0
#include "deploy/deploymentjournal.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

class DeploymentJournalTest : public testing::Test {
protected:
    static ObjectReference object(const std::string &kind, const std::string &name) {
        const std::string apiVersion = kind == "Deployment" ? "apps/v1" : "v1";
        const Json manifest = {{"apiVersion", apiVersion},
                               {"kind", kind},
                               {"metadata", {{"name", name}, {"namespace", "otel"}}}};
        return *ObjectReference::fromManifest(manifest);
    }

    static JournalEntry entry(const ObjectReference &reference, const Json &manifest) {
        return {reference, ObjectOutcome::NotAttempted, {}, manifest};
    }

    /// One complete apply of the ConfigMap and Deployment with the given config text.
    static void applyAll(DeploymentJournal &journal, const std::string &config) {
        journal.beginAttempt("deploy",
                             {entry(configMap, {{"data", config}}), entry(deployment, {{"spec", 1}})});
        journal.recordOutcome(configMap, ObjectOutcome::Applied);
        journal.recordOutcome(deployment, ObjectOutcome::Unchanged);
        journal.finishAttempt(true);
    }

    inline static const ObjectReference configMap = object("ConfigMap", "gw-config");
    inline static const ObjectReference deployment = object("Deployment", "gw");
    QTemporaryDir m_directory;
};

TEST_F(DeploymentJournalTest, CompleteApply_BecomesTheAppliedState) {
    DeploymentJournal journal("c", "otel", "gw");

    applyAll(journal, "a");

    ASSERT_EQ(journal.applied().size(), 2u);
    EXPECT_EQ(journal.applied()[0].manifest["data"], "a");
    EXPECT_TRUE(journal.previous().empty());
}

TEST_F(DeploymentJournalTest, SecondDifferentApply_KeepsTheFirstAsPrevious) {
    DeploymentJournal journal("c", "otel", "gw");
    applyAll(journal, "a");

    applyAll(journal, "b");

    EXPECT_EQ(journal.applied()[0].manifest["data"], "b");
    ASSERT_EQ(journal.previous().size(), 2u);
    EXPECT_EQ(journal.previous()[0].manifest["data"], "a");
}

TEST_F(DeploymentJournalTest, RepeatedIdenticalApply_KeepsThePreviousState) {
    DeploymentJournal journal("c", "otel", "gw");
    applyAll(journal, "a");
    applyAll(journal, "b");

    applyAll(journal, "b");

    EXPECT_EQ(journal.previous()[0].manifest["data"], "a");
}

TEST_F(DeploymentJournalTest, IncompleteApply_LeavesTheAppliedStateAlone) {
    DeploymentJournal journal("c", "otel", "gw");
    applyAll(journal, "a");
    journal.beginAttempt("deploy", {entry(configMap, {{"data", "b"}}), entry(deployment, {{"spec", 2}})});
    journal.recordOutcome(configMap, ObjectOutcome::Applied);
    journal.recordOutcome(deployment, ObjectOutcome::Failed, "refused");

    journal.finishAttempt(false);

    EXPECT_FALSE(journal.lastAttemptComplete());
    EXPECT_EQ(journal.applied()[0].manifest["data"], "a");
    EXPECT_EQ(journal.lastAttempt()[1].outcome, ObjectOutcome::Failed);
    EXPECT_EQ(journal.lastAttempt()[1].reason, "refused");
}

TEST_F(DeploymentJournalTest, PartialApply_IsMergedIntoTheAppliedState) {
    DeploymentJournal journal("c", "otel", "gw");
    applyAll(journal, "a");
    journal.beginAttempt("update", {entry(configMap, {{"data", "b"}})}, false);
    journal.recordOutcome(configMap, ObjectOutcome::Applied);

    journal.finishAttempt(true);

    ASSERT_EQ(journal.applied().size(), 2u);
    EXPECT_EQ(journal.appliedManifest(configMap)->manifest["data"], "b");
    EXPECT_NE(journal.appliedManifest(deployment), nullptr);
}

TEST_F(DeploymentJournalTest, RemovedObject_LeavesTheAppliedState) {
    DeploymentJournal journal("c", "otel", "gw");
    applyAll(journal, "a");
    journal.beginAttempt("undeploy", {entry(configMap, {}), entry(deployment, {})});
    journal.recordOutcome(configMap, ObjectOutcome::Removed);
    journal.recordOutcome(deployment, ObjectOutcome::Removed);

    journal.finishAttempt(true);

    EXPECT_TRUE(journal.applied().empty());
    EXPECT_TRUE(journal.touchedObjects().empty());
}

TEST_F(DeploymentJournalTest, TouchedObjects_IncludeWhatAFailedApplyWrote) {
    DeploymentJournal journal("c", "otel", "gw");
    journal.beginAttempt("deploy", {entry(configMap, {}), entry(deployment, {})});
    journal.recordOutcome(configMap, ObjectOutcome::Applied);
    journal.finishAttempt(false);

    const std::vector<ObjectReference> touched = journal.touchedObjects();

    ASSERT_EQ(touched.size(), 1u);
    EXPECT_EQ(touched[0], configMap);
}

TEST_F(DeploymentJournalTest, Existence_IsRememberedFromTheFirstEncounter) {
    DeploymentJournal journal("c", "otel", "gw");

    journal.noteExistence(deployment, false);
    journal.noteExistence(deployment, true);

    EXPECT_FALSE(journal.existedBefore(deployment));
}

TEST_F(DeploymentJournalTest, SaveAndLoad_RoundTripEveryField) {
    DeploymentJournal journal("c", "otel", "gw");
    journal.setNamespacePreExisted(false);
    journal.setCreatedNamespaceUid("uid-1");
    journal.noteExistence(deployment, true);
    applyAll(journal, "a");
    applyAll(journal, "b");
    const std::string path = m_directory.filePath(QStringLiteral("j.json")).toStdString();

    ASSERT_TRUE(journal.save(path).has_value());
    const Result<DeploymentJournal> loaded = DeploymentJournal::load(path);

    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    EXPECT_EQ(loaded->namespacePreExisted(), std::optional<bool>(false));
    EXPECT_EQ(loaded->createdNamespaceUid(), "uid-1");
    EXPECT_TRUE(loaded->existedBefore(deployment));
    EXPECT_EQ(loaded->applied()[0].manifest["data"], "b");
    EXPECT_EQ(loaded->previous()[0].manifest["data"], "a");
    EXPECT_EQ(loaded->lastAttempt()[1].outcome, ObjectOutcome::Unchanged);
    EXPECT_EQ(loaded->lastOperation(), "deploy");
}

TEST_F(DeploymentJournalTest, Save_CreatesMissingFolders) {
    const std::string path = m_directory.filePath(QStringLiteral("a/b/c.json")).toStdString();

    ASSERT_TRUE(DeploymentJournal("c", "otel", "gw").save(path).has_value());

    EXPECT_TRUE(QFile::exists(QString::fromStdString(path)));
}

TEST_F(DeploymentJournalTest, MissingFile_IsNotFound) {
    const Result<DeploymentJournal> loaded =
        DeploymentJournal::load(m_directory.filePath(QStringLiteral("none.json")).toStdString());

    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().kind, ErrorKind::NotFound);
}

TEST_F(DeploymentJournalTest, CorruptFile_IsInvalidInputNamingTheFile) {
    const QString path = m_directory.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"formatVersion\": 1, \"applied\": [");
    file.close();

    const Result<DeploymentJournal> loaded = DeploymentJournal::load(path.toStdString());

    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(loaded.error().message.find("bad.json"), std::string::npos);
}

TEST_F(DeploymentJournalTest, PathFor_ReplacesCharactersFileNamesCannotHold) {
    const std::string path =
        DeploymentJournal::pathFor("/root", "arn:aws:eks:eu-west-1:1:cluster/prod", "otel", "gw");

    EXPECT_EQ(path, "/root/arn_aws_eks_eu-west-1_1_cluster_prod/otel/gw.json");
}

} // namespace
