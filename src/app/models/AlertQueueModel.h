// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/AlertSummary.h"
#include "store/AlertQuery.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

namespace mtr::app {

class StoreExecutor;

/// The alert queue as a window onto the store: filter and sort run in SQL on the store's
/// worker thread, rows arrive in pages as the view asks for them, and only a bounded number of
/// pages stay in memory, so a million alerts cost what the screen shows.
class AlertQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        TenantColumn,
        StatusColumn,
        AgeColumn,
        ScoreColumn,
        TypeColumn,
        DescriptionColumn,
        ColumnCount
    };

    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TenantIdRole,
        SeverityRole,
        StatusRole,
        RaisedAtRole,
        LoadedRole, ///< false while the row's page is still on its way
    };

    static constexpr int PageSize = 256;
    static constexpr int MaxCachedPages = 64;

    explicit AlertQueueModel(StoreExecutor* store, QObject* parent = nullptr);

    /// Replaces filter and sort; the offset and limit of `query` are ignored.
    void setQuery(const store::AlertQuery& query);

    const store::AlertQuery& query() const
    {
        return m_query;
    }

    /// Re-reads the count and drops cached pages (after a sync or a triage change).
    void refresh();
    /// The clock that "age" is measured against; tests fix it.
    void setNow(const QDateTime& now);

    /// The row's summary if its page is loaded.
    const domain::AlertSummary* summary(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    /// The row count for the current query is known (after setQuery/refresh).
    void countChanged(qint64 count);
    /// A page arrived; the first one after a reset means the queue can be painted.
    void pageLoaded(int page);
    void loadFailed(const QString& error);

private:
    void requestPage(int page) const;
    void receivePage(quint64 generation, int page, QList<domain::AlertSummary> rows);
    QString displayText(const domain::AlertSummary& alert, int column) const;

    StoreExecutor* m_store;
    store::AlertQuery m_query;
    quint64 m_generation = 0;
    int m_rowCount = 0;
    QDateTime m_now;
    mutable QHash<int, QList<domain::AlertSummary>> m_pages;
    mutable QList<int> m_pageUse; ///< least recently used first
    mutable QSet<int> m_pending;
};

} // namespace mtr::app
