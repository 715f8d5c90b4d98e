// SPDX-License-Identifier: Apache-2.0
#include "document/undohistory.h"

#include <gtest/gtest.h>

namespace {

using otelconsole::Project;

Project named(const std::string &name) {
    Project project;
    project.name = name;
    return project;
}

class UndoHistory : public ::testing::Test {
protected:
    otelconsole::UndoHistory m_history{3};
};

TEST_F(UndoHistory, Undo_ReturnsTheProjectBeforeTheEdit) {
    m_history.push(QStringLiteral("Rename"), named("before"));

    const auto previous = m_history.undo(named("after"));

    ASSERT_TRUE(previous.has_value());
    EXPECT_EQ(previous->name, "before");
}

TEST_F(UndoHistory, Redo_ReturnsTheProjectGivenToUndo) {
    m_history.push(QStringLiteral("Rename"), named("before"));
    static_cast<void>(m_history.undo(named("after")));

    const auto next = m_history.redo(named("before"));

    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(next->name, "after");
}

TEST_F(UndoHistory, NewEdit_ClearsRedo) {
    m_history.push(QStringLiteral("Rename"), named("a"));
    static_cast<void>(m_history.undo(named("b")));

    m_history.push(QStringLiteral("Rename again"), named("a"));

    EXPECT_FALSE(m_history.canRedo());
}

TEST_F(UndoHistory, BeyondCapacity_DropsTheOldestSteps) {
    for (const char *name : {"1", "2", "3", "4", "5"})
        m_history.push(QStringLiteral("Rename"), named(name));

    EXPECT_EQ(m_history.undoCount(), 3u);
    EXPECT_EQ(m_history.undo(named("6"))->name, "5");
    EXPECT_EQ(m_history.undo(named("5"))->name, "4");
    EXPECT_EQ(m_history.undo(named("4"))->name, "3");
    EXPECT_FALSE(m_history.undo(named("3")).has_value());
}

TEST_F(UndoHistory, Texts_NameTheNextSteps) {
    m_history.push(QStringLiteral("Set replicas"), named("a"));
    EXPECT_EQ(m_history.undoText(), QStringLiteral("Set replicas"));

    static_cast<void>(m_history.undo(named("b")));

    EXPECT_TRUE(m_history.undoText().isEmpty());
    EXPECT_EQ(m_history.redoText(), QStringLiteral("Set replicas"));
}

} // namespace
