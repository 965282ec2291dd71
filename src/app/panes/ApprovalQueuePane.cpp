// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/ApprovalQueuePane.h"

#include "app/models/ProposalModel.h"
#include "ui_ApprovalQueuePane.h"

#include <QEvent>
#include <QHeaderView>
#include <QShortcut>

namespace mtr::app {

ApprovalQueuePane::ApprovalQueuePane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ApprovalQueuePane>())
    , m_model(new ProposalModel(this))
{
    m_ui->setupUi(this);
    retranslateUi();
    m_ui->approvalView->setModel(m_model);
    m_ui->approvalView->verticalHeader()->hide();
    m_ui->approvalView->horizontalHeader()->setSectionResizeMode(ProposalModel::TitleColumn,
                                                                 QHeaderView::Stretch);
    m_ui->approvalView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_ui->approvalView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &ApprovalQueuePane::showDetails);
    connect(m_ui->approveButton, &QPushButton::clicked, this, &ApprovalQueuePane::approveCurrent);
    connect(m_ui->rejectButton, &QPushButton::clicked, this, &ApprovalQueuePane::rejectCurrent);
    for (const auto& [keys, slot] :
         {std::pair{QKeySequence(Qt::CTRL | Qt::Key_Return), &ApprovalQueuePane::approveCurrent},
          std::pair{QKeySequence(Qt::CTRL | Qt::Key_Delete), &ApprovalQueuePane::rejectCurrent}}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    }
}

ApprovalQueuePane::~ApprovalQueuePane() = default;

void ApprovalQueuePane::setProposals(const QList<domain::Proposal>& proposals,
                                     const QHash<QString, QStringList>& approvals,
                                     const QHash<QString, domain::OutboxItem>& outbox)
{
    const QString current =
        m_ui->approvalView->currentIndex().data(ProposalModel::IdRole).toString();
    m_model->setProposals(proposals, approvals, outbox);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->proposal(row)->id == current)
            m_ui->approvalView->setCurrentIndex(m_model->index(row, 0));
    }
    if (!m_ui->approvalView->currentIndex().isValid() && m_model->rowCount() > 0)
        m_ui->approvalView->setCurrentIndex(m_model->index(0, 0));
    showDetails();
}

QString ApprovalQueuePane::columnText(const QString& kind, int column) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->proposal(row)->kind == kind)
            return m_model->index(row, column).data().toString();
    }
    return {};
}

bool ApprovalQueuePane::selectKind(const QString& kind)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->proposal(row)->kind == kind) {
            m_ui->approvalView->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

void ApprovalQueuePane::setStatusText(const QString& text)
{
    m_ui->approveButton->setToolTip(text);
    m_ui->detailText->appendPlainText(text);
}

QWidget* ApprovalQueuePane::focusTarget() const
{
    return m_ui->approvalView;
}

void ApprovalQueuePane::showDetails()
{
    const domain::Proposal* p = m_model->proposal(m_ui->approvalView->currentIndex().row());
    m_ui->approveButton->setEnabled(p && p->status == QLatin1String("open"));
    m_ui->rejectButton->setEnabled(p && p->status == QLatin1String("open"));
    if (!p) {
        m_ui->detailText->clear();
        return;
    }
    // Plain text: titles, reasons and content may quote attacker-controlled evidence.
    QString details = tr("%1\n\nWhy: %2\nExpected impact: %3\n\nExactly what will be "
                         "approved:\n%4")
                          .arg(p->title, p->reason, p->expectedImpact, p->content);
    if (const QString approvers = m_model->approversText(p->id); !approvers.isEmpty())
        details += tr("\n\nApproved by: %1").arg(approvers);
    if (const domain::OutboxItem* sent = m_model->outboxItem(p->id))
        // One arg() call: a Central error text holding "%2" must not be substituted again.
        details += tr("\n\nOutbox: %1 (attempts: %2)")
                       .arg(ProposalModel::outboxText(*sent), QString::number(sent->attempts));
    m_ui->detailText->setPlainText(details);
}

void ApprovalQueuePane::approveCurrent()
{
    if (const domain::Proposal* p = m_model->proposal(m_ui->approvalView->currentIndex().row()))
        emit approveRequested(*p);
}

void ApprovalQueuePane::rejectCurrent()
{
    if (const domain::Proposal* p = m_model->proposal(m_ui->approvalView->currentIndex().row()))
        emit rejectRequested(*p);
}

void ApprovalQueuePane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ApprovalQueuePane::retranslateUi()
{
    m_ui->retranslateUi(this);
    m_ui->approveButton->setToolTip(tr("Approve the selected proposal (Ctrl+Return)"));
    m_ui->rejectButton->setToolTip(tr("Reject the selected proposal (Ctrl+Delete)"));
}

} // namespace mtr::app
