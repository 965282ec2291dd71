// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/models/CaseTimelineModel.h"

#include <QHash>

#include <algorithm>

namespace mtr::app {

struct CaseTimelineModel::Node
{
    Node* parent = nullptr;
    int row = 0;
    int eventIndex = -1; ///< into m_events; -1 for the root and host rows
    QString host;
    std::vector<std::unique_ptr<Node>> children;

    Node* add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

CaseTimelineModel::CaseTimelineModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

CaseTimelineModel::~CaseTimelineModel() = default;

void CaseTimelineModel::setEvents(QList<domain::TimelineEvent> events)
{
    std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
        return a.timeUtc < b.timeUtc;
    });
    m_events = std::move(events);
    rebuild();
}

void CaseTimelineModel::setFilter(const QString& source,
                                  const QString& text,
                                  const QDateTime& from,
                                  const QDateTime& to)
{
    m_source = source;
    m_text = text.trimmed();
    m_from = from;
    m_to = to;
    rebuild();
}

bool CaseTimelineModel::accepts(const domain::TimelineEvent& e) const
{
    // "process" is a view, not a reader: any source that names a process id belongs to it.
    if (m_source == QLatin1String("process")) {
        if (e.pid < 0)
            return false;
    } else if (!m_source.isEmpty() && e.source != m_source) {
        return false;
    }
    if (m_from.isValid() && e.timeUtc < m_from)
        return false;
    if (m_to.isValid() && e.timeUtc > m_to)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const QString* field : {&e.summary, &e.host, &e.processName, &e.remoteAddress})
        if (field->contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

void CaseTimelineModel::rebuild()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_visible = 0;
    QHash<QString, Node*> hosts;
    // Per host, the newest event seen for each pid, so a child nests under its parent's start.
    QHash<QString, QHash<qint64, Node*>> processes;
    for (int i = 0; i < m_events.size(); ++i) {
        const domain::TimelineEvent& e = m_events.at(i);
        if (!accepts(e))
            continue;
        ++m_visible;
        Node*& hostNode = hosts[e.host];
        if (!hostNode) {
            auto node = std::make_unique<Node>();
            node->host = e.host;
            hostNode = m_root->add(std::move(node));
        }
        Node* parentNode = hostNode;
        auto& pids = processes[e.host];
        if (e.parentPid >= 0 && pids.contains(e.parentPid))
            parentNode = pids.value(e.parentPid);
        auto node = std::make_unique<Node>();
        node->eventIndex = i;
        Node* added = parentNode->add(std::move(node));
        if (e.pid >= 0 && !pids.contains(e.pid))
            pids.insert(e.pid, added);
    }
    endResetModel();
}

int CaseTimelineModel::visibleEventCount() const
{
    return m_visible;
}

CaseTimelineModel::Node* CaseTimelineModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

const domain::TimelineEvent* CaseTimelineModel::event(const QModelIndex& index) const
{
    const Node* node = nodeFor(index);
    return node->eventIndex < 0 ? nullptr : &m_events.at(node->eventIndex);
}

QModelIndex CaseTimelineModel::index(int row, int column, const QModelIndex& parent) const
{
    const Node* node = nodeFor(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex CaseTimelineModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const Node* parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, const_cast<Node*>(parentNode));
}

int CaseTimelineModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int CaseTimelineModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant CaseTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeFor(index);
    if (node->eventIndex < 0) {
        if (role == IsHostRole)
            return true;
        if (role == Qt::DisplayRole && index.column() == TimeColumn)
            return node->host.isEmpty() ? tr("(unknown host)") : node->host;
        return {};
    }
    const domain::TimelineEvent& e = m_events.at(node->eventIndex);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.timeUtc.toString(Qt::ISODateWithMs);
        case SourceColumn:
            return e.source;
        case SummaryColumn:
            return QString(e.summary).replace(QLatin1Char('\n'), QLatin1Char(' '));
        case ProcessColumn:
            return e.pid >= 0 ? tr("%1 (pid %2)").arg(e.processName, QString::number(e.pid))
                              : e.processName;
        case NetworkColumn:
            if (e.remoteAddress.isEmpty())
                return {};
            return e.remotePort >= 0
                       ? tr("%1 → %2:%3").arg(e.localAddress, e.remoteAddress).arg(e.remotePort)
                       : e.remoteAddress;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn && !e.originalTime.isEmpty())
            return tr("As written in the source: %1").arg(e.originalTime);
        if (!e.correlatedIds.isEmpty())
            return tr("Correlated with %n other event(s)", nullptr, int(e.correlatedIds.size()));
        return {};
    case EventIdRole:
        return e.id;
    case SourceIdRole:
        return e.sourceId;
    case TimeRole:
        return e.timeUtc;
    case IsHostRole:
        return false;
    default:
        return {};
    }
}

QVariant CaseTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case SourceColumn:
        return tr("Source");
    case SummaryColumn:
        return tr("Event");
    case ProcessColumn:
        return tr("Process");
    case NetworkColumn:
        return tr("Network");
    }
    return {};
}

} // namespace mtr::app
