// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/EvidenceViewerPane.h"

#include "ui_EvidenceViewerPane.h"

#include <QEvent>

namespace mtr::app {

EvidenceViewerPane::EvidenceViewerPane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EvidenceViewerPane>())
{
    m_ui->setupUi(this);
    retranslateUi();
}

EvidenceViewerPane::~EvidenceViewerPane() = default;

QWidget* EvidenceViewerPane::focusTarget() const
{
    return m_ui->evidenceText;
}

void EvidenceViewerPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EvidenceViewerPane::retranslateUi()
{
    m_ui->retranslateUi(this);
}

} // namespace mtr::app
