// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/ApprovalQueuePane.h"

#include "ui_ApprovalQueuePane.h"

#include <QEvent>

namespace mtr::app {

ApprovalQueuePane::ApprovalQueuePane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ApprovalQueuePane>())
{
    m_ui->setupUi(this);
    retranslateUi();
}

ApprovalQueuePane::~ApprovalQueuePane() = default;

QWidget* ApprovalQueuePane::focusTarget() const
{
    return m_ui->approvalView;
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
}

} // namespace mtr::app
