// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/DraftEditorPane.h"

#include "app/widgets/ComboText.h"
#include "ui_DraftEditorPane.h"

#include <QEvent>

namespace mtr::app {

DraftEditorPane::DraftEditorPane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DraftEditorPane>())
{
    m_ui->setupUi(this);
    retranslateUi();
}

DraftEditorPane::~DraftEditorPane() = default;

QWidget* DraftEditorPane::focusTarget() const
{
    return m_ui->analystEdit;
}

void DraftEditorPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DraftEditorPane::retranslateUi()
{
    m_ui->retranslateUi(this);
    setComboItems(m_ui->kindCombo,
                  {tr("Case summary"), tr("Customer notification"), tr("Executive summary")});
}

} // namespace mtr::app
