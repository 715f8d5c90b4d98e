// SPDX-License-Identifier: Apache-2.0
#include "document/undohistory.h"

#include <utility>

namespace otelconsole {

UndoHistory::UndoHistory(std::size_t capacity)
    : m_capacity(capacity == 0 ? 1 : capacity) {}

void UndoHistory::push(const QString &description, Project before) {
    m_undo.push_back(Step{description, std::move(before)});
    if (m_undo.size() > m_capacity)
        m_undo.pop_front();
    m_redo.clear();
}

void UndoHistory::clear() {
    m_undo.clear();
    m_redo.clear();
}

QString UndoHistory::undoText() const {
    return m_undo.empty() ? QString() : m_undo.back().description;
}

QString UndoHistory::redoText() const {
    return m_redo.empty() ? QString() : m_redo.back().description;
}

std::optional<Project> UndoHistory::undo(Project current) {
    if (m_undo.empty())
        return std::nullopt;

    Step step = std::move(m_undo.back());
    m_undo.pop_back();
    m_redo.push_back(Step{step.description, std::move(current)});
    return std::move(step.project);
}

std::optional<Project> UndoHistory::redo(Project current) {
    if (m_redo.empty())
        return std::nullopt;

    Step step = std::move(m_redo.back());
    m_redo.pop_back();
    m_undo.push_back(Step{step.description, std::move(current)});
    return std::move(step.project);
}

} // namespace otelconsole
