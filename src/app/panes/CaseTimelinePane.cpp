// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/CaseTimelinePane.h"

#include "app/widgets/ComboText.h"
#include "ui_CaseTimelinePane.h"

#include <QEvent>

namespace mtr::app {

CaseTimelinePane::CaseTimelinePane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseTimelinePane>())
{
    m_ui->setupUi(this);
    retranslateUi();
}

CaseTimelinePane::~CaseTimelinePane() = default;

QWidget* CaseTimelinePane::focusTarget() const
{
    return m_ui->timelineView;
}

void CaseTimelinePane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CaseTimelinePane::retranslateUi()
{
    m_ui->retranslateUi(this);
    setComboItems(m_ui->sourceCombo,
                  {tr("All sources"),
                   tr("Detections"),
                   tr("Processes"),
                   tr("Firewall"),
                   tr("Live Response"),
                   tr("SIEM events")});
}

} // namespace mtr::app
