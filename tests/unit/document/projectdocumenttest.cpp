// SPDX-License-Identifier: Apache-2.0
#include "document/projectdocument.h"

#include "validate/diagnostic.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using Document = otelconsole::ProjectDocument;

class ProjectDocument : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_folder.isValid());
        m_document.setAutosaveDirectory(m_folder.filePath(QStringLiteral("autosave")));
        ASSERT_TRUE(m_document.newFromTemplate(QStringLiteral("gateway")).has_value());
    }

    [[nodiscard]] QString path(const QString &name) const { return m_folder.filePath(name); }

    void setMemoryLimit(const std::string &limit) {
        m_document.edit(QStringLiteral("Set memory limit"), [&](otelconsole::Project &project) {
            project.deployment.resources.limits.memory = limit;
        });
    }

    [[nodiscard]] bool hasDiagnostic(const std::string &code, const std::string &path) const {
        return std::ranges::any_of(m_document.diagnostics(), [&](const otelconsole::Diagnostic &diagnostic) {
            return diagnostic.code == code && diagnostic.path == path;
        });
    }

    static void writeFile(const QString &path, const QByteArray &content) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    QTemporaryDir m_folder;
    Document m_document;
};

TEST_F(ProjectDocument, NewFromTemplate_IsUntitledAndUnmodified) {
    EXPECT_EQ(m_document.project().name, "otel-gateway");
    EXPECT_TRUE(m_document.filePath().isEmpty());
    EXPECT_EQ(m_document.displayName(), QStringLiteral("Untitled"));
    EXPECT_FALSE(m_document.isModified());
    EXPECT_FALSE(m_document.canUndo());
}

TEST_F(ProjectDocument, UnknownTemplate_IsNotFound) {
    const auto result = m_document.newFromTemplate(QStringLiteral("no-such-template"));

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, otelconsole::ErrorKind::NotFound);
    EXPECT_EQ(m_document.project().name, "otel-gateway");
}

TEST_F(ProjectDocument, TemplateNames_AreTheExampleProjects) {
    const QStringList names = Document::templateNames();

    EXPECT_TRUE(names.contains(QStringLiteral("gateway")));
    EXPECT_TRUE(names.contains(QStringLiteral("daemonset-logs")));
    EXPECT_TRUE(names.contains(QStringLiteral("sidecar")));
}

TEST_F(ProjectDocument, Edit_MarksModifiedOnce) {
    QSignalSpy modified(&m_document, &Document::modifiedChanged);

    setMemoryLimit("8Gi");
    setMemoryLimit("6Gi");

    EXPECT_TRUE(m_document.isModified());
    ASSERT_EQ(modified.count(), 1);
    EXPECT_TRUE(modified.at(0).at(0).toBool());
}

TEST_F(ProjectDocument, EditThatChangesNothing_RecordsNoStep) {
    QSignalSpy changed(&m_document, &Document::projectChanged);

    setMemoryLimit(m_document.project().deployment.resources.limits.memory);

    EXPECT_EQ(changed.count(), 0);
    EXPECT_FALSE(m_document.canUndo());
}

TEST_F(ProjectDocument, Undo_RestoresThePreviousProject) {
    setMemoryLimit("8Gi");

    EXPECT_EQ(m_document.undoText(), QStringLiteral("Set memory limit"));
    m_document.undo();

    EXPECT_EQ(m_document.project().deployment.resources.limits.memory, "4Gi");
    EXPECT_TRUE(m_document.canRedo());
}

TEST_F(ProjectDocument, Redo_ReappliesTheUndoneEdit) {
    setMemoryLimit("8Gi");
    m_document.undo();

    m_document.redo();

    EXPECT_EQ(m_document.project().deployment.resources.limits.memory, "8Gi");
    EXPECT_FALSE(m_document.canRedo());
}

TEST_F(ProjectDocument, UndoBackToTheSavedState_IsUnmodified) {
    setMemoryLimit("8Gi");

    m_document.undo();

    EXPECT_FALSE(m_document.isModified());
}

TEST_F(ProjectDocument, History_KeepsAtMostTheUndoLimit) {
    for (std::size_t step = 0; step < Document::undoLimit + 5; ++step)
        setMemoryLimit(std::to_string(step + 1) + "Gi");

    std::size_t undone = 0;
    while (m_document.canUndo()) {
        m_document.undo();
        ++undone;
    }

    EXPECT_EQ(undone, Document::undoLimit);
    EXPECT_EQ(m_document.project().deployment.resources.limits.memory, "5Gi");
}

