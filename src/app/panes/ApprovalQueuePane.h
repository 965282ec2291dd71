// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/OutboxItem.h"
#include "domain/Proposal.h"

#include <QHash>
#include <QWidget>

#include <memory>

namespace Ui {
class ApprovalQueuePane;
}

namespace mtr::app {

class ProposalModel;

/// Proposed evidence collection, containment actions and customer messages waiting for an
/// analyst: the reason, expected impact and evidence of each, approved with one click or
/// Ctrl+Return, rejected with Ctrl+Delete.
class ApprovalQueuePane : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalQueuePane(QWidget* parent = nullptr);
    ~ApprovalQueuePane() override;

    void setProposals(const QList<domain::Proposal>& proposals,
                      const QHash<QString, QStringList>& approvals = {},
                      const QHash<QString, domain::OutboxItem>& outbox = {});
    /// The text in `column` (a ProposalModel::Column) for the first proposal of `kind`: what the
    /// analyst reads in the queue.
    QString columnText(const QString& kind, int column) const;

    ProposalModel* model() const
    {
        return m_model;
    }

    /// Selects the first proposal of `kind`; false when there is none.
    bool selectKind(const QString& kind);
    void setStatusText(const QString& text);

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

    void approveCurrent();
    void rejectCurrent();

signals:
    void approveRequested(const domain::Proposal& proposal);
    void rejectRequested(const domain::Proposal& proposal);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showDetails();

    std::unique_ptr<Ui::ApprovalQueuePane> m_ui;
    ProposalModel* m_model;
};

} // namespace mtr::app
