// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/AlertQueuePane.h"

#include "app/widgets/ComboText.h"
#include "ui_AlertQueuePane.h"

#include <QEvent>

namespace mtr::app {

AlertQueuePane::AlertQueuePane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AlertQueuePane>())
{
    m_ui->setupUi(this);
    retranslateUi();
}

AlertQueuePane::~AlertQueuePane() = default;

QWidget* AlertQueuePane::focusTarget() const
{
    return m_ui->alertView;
}

void AlertQueuePane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AlertQueuePane::retranslateUi()
{
    m_ui->retranslateUi(this);
    setComboItems(m_ui->severityCombo,
                  {tr("All severities"), tr("High and above"), tr("Medium and above")});
    setComboItems(m_ui->statusCombo, {tr("Open alerts"), tr("All statuses"), tr("Acknowledged")});
    if (m_ui->tenantCombo->count() == 0)
        m_ui->tenantCombo->addItem(QString());
    m_ui->tenantCombo->setItemText(0, tr("All tenants"));
}

} // namespace mtr::app