TEST_F(ProjectDocument, InvalidQuantity_IsDiagnosedAndFixed) {
    setMemoryLimit("4 Gi");
    EXPECT_TRUE(hasDiagnostic("quantity.invalid", "resources.limits.memory"));

    setMemoryLimit("4Gi");
    EXPECT_FALSE(hasDiagnostic("quantity.invalid", "resources.limits.memory"));
}

TEST_F(ProjectDocument, BurstOfEdits_PublishesDiagnosticsOnce) {
    QCoreApplication::processEvents();
    QSignalSpy published(&m_document, &Document::diagnosticsChanged);

    setMemoryLimit("1Gi");
    setMemoryLimit("2Gi");
    setMemoryLimit("3Gi");
    QCoreApplication::processEvents();

    EXPECT_EQ(published.count(), 1);
}

TEST_F(ProjectDocument, SaveAsThenOpen_RoundTrips) {
    setMemoryLimit("8Gi");
    ASSERT_TRUE(m_document.saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    EXPECT_FALSE(m_document.isModified());

    Document reopened;
    ASSERT_TRUE(reopened.open(path(QStringLiteral("gateway.yaml"))).has_value());

    EXPECT_EQ(reopened.project(), m_document.project());
    EXPECT_EQ(reopened.displayName(), QStringLiteral("gateway.yaml"));
}

TEST_F(ProjectDocument, SaveAs_AnnouncesTheNewPath) {
    QSignalSpy pathChanged(&m_document, &Document::filePathChanged);

    ASSERT_TRUE(m_document.saveAs(path(QStringLiteral("gateway.yaml"))).has_value());

    ASSERT_EQ(pathChanged.count(), 1);
    EXPECT_EQ(pathChanged.at(0).at(0).toString(), path(QStringLiteral("gateway.yaml")));
}

TEST_F(ProjectDocument, SaveWithoutAFile_IsAnError) {
    const auto result = m_document.save();

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, otelconsole::ErrorKind::InvalidInput);
}

TEST_F(ProjectDocument, OpenMissingFile_FailsAndKeepsTheProject) {
    setMemoryLimit("8Gi");

    const auto result = m_document.open(path(QStringLiteral("missing.yaml")));

    EXPECT_FALSE(result.has_value());
    EXPECT_EQ(m_document.project().deployment.resources.limits.memory, "8Gi");
    EXPECT_TRUE(m_document.isModified());
}

TEST_F(ProjectDocument, Open_ClearsTheHistory) {
    ASSERT_TRUE(m_document.saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    setMemoryLimit("8Gi");

    ASSERT_TRUE(m_document.open(path(QStringLiteral("gateway.yaml"))).has_value());

    EXPECT_FALSE(m_document.canUndo());
    EXPECT_FALSE(m_document.isModified());
}

TEST_F(ProjectDocument, FileRewrittenByAnotherWriter_IsChangedOnDisk) {
    ASSERT_TRUE(m_document.saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    EXPECT_FALSE(m_document.changedOnDisk());

    writeFile(path(QStringLiteral("gateway.yaml")), "name: someone-else\n");

    EXPECT_TRUE(m_document.changedOnDisk());
}

TEST_F(ProjectDocument, FileRewrittenWithTheSameContent_IsNotChangedOnDisk) {
    ASSERT_TRUE(m_document.saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    QFile file(path(QStringLiteral("gateway.yaml")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    file.close();

    writeFile(path(QStringLiteral("gateway.yaml")), content);

    EXPECT_FALSE(m_document.changedOnDisk());
}

TEST_F(ProjectDocument, SaveAfterAnotherWriter_IsNoLongerChangedOnDisk) {
    ASSERT_TRUE(m_document.saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    writeFile(path(QStringLiteral("gateway.yaml")), "name: someone-else\n");

    ASSERT_TRUE(m_document.save().has_value());

    EXPECT_FALSE(m_document.changedOnDisk());
}

TEST_F(ProjectDocument, SavedFile_PlacesDiagnosticsOnItsLines) {
    ASSERT_TRUE(m_document.saveAs(path(QStringLiteral("gateway.yaml"))).has_value());
    setMemoryLimit("4 Gi");
    ASSERT_TRUE(m_document.save().has_value());

    const auto &diagnostics = m_document.diagnostics();
    const auto found = std::ranges::find(diagnostics, std::string("resources.limits.memory"),
                                         &otelconsole::Diagnostic::path);

    ASSERT_NE(found, diagnostics.end());
    EXPECT_GT(found->location.line, 0);
}

} // namespace
