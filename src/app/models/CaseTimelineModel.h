// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace mtr::app {

/// A case's timeline as a tree: one branch per host, and under it the events in time order,
/// with a process's children nested under the event that started it. Filtering by source,
/// text and time rebuilds the tree; the events themselves are kept once.
class CaseTimelineModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SourceColumn,
        SummaryColumn,
        ProcessColumn,
        NetworkColumn,
        ColumnCount
    };

    enum Role
    {
        EventIdRole = Qt::UserRole + 1,
        SourceIdRole,
        TimeRole,
        IsHostRole
    };

    explicit CaseTimelineModel(QObject* parent = nullptr);
    ~CaseTimelineModel() override;

    void setEvents(QList<domain::TimelineEvent> events);

    const QList<domain::TimelineEvent>& events() const
    {
        return m_events;
    }

    /// Empty `source` means every source; an invalid time means open-ended.
    void setFilter(const QString& source,
                   const QString& text,
                   const QDateTime& from = {},
                   const QDateTime& to = {});
    /// Number of events that pass the filter.
    int visibleEventCount() const;
    /// The event behind an index, or nullptr for host rows.
    const domain::TimelineEvent* event(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node;
    void rebuild();
    bool accepts(const domain::TimelineEvent& event) const;
    Node* nodeFor(const QModelIndex& index) const;

    QList<domain::TimelineEvent> m_events;
    std::unique_ptr<Node> m_root;
    QString m_source;
    QString m_text;
    QDateTime m_from;
    QDateTime m_to;
    int m_visible = 0;
};

} // namespace mtr::app
