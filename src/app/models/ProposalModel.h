// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

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
        StatusColumn,
        ColumnCount
    };

    enum Role
    {
        IdRole = Qt::UserRole + 1
    };

    explicit ProposalModel(QObject* parent = nullptr);

    /// `approvals` counts valid approvals per proposal id.
    void setProposals(const QList<domain::Proposal>& proposals,
                      const QHash<QString, int>& approvals = {});
    const domain::Proposal* proposal(int row) const;
    int approvalCount(const QString& proposalId) const;

    static QString kindText(const QString& kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<domain::Proposal> m_proposals;
    QHash<QString, int> m_approvals;
};

} // namespace mtr::app
