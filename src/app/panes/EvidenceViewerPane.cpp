// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/EvidenceViewerPane.h"

#include "ai/InjectionDetector.h"
#include "app/models/IndicatorModel.h"
#include "ui_EvidenceViewerPane.h"

#include <QEvent>
#include <QHeaderView>
#include <QTextBlock>

namespace mtr::app {
namespace {

QTextEdit::ExtraSelection
span(QPlainTextEdit* edit, qsizetype offset, qsizetype length, const QColor& background)
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(edit->document());
    selection.cursor.setPosition(int(offset));
    selection.cursor.setPosition(int(offset + length), QTextCursor::KeepAnchor);
    selection.format.setBackground(background);
    return selection;
}

} // namespace

EvidenceViewerPane::EvidenceViewerPane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EvidenceViewerPane>())
    , m_indicators(new IndicatorModel(this))
{
    m_ui->setupUi(this);
    retranslateUi();
    m_ui->evidenceText->setUndoRedoEnabled(false);
    m_ui->indicatorView->setModel(m_indicators);
    m_ui->indicatorView->verticalHeader()->hide();
    m_ui->indicatorView->horizontalHeader()->setStretchLastSection(false);
    m_ui->indicatorView->horizontalHeader()->setSectionResizeMode(IndicatorModel::ValueColumn,
                                                                  QHeaderView::Stretch);
    m_ui->warningLabel->hide();
    connect(m_ui->itemCombo,
            &QComboBox::currentIndexChanged,
            this,
            &EvidenceViewerPane::showCurrentItem);
    connect(m_ui->indicatorView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &EvidenceViewerPane::listOccurrences);
    connect(m_ui->occurrenceList,
            &QListWidget::currentRowChanged,
            this,
            &EvidenceViewerPane::openOccurrence);
}

EvidenceViewerPane::~EvidenceViewerPane() = default;

void EvidenceViewerPane::setEvidence(const QList<domain::EvidenceItem>& items,
                                     const QList<domain::Indicator>& indicators)
{
    m_items = items;
    m_allIndicators = indicators;
    m_indicators->setIndicators(indicators);
    m_ui->occurrenceList->clear();
    const QSignalBlocker blocker(m_ui->itemCombo);
    m_ui->itemCombo->clear();
    for (const domain::EvidenceItem& item : items)
        m_ui->itemCombo->addItem(tr("%1 — %2").arg(item.kind, item.origin), item.id);
    m_ui->itemCombo->setCurrentIndex(items.isEmpty() ? -1 : 0);
    showCurrentItem();
}

bool EvidenceViewerPane::showItem(const QString& itemId, qsizetype offset, qsizetype length)
{
    const int index = m_ui->itemCombo->findData(itemId);
    if (index < 0)
        return false;
    {
        const QSignalBlocker blocker(m_ui->itemCombo);
        m_ui->itemCombo->setCurrentIndex(index);
    }
    showCurrentItem();
    if (offset >= 0)
        highlight(offset, length);
    return true;
}

QString EvidenceViewerPane::currentItemId() const
{
    return m_ui->itemCombo->currentData().toString();
}

QString EvidenceViewerPane::warningText() const
{
    return m_ui->warningLabel->isHidden() ? QString() : m_ui->warningLabel->text();
}

QWidget* EvidenceViewerPane::focusTarget() const
{
    return m_ui->evidenceText;
}

void EvidenceViewerPane::showCurrentItem()
{
    const int index = m_ui->itemCombo->currentIndex();
    const QString text = index >= 0 ? m_items.at(index).text : QString();
    // setPlainText: the text is data, never markup, whatever it contains.
    m_ui->evidenceText->setPlainText(text);
    highlight(-1, 0);

    const auto findings = ai::InjectionDetector::scan(text);
    m_ui->warningLabel->setVisible(!findings.isEmpty());
    if (!findings.isEmpty())
        m_ui->warningLabel->setText(
            tr("Warning: this evidence contains %n passage(s) that read like instructions to an "
               "AI assistant. They are treated as data and never followed; check them yourself.",
               nullptr,
               int(findings.size())));
}

void EvidenceViewerPane::highlight(qsizetype selectOffset, qsizetype selectLength)
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString itemId = currentItemId();
    const qsizetype size = m_ui->evidenceText->document()->characterCount();
    for (const domain::Indicator& indicator : std::as_const(m_allIndicators)) {
        if (indicator.sourceId != itemId || indicator.offset + indicator.length >= size)
            continue;
        selections << span(m_ui->evidenceText,
                           indicator.offset,
                           indicator.length,
                           QColor(255, 236, 153));
    }
    const QString text = m_ui->evidenceText->toPlainText();
    for (const auto& finding : ai::InjectionDetector::scan(text))
        selections << span(m_ui->evidenceText,
                           finding.start,
                           finding.length,
                           QColor(255, 190, 190));
    if (selectOffset >= 0 && selectOffset + selectLength < size) {
        selections << span(m_ui->evidenceText, selectOffset, selectLength, QColor(140, 200, 255));
        QTextCursor cursor(m_ui->evidenceText->document());
        cursor.setPosition(int(selectOffset));
        m_ui->evidenceText->setTextCursor(cursor);
        m_ui->evidenceText->centerCursor();
    }
    m_ui->evidenceText->setExtraSelections(selections);
}

void EvidenceViewerPane::listOccurrences()
{
    m_ui->occurrenceList->clear();
    const IndicatorModel::Row* row = m_indicators->row(m_ui->indicatorView->currentIndex().row());
    if (!row)
        return;
    for (const domain::Indicator& occurrence : row->occurrences) {
        const int item = m_ui->itemCombo->findData(occurrence.sourceId);
        const QString origin = item >= 0 ? m_ui->itemCombo->itemText(item) : occurrence.sourceId;
        int line = 0;
        if (item >= 0)
            line = int(m_items.at(item).text.left(occurrence.offset).count(QLatin1Char('\n'))) + 1;
        auto* entry = new QListWidgetItem(
            tr("%1, line %2: %3").arg(origin, QString::number(line), occurrence.original));
        m_ui->occurrenceList->addItem(entry);
    }
}

void EvidenceViewerPane::openOccurrence(int index)
{
    const IndicatorModel::Row* row = m_indicators->row(m_ui->indicatorView->currentIndex().row());
    if (!row || index < 0 || index >= row->occurrences.size())
        return;
    const domain::Indicator& occurrence = row->occurrences.at(index);
    showItem(occurrence.sourceId, occurrence.offset, occurrence.length);
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
