// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/DraftEditorPane.h"

#include "app/widgets/ComboText.h"
#include "domain/WordDiff.h"
#include "ui_DraftEditorPane.h"

#include <QEvent>
#include <QInputDialog>
#include <QShortcut>
#include <QTime>
#include <QTimer>

namespace mtr::app {
namespace {

using Kind = domain::Draft::Kind;
const QList<Kind> KindOrder = {Kind::Summary, Kind::CustomerNotification, Kind::ExecutiveSummary};

QList<QTextEdit::ExtraSelection> selectionsFor(QPlainTextEdit* edit,
                                               const QList<domain::WordDiff::Span>& spans,
                                               const QColor& background,
                                               bool strike)
{
    QList<QTextEdit::ExtraSelection> out;
    for (const auto& s : spans) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(edit->document());
        sel.cursor.setPosition(int(s.offset));
        sel.cursor.setPosition(int(s.offset + s.length), QTextCursor::KeepAnchor);
        sel.format.setBackground(background);
        sel.format.setFontStrikeOut(strike);
        out << sel;
    }
    return out;
}

} // namespace

DraftEditorPane::DraftEditorPane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DraftEditorPane>())
    , m_autosave(new QTimer(this))
    , m_diffDelay(new QTimer(this))
{
    m_ui->setupUi(this);
    retranslateUi();
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(AutosaveIntervalMs);
    connect(m_autosave, &QTimer::timeout, this, &DraftEditorPane::flushAutosave);
    m_diffDelay->setSingleShot(true);
    m_diffDelay->setInterval(200);
    connect(m_diffDelay, &QTimer::timeout, this, &DraftEditorPane::updateDiff);

    connect(m_ui->analystEdit, &QPlainTextEdit::textChanged, this, &DraftEditorPane::analystEdited);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        flushAutosave();
        showKind();
    });
    connect(m_ui->approveButton, &QPushButton::clicked, this, &DraftEditorPane::approve);
    connect(m_ui->rejectButton, &QPushButton::clicked, this, &DraftEditorPane::reject);
    connect(m_ui->redraftButton, &QPushButton::clicked, this, &DraftEditorPane::redraft);
    const auto addKey = [this](const QKeySequence& keys, void (DraftEditorPane::*slot)()) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    addKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &DraftEditorPane::approve);
    addKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &DraftEditorPane::reject);
    addKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &DraftEditorPane::redraft);
    setDrafts({}, {}, {});
}

DraftEditorPane::~DraftEditorPane() = default;

void DraftEditorPane::setDrafts(const QString& caseId,
                                const QString& tenantId,
                                const QList<domain::Draft>& drafts)
{
    flushAutosave();
    m_caseId = caseId;
    m_tenantId = tenantId;
    m_drafts.clear();
    for (const domain::Draft& draft : drafts)
        m_drafts.insert(int(draft.kind), draft);
    // Without a case the pane still takes the focus (F6 cycling) but offers nothing to edit.
    const bool hasCase = !caseId.isEmpty();
    m_ui->analystEdit->setReadOnly(!hasCase);
    for (QWidget* w : {static_cast<QWidget*>(m_ui->approveButton),
                       static_cast<QWidget*>(m_ui->rejectButton),
                       static_cast<QWidget*>(m_ui->redraftButton)})
        w->setEnabled(hasCase);
    showKind();
}

void DraftEditorPane::showKind()
{
    const domain::Draft draft = m_drafts.value(int(currentKind()));
    m_loading = true;
    m_ui->aiEdit->setPlainText(draft.aiText);
    m_ui->analystEdit->setPlainText(draft.analystText.isEmpty() ? draft.aiText : draft.analystText);
    m_loading = false;
    m_dirty = false;
    updateDiff();
}

