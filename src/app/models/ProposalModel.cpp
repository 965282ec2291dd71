// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/models/ProposalModel.h"

#include "workflow/ApprovalService.h"

#include <QColor>

namespace mtr::app {

ProposalModel::ProposalModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ProposalModel::setProposals(const QList<domain::Proposal>& proposals,
                                 const QHash<QString, QStringList>& approvals,
                                 const QHash<QString, domain::OutboxItem>& outbox)
{
    beginResetModel();
    m_proposals = proposals;
    m_approvals = approvals;
    m_outbox = outbox;
    endResetModel();
}

const domain::OutboxItem* ProposalModel::outboxItem(const QString& proposalId) const
{
    const auto it = m_outbox.constFind(proposalId);
    return it == m_outbox.cend() ? nullptr : &it.value();
}

QString ProposalModel::outboxText(const domain::OutboxItem& item)
{
    using S = domain::OutboxItem::State;
    switch (item.state) {
    case S::Pending:
        return item.lastError.isEmpty() ? tr("Approved; waiting to be sent")
                                        : tr("Will retry: %1").arg(item.lastError);
    case S::Sending:
        return tr("Sending…");
    case S::Sent:
        return tr("Sent");
    case S::Failed:
        return tr("Failed: %1").arg(item.lastError);
    case S::OutcomeUnknown:
        return tr("Outcome unknown, check Central: %1").arg(item.lastError);
    }
    return {};
}

const domain::Proposal* ProposalModel::proposal(int row) const
{
    return row >= 0 && row < m_proposals.size() ? &m_proposals.at(row) : nullptr;
}

int ProposalModel::approvalCount(const QString& proposalId) const
{
    return int(m_approvals.value(proposalId).size());
}

QString ProposalModel::approversText(const QString& proposalId) const
{
    QStringList names;
    for (const QString& approver : m_approvals.value(proposalId)) {
        const QString playbook = workflow::ApprovalService::automationPlaybook(approver);
        names.append(playbook.isEmpty() ? approver : tr("Automation (%1)").arg(playbook));
    }
    return names.join(QLatin1String(", "));
}

QString ProposalModel::kindText(const QString& kind)
{
    if (kind == QLatin1String("isolate-endpoint"))
        return tr("Isolate endpoint");
    if (kind == QLatin1String("alert-action"))
        return tr("Alert action");
    if (kind == QLatin1String("live-discover"))
        return tr("Live Discover query");
    if (kind == QLatin1String("live-response"))
        return tr("Live Response command");
    if (kind == QLatin1String("customer-message"))
        return tr("Customer message");
    if (kind == QLatin1String("block-hash"))
        return tr("Block file hash");
    return kind;
}

int ProposalModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_proposals.size());
}

int ProposalModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProposalModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const domain::Proposal& p = m_proposals.at(index.row());
    if (role == IdRole)
        return p.id;
    const domain::OutboxItem* sent = outboxItem(p.id);
    if (role == Qt::ToolTipRole)
        return index.column() == StatusColumn && sent ? outboxText(*sent) : p.reason;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && sent
        && (sent->state == domain::OutboxItem::State::Failed
            || sent->state == domain::OutboxItem::State::OutcomeUnknown))
        return QColor(Qt::red);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case KindColumn:
        return kindText(p.kind);
    case TitleColumn:
        return p.title;
    case ImpactColumn:
        return p.highImpact ? tr("High: %1").arg(p.expectedImpact) : p.expectedImpact;
    case ApprovedByColumn:
        return approversText(p.id);
    case StatusColumn: {
        const int approvals = approvalCount(p.id);
        if (p.status != QLatin1String("open"))
            return p.status;
        if (sent)
            return outboxText(*sent);
        if (approvals == 0)
            return tr("Waiting for approval");
        return p.highImpact && approvals < 2 ? tr("Needs a second analyst") : tr("Approved");
    }
    }
    return {};
}

QVariant ProposalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case TitleColumn:
        return tr("Proposal");
    case ImpactColumn:
        return tr("Expected impact");
    case ApprovedByColumn:
        return tr("Approved by");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace mtr::app
