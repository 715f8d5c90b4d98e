// SPDX-License-Identifier: Apache-2.0
#include "document/autosaveslot.h"
#include "document/projectdocument.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace {

using Document = otelconsole::ProjectDocument;

/// Autosave and recovery through the document, as the main window uses them. A document destroyed
/// without discarding its autosave stands in for a crashed instance.
class Autosave : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_folder.isValid()); }

    [[nodiscard]] QString autosaveFolder() const { return m_folder.filePath(QStringLiteral("autosave")); }
    [[nodiscard]] QString path(const QString &name) const { return m_folder.filePath(name); }

    [[nodiscard]] std::unique_ptr<Document> modifiedDocument(const std::string &memoryLimit = "8Gi") const {
        auto document = std::make_unique<Document>();
        document->setAutosaveDirectory(autosaveFolder());
        EXPECT_TRUE(document->newFromTemplate(QStringLiteral("gateway")).has_value());
        document->edit(QStringLiteral("Set memory limit"), [&](otelconsole::Project &project) {
            project.deployment.resources.limits.memory = memoryLimit;
        });
        return document;
    }

    QTemporaryDir m_folder;
};

TEST_F(Autosave, UnmodifiedDocument_WritesNothing) {
    Document document;
    document.setAutosaveDirectory(autosaveFolder());

    ASSERT_TRUE(document.autosaveNow().has_value());

    EXPECT_TRUE(document.autosavePath().isEmpty());
}

TEST_F(Autosave, ModifiedDocument_WritesTheProject) {
    auto document = modifiedDocument();

    ASSERT_TRUE(document->autosaveNow().has_value());

    ASSERT_TRUE(QFile::exists(document->autosavePath()));
    const auto content = otelconsole::AutosaveSlot::read(document->autosavePath());
    ASSERT_TRUE(content.has_value());
    EXPECT_EQ(content->project, document->project());
}

TEST_F(Autosave, UntitledDocuments_UseSeparateFiles) {
    auto first = modifiedDocument();
    auto second = modifiedDocument();

    ASSERT_TRUE(first->autosaveNow().has_value());
    ASSERT_TRUE(second->autosaveNow().has_value());

    EXPECT_NE(first->autosavePath(), second->autosavePath());
}

TEST_F(Autosave, Save_RemovesTheAutosave) {
    auto document = modifiedDocument();
    ASSERT_TRUE(document->autosaveNow().has_value());
    const QString autosave = document->autosavePath();

    ASSERT_TRUE(document->saveAs(path(QStringLiteral("gateway.yaml"))).has_value());

    EXPECT_FALSE(QFile::exists(autosave));
}

TEST_F(Autosave, Discard_RemovesTheAutosave) {
    auto document = modifiedDocument();
    ASSERT_TRUE(document->autosaveNow().has_value());
    const QString autosave = document->autosavePath();

    document->discardAutosave();

    EXPECT_FALSE(QFile::exists(autosave));
}

TEST_F(Autosave, FileOfARunningDocument_IsNotOfferedForRecovery) {
    auto document = modifiedDocument();
    ASSERT_TRUE(document->autosaveNow().has_value());

    EXPECT_TRUE(Document::recoverableAutosaves(autosaveFolder()).empty());
}

TEST_F(Autosave, FileLeftBehind_IsOfferedWithItsOriginalPath) {
    auto document = modifiedDocument();
    ASSERT_TRUE(document->saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    document->edit(QStringLiteral("Rename"), [](otelconsole::Project &project) { project.name = "renamed"; });
    ASSERT_TRUE(document->autosaveNow().has_value());
    document.reset();

    const auto records = Document::recoverableAutosaves(autosaveFolder());

    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records.front().originalPath, path(QStringLiteral("gateway.yaml")));
    EXPECT_EQ(records.front().projectName, QStringLiteral("renamed"));
    EXPECT_TRUE(records.front().savedAt.isValid());
}

TEST_F(Autosave, Recover_RestoresTheProjectAsUnsaved) {
    auto crashed = modifiedDocument("6Gi");
    ASSERT_TRUE(crashed->autosaveNow().has_value());
    const otelconsole::Project lost = crashed->project();
    crashed.reset();
    const auto records = Document::recoverableAutosaves(autosaveFolder());
    ASSERT_EQ(records.size(), 1u);

    Document document;
    document.setAutosaveDirectory(autosaveFolder());
    ASSERT_TRUE(document.recover(records.front()).has_value());

    EXPECT_EQ(document.project(), lost);
    EXPECT_TRUE(document.isModified());
    EXPECT_TRUE(document.filePath().isEmpty());
    EXPECT_TRUE(Document::recoverableAutosaves(autosaveFolder()).empty());
}

TEST_F(Autosave, RecoveredFileChangedSinceTheCrash_IsChangedOnDisk) {
    auto crashed = modifiedDocument();
    ASSERT_TRUE(crashed->saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    crashed->edit(QStringLiteral("Rename"), [](otelconsole::Project &project) { project.name = "renamed"; });
    ASSERT_TRUE(crashed->autosaveNow().has_value());
    crashed.reset();
    QFile file(path(QStringLiteral("gateway.yaml")));
    ASSERT_TRUE(file.open(QIODevice::Append));
    file.write("# edited by someone else\n");
    file.close();

    Document document;
    document.setAutosaveDirectory(autosaveFolder());
    ASSERT_TRUE(document.recover(Document::recoverableAutosaves(autosaveFolder()).front()).has_value());

    EXPECT_EQ(document.filePath(), path(QStringLiteral("gateway.yaml")));
    EXPECT_TRUE(document.changedOnDisk());
}

TEST_F(Autosave, RemoveOrphan_DeletesTheFile) {
    auto crashed = modifiedDocument();
    ASSERT_TRUE(crashed->autosaveNow().has_value());
    crashed.reset();

    otelconsole::AutosaveSlot::removeOrphan(Document::recoverableAutosaves(autosaveFolder()).front());

    EXPECT_TRUE(Document::recoverableAutosaves(autosaveFolder()).empty());
}

} // namespace
