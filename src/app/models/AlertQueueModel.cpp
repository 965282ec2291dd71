// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/models/AlertQueueModel.h"

#include "app/StoreExecutor.h"
#include "store/AlertRepository.h"
#include "store/Database.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace mtr::app {
namespace {

struct CountAnswer
{
    qint64 count = 0;
    QString error;
};

struct PageAnswer
{
    QList<domain::AlertSummary> rows;
    QString error;
};

QString severityText(domain::Severity severity)
{
    using domain::Severity;
    switch (severity) {
    case Severity::Critical:
        return AlertQueueModel::tr("Critical");
    case Severity::High:
        return AlertQueueModel::tr("High");
    case Severity::Medium:
        return AlertQueueModel::tr("Medium");
    case Severity::Low:
        return AlertQueueModel::tr("Low");
    case Severity::Info:
        return AlertQueueModel::tr("Info");
    case Severity::Unknown:
        break;
    }
    return AlertQueueModel::tr("Unknown");
}

QString ageText(qint64 seconds)
{
    if (seconds < 0)
        return AlertQueueModel::tr("in the future");
    if (seconds < 3600)
        return AlertQueueModel::tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return AlertQueueModel::tr("%n h", nullptr, int(seconds / 3600));
    return AlertQueueModel::tr("%n d", nullptr, int(seconds / 86400));
}

store::AlertQuery::Sort sortFor(int column)
{
    using S = store::AlertQuery::Sort;
    switch (column) {
    case AlertQueueModel::SeverityColumn:
        return S::Severity;
    case AlertQueueModel::TenantColumn:
        return S::Tenant;
    case AlertQueueModel::StatusColumn:
        return S::Status;
    case AlertQueueModel::ScoreColumn:
        return S::AiScore;
    case AlertQueueModel::TypeColumn:
        return S::Type;
    default:
        return S::RaisedAt;
    }
}

} // namespace

AlertQueueModel::AlertQueueModel(StoreExecutor* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

void AlertQueueModel::setNow(const QDateTime& now)
{
    m_now = now;
    if (m_rowCount > 0)
        emit dataChanged(index(0, AgeColumn), index(m_rowCount - 1, AgeColumn));
}

void AlertQueueModel::setQuery(const store::AlertQuery& query)
{
    m_query = query;
    refresh();
}

void AlertQueueModel::refresh()
{
    const quint64 generation = ++m_generation;
    store::AlertQuery query = m_query;
    m_store->post<CountAnswer>(
        this,
        [query](store::Database& db) {
            auto count = store::AlertRepository(db).count(query);
            return count.ok() ? CountAnswer{count.value(), {}}
                              : CountAnswer{0, count.error().message};
        },
        [this, generation](CountAnswer answer) {
            if (generation != m_generation)
                return; // a newer filter superseded this one
            if (!answer.error.isEmpty())
                emit loadFailed(answer.error);
            beginResetModel();
            m_pages.clear();
            m_pageUse.clear();
            m_pending.clear();
            m_rowCount = int(qMin<qint64>(answer.count, std::numeric_limits<int>::max()));
            endResetModel();
            emit countChanged(answer.count);
            if (m_rowCount > 0)
                requestPage(0);
        });
}

void AlertQueueModel::requestPage(int page) const
{
    if (m_pending.contains(page))
        return;
    m_pending.insert(page);
    store::AlertQuery query = m_query;
    query.offset = page * PageSize;
    query.limit = PageSize;
    const quint64 generation = m_generation;
    auto* self = const_cast<AlertQueueModel*>(this);
    m_store->post<PageAnswer>(
        self,
        [query](store::Database& db) {
            auto rows = store::AlertRepository(db).page(query);
            return rows.ok() ? PageAnswer{rows.value(), {}} : PageAnswer{{}, rows.error().message};
        },
        [self, generation, page](PageAnswer answer) {
            if (!answer.error.isEmpty())
                emit self->loadFailed(answer.error);
            self->receivePage(generation, page, std::move(answer.rows));
        });
}

void AlertQueueModel::receivePage(quint64 generation, int page, QList<domain::AlertSummary> rows)
{
    if (generation != m_generation)
        return;
    m_pending.remove(page);
    m_pages.insert(page, std::move(rows));
    m_pageUse.removeAll(page);
    m_pageUse.append(page);
    while (m_pageUse.size() > MaxCachedPages)
        m_pages.remove(m_pageUse.takeFirst());
    const int first = page * PageSize;
    const int last = qMin(m_rowCount, first + PageSize) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    emit pageLoaded(page);
}

const domain::AlertSummary* AlertQueueModel::summary(int row) const
{
    const auto it = m_pages.constFind(row / PageSize);
    if (it == m_pages.cend() || row % PageSize >= it->size())
        return nullptr;
    return &it->at(row % PageSize);
}

int AlertQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int AlertQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertQueueModel::displayText(const domain::AlertSummary& alert, int column) const
{
    switch (column) {
    case SeverityColumn:
        return severityText(alert.severity);
    case TenantColumn:
        return alert.tenantName.isEmpty() ? alert.tenantId : alert.tenantName;
    case StatusColumn:
        return alert.status;
    case AgeColumn: {
        const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        return alert.raisedAt.isValid() ? ageText(alert.raisedAt.secsTo(now)) : QString();
    }
    case ScoreColumn:
        return alert.aiScore < 0 ? QString() : QLocale().toString(alert.aiScore * 100, 'f', 0);
    case TypeColumn:
        return alert.type;
    case DescriptionColumn:
        // One line per row: a newline in attacker text must not stretch or spoof rows.
        return QString(alert.description).replace(QLatin1Char('\n'), QLatin1Char(' '));
    default:
        return {};
    }
}

QVariant AlertQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int page = index.row() / PageSize;
    const domain::AlertSummary* alert = summary(index.row());
    if (!alert) {
        requestPage(page);
        if (role == LoadedRole)
            return false;
        return role == Qt::DisplayRole && index.column() == DescriptionColumn ? tr("Loading…")
                                                                              : QVariant();
    }
    m_pageUse.removeAll(page);
    m_pageUse.append(page);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*alert, index.column());
    case Qt::ToolTipRole:
        return index.column() == DescriptionColumn ? QVariant(alert->description) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn && alert->severity >= domain::Severity::High)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        return {};
    case IdRole:
        return alert->id;
    case TenantIdRole:
        return alert->tenantId;
    case SeverityRole:
        return int(alert->severity);
    case StatusRole:
        return alert->status;
    case RaisedAtRole:
        return alert->raisedAt;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant AlertQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case TenantColumn:
        return tr("Tenant");
    case StatusColumn:
        return tr("Status");
    case AgeColumn:
        return tr("Age");
    case ScoreColumn:
        return tr("AI score");
    case TypeColumn:
        return tr("Type");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

void AlertQueueModel::sort(int column, Qt::SortOrder order)
{
    const auto sort = sortFor(column);
    // Age grows as raisedAt falls: "youngest first" is raisedAt descending.
    const bool descending = (order == Qt::DescendingOrder) != (column == AgeColumn);
    if (sort == m_query.sort && descending == m_query.descending)
        return;
    m_query.sort = sort;
    m_query.descending = descending;
    refresh();
}

} // namespace mtr::app