void DraftEditorPane::appendAiText(const QString& caseId, Kind kind, const QString& chunk)
{
    if (caseId != m_caseId)
        return;
    domain::Draft& draft = m_drafts[int(kind)];
    draft.kind = kind;
    draft.aiText += chunk;
    if (kind == currentKind()) {
        QTextCursor end(m_ui->aiEdit->document());
        end.movePosition(QTextCursor::End);
        end.insertText(chunk);
        m_diffDelay->start();
    }
}

void DraftEditorPane::setAiText(const QString& caseId, Kind kind, const QString& text)
{
    if (caseId != m_caseId)
        return;
    domain::Draft& draft = m_drafts[int(kind)];
    draft.kind = kind;
    draft.aiText = text;
    if (kind != currentKind())
        return;
    m_ui->aiEdit->setPlainText(text);
    if (m_ui->analystEdit->toPlainText().isEmpty()) {
        m_loading = true;
        m_ui->analystEdit->setPlainText(text);
        m_loading = false;
    }
    updateDiff();
}

Kind DraftEditorPane::currentKind() const
{
    return KindOrder.value(m_ui->kindCombo->currentIndex(), Kind::Summary);
}

void DraftEditorPane::setCurrentKind(Kind kind)
{
    m_ui->kindCombo->setCurrentIndex(int(KindOrder.indexOf(kind)));
}

QString DraftEditorPane::aiText() const
{
    return m_ui->aiEdit->toPlainText();
}

QString DraftEditorPane::analystText() const
{
    return m_ui->analystEdit->toPlainText();
}

QPair<int, int> DraftEditorPane::diffSpanCounts() const
{
    return m_diffCounts;
}

void DraftEditorPane::setStatusText(const QString& text)
{
    m_ui->statusLabel->setText(text);
}

QWidget* DraftEditorPane::focusTarget() const
{
    return m_ui->analystEdit;
}

void DraftEditorPane::analystEdited()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_drafts[int(currentKind())].analystText = analystText();
    if (!m_autosave->isActive())
        m_autosave->start(); // at most one write per interval while the analyst types
    m_diffDelay->start();
}

void DraftEditorPane::flushAutosave()
{
    m_autosave->stop();
    if (!m_dirty || m_caseId.isEmpty())
        return;
    m_dirty = false;
    emit autosaveRequested(m_caseId, currentKind(), analystText());
    setStatusText(tr("Saved at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void DraftEditorPane::updateDiff()
{
    const auto diff = domain::WordDiff::compute(aiText(), analystText());
    m_ui->aiEdit->setExtraSelections(
        selectionsFor(m_ui->aiEdit, diff.removed, QColor(255, 205, 205), true));
    m_ui->analystEdit->setExtraSelections(
        selectionsFor(m_ui->analystEdit, diff.inserted, QColor(200, 240, 200), false));
    m_diffCounts = {int(diff.removed.size()), int(diff.inserted.size())};
}

void DraftEditorPane::approve()
{
    if (m_caseId.isEmpty() || analystText().trimmed().isEmpty())
        return;
    flushAutosave();
    emit approveRequested(m_caseId, m_tenantId, currentKind(), analystText());
}

void DraftEditorPane::reject()
{
    if (!m_caseId.isEmpty())
        emit rejectRequested(m_caseId, currentKind());
}

void DraftEditorPane::redraft()
{
    if (m_caseId.isEmpty())
        return;
    bool ok = false;
    const QString note =
        QInputDialog::getMultiLineText(this,
                                       tr("Ask for a new draft"),
                                       tr("What should the new draft do differently?"),
                                       QString(),
                                       &ok);
    if (ok)
        emit redraftRequested(m_caseId, currentKind(), note);
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
    m_ui->approveButton->setToolTip(tr("Approve this text (Ctrl+Shift+A)"));
    m_ui->rejectButton->setToolTip(tr("Reject the draft (Ctrl+Shift+R)"));
    m_ui->redraftButton->setToolTip(tr("Ask for a new draft with a note (Ctrl+Shift+N)"));
}

} // namespace mtr::app
