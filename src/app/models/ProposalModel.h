// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/OutboxItem.h"
#include "domain/Proposal.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace mtr::app {

/// The approval queue's rows: proposed evidence collection, containment and customer messages,
/// each with its reason, expected impact and how many analysts have approved it.
class ProposalModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        TitleColumn,
        ImpactColumn,
        ApprovedByColumn,
        StatusColumn,
        ColumnCount
    };

    enum Role
    {
        IdRole = Qt::UserRole + 1
    };

    explicit ProposalModel(QObject* parent = nullptr);

    /// `approvals` names the analysts (or `automation:<playbook>`) with a valid approval of each
    /// proposal, oldest first; `outbox` is the newest outbox item
    /// of each approved proposal, so the queue shows whether it was sent, is retrying or failed.
    void setProposals(const QList<domain::Proposal>& proposals,
                      const QHash<QString, QStringList>& approvals = {},
                      const QHash<QString, domain::OutboxItem>& outbox = {});
    /// The outbox item of a proposal, or nullptr before it was approved.
    const domain::OutboxItem* outboxItem(const QString& proposalId) const;
    /// What happened to an approved item in the outbox, in the analyst's words.
    static QString outboxText(const domain::OutboxItem& item);
    const domain::Proposal* proposal(int row) const;
    int approvalCount(const QString& proposalId) const;
    /// Who approved a proposal, automation named as such; empty before any approval.
    QString approversText(const QString& proposalId) const;

    static QString kindText(const QString& kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<domain::Proposal> m_proposals;
    QHash<QString, QStringList> m_approvals;
    QHash<QString, domain::OutboxItem> m_outbox;
};

} // namespace mtr::app
