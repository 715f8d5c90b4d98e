// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QString>

#include <cstddef>
#include <deque>
#include <optional>

namespace otelconsole {

/// Undo and redo by whole-project snapshots. A project is a few kilobytes, so snapshots are simpler and
/// safer than inverse operations; the oldest steps are dropped beyond `capacity`.
class UndoHistory {
public:
    explicit UndoHistory(std::size_t capacity = 200);

    /// Records that `before` was replaced by an edit called `description`; clears the redo steps.
    void push(const QString &description, Project before);
    void clear();

    [[nodiscard]] bool canUndo() const { return !m_undo.empty(); }
    [[nodiscard]] bool canRedo() const { return !m_redo.empty(); }
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] QString redoText() const;
    [[nodiscard]] std::size_t undoCount() const { return m_undo.size(); }

    /// The project before the last edit, given the current one to keep for redo; nullopt when empty.
    [[nodiscard]] std::optional<Project> undo(Project current);
    /// The project after the last undone edit, given the current one to keep for undo.
    [[nodiscard]] std::optional<Project> redo(Project current);

private:
    struct Step {
        QString description;
        Project project;
    };

    std::size_t m_capacity;
    std::deque<Step> m_undo;
    std::deque<Step> m_redo;
};

} // namespace otelconsole
