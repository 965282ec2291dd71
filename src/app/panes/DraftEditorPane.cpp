// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/DraftEditorPane.h"

#include "app/widgets/ComboText.h"
#include "domain/WordDiff.h"
#include "ui_DraftEditorPane.h"

#include <QEvent>
#include <QInputDialog>
#include <QListWidget>
#include <QShortcut>
#include <QTime>
#include <QTimer>

namespace mtr::app {
namespace {

using Kind = domain::Draft::Kind;
const QList<Kind> KindOrder = {Kind::Summary, Kind::CustomerNotification, Kind::ExecutiveSummary};
const QColor SentenceBackground(255, 240, 190);

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
    connect(m_ui->aiEdit,
            &QPlainTextEdit::cursorPositionChanged,
            this,
            &DraftEditorPane::aiCursorMoved);
    connect(m_ui->evidenceList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            emit evidenceRequested(id);
    });
    const auto addKey = [this](const QKeySequence& keys, void (DraftEditorPane::*slot)()) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    addKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &DraftEditorPane::approve);
    addKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &DraftEditorPane::reject);
    addKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &DraftEditorPane::redraft);
    addKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &DraftEditorPane::openFirstEvidence);
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

void DraftEditorPane::setCentralCases(const QList<QPair<QString, QString>>& cases)
{
    const QSignalBlocker blocker(m_ui->centralCaseCombo);
    m_ui->centralCaseCombo->clear();
    for (const auto& [id, label] : cases)
        m_ui->centralCaseCombo->addItem(label, id);
    if (cases.isEmpty())
        m_ui->centralCaseCombo->addItem(tr("(none synced for this tenant)"), QString());
    m_ui->centralCaseCombo->setEnabled(!cases.isEmpty());
}

QString DraftEditorPane::centralCaseId() const
{
    return m_ui->centralCaseCombo->currentData().toString();
}

void DraftEditorPane::showKind()
{
    // Only a customer notification leaves the console, recorded on a Central case.
    const bool notification = currentKind() == Kind::CustomerNotification;
    m_ui->centralCaseLabel->setVisible(notification);
    m_ui->centralCaseCombo->setVisible(notification);
    const domain::Draft draft = m_drafts.value(int(currentKind()));
    m_loading = true;
    m_ui->aiEdit->setPlainText(draft.aiText);
    m_ui->analystEdit->setPlainText(draft.analystText.isEmpty() ? draft.aiText : draft.analystText);
    m_loading = false;
    m_dirty = false;
    mapSentences();
    updateDiff();
}

void DraftEditorPane::showStreamedAiText(const QString& caseId, Kind kind, const QString& textSoFar)
{
    if (caseId != m_caseId)
        return;
    domain::Draft& draft = m_drafts[int(kind)];
    draft.kind = kind;
    draft.aiText = textSoFar;
    draft.aiSentences.clear(); // the links belong to the stored text, not to a stream
    if (kind == currentKind()) {
        m_sentences.clear();
        m_loading = true;
        m_ui->aiEdit->setPlainText(textSoFar); // the model's answer so far, never appended twice
        m_loading = false;
        showSentence(-1);
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
    draft.aiSentences.clear(); // links come with the stored draft (setDrafts)
    if (kind != currentKind())
        return;
    m_loading = true;
    m_ui->aiEdit->setPlainText(text);
    if (m_ui->analystEdit->toPlainText().isEmpty())
        m_ui->analystEdit->setPlainText(text);
    m_loading = false;
    mapSentences();
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
    m_aiDiffSelections = selectionsFor(m_ui->aiEdit, diff.removed, QColor(255, 205, 205), true);
    applyAiSelections();
    m_ui->analystEdit->setExtraSelections(
        selectionsFor(m_ui->analystEdit, diff.inserted, QColor(200, 240, 200), false));
    m_diffCounts = {int(diff.removed.size()), int(diff.inserted.size())};
}

void DraftEditorPane::mapSentences()
{
    // Each link's text is looked up in order from the end of the previous one, so a sentence
    // that repeats an earlier one still lands on its own place; one not found stays unlinked.
    m_sentences.clear();
    const QString text = aiText();
    const QList<domain::DraftSentenceLink> links = m_drafts.value(int(currentKind())).aiSentences;
    qsizetype from = 0;
    for (int i = 0; i < links.size(); ++i) {
        const QString sentence = links.at(i).text.trimmed();
        const qsizetype at = sentence.isEmpty() ? -1 : text.indexOf(sentence, from);
        if (at < 0)
            continue;
        from = at + sentence.size();
        m_sentences.append({int(at), int(from), i});
    }
    showSentence(sentenceAt(m_ui->aiEdit->textCursor().position()));
}

int DraftEditorPane::sentenceAt(int position) const
{
    int index = -1;
    for (int i = 0; i < m_sentences.size(); ++i) {
        // The cursor right after a sentence's full stop still belongs to it; where two
        // sentences touch, the later one wins.
        if (m_sentences.at(i).start <= position && position <= m_sentences.at(i).end)
            index = i;
    }
    return index;
}

void DraftEditorPane::aiCursorMoved()
{
    if (m_loading)
        return;
    const int index = sentenceAt(m_ui->aiEdit->textCursor().position());
    if (index != m_shownSentence)
        showSentence(index);
}

void DraftEditorPane::showSentence(int index)
{
    m_shownSentence = index;
    QListWidget* list = m_ui->evidenceList;
    list->clear();
    if (aiText().isEmpty()) {
        applyAiSelections();
        return;
    }
    const QList<domain::DraftSentenceLink> links = m_drafts.value(int(currentKind())).aiSentences;
    const QStringList ids =
        index >= 0 ? links.value(m_sentences.at(index).link).evidenceIds : QStringList();
    for (const QString& id : ids) {
        auto* item = new QListWidgetItem(evidenceLabel(id), list);
        item->setData(Qt::UserRole, id);
        item->setToolTip(id);
    }
    if (ids.isEmpty()) {
        auto* note = new QListWidgetItem(tr("No evidence linked to this sentence."), list);
        note->setFlags(Qt::NoItemFlags);
    } else {
        list->setCurrentRow(0);
    }
    applyAiSelections();
}

void DraftEditorPane::applyAiSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_shownSentence >= 0) {
        QTextEdit::ExtraSelection sentence;
        sentence.cursor = QTextCursor(m_ui->aiEdit->document());
        sentence.cursor.setPosition(m_sentences.at(m_shownSentence).start);
        sentence.cursor.setPosition(m_sentences.at(m_shownSentence).end, QTextCursor::KeepAnchor);
        sentence.format.setBackground(SentenceBackground);
        selections << sentence;
    }
    selections << m_aiDiffSelections; // drawn later, so a removed word stays visible as such
    m_ui->aiEdit->setExtraSelections(selections);
}

void DraftEditorPane::openFirstEvidence()
{
    QListWidgetItem* first = m_ui->evidenceList->item(0);
    const QString id = first ? first->data(Qt::UserRole).toString() : QString();
    if (id.isEmpty())
        return;
    m_ui->evidenceList->setCurrentItem(first);
    emit evidenceRequested(id);
}

QString DraftEditorPane::evidenceLabel(const QString& evidenceId) const
{
    // Ids are "alert:<id>", "endpoint:<id>" or "<case>|<kind>:<id>" (see ai::CaseFile and
    // workflow::CaseAssembler); the kind word says what the analyst will see when opening it.
    QString kind = tr("Evidence");
    if (evidenceId.contains(QLatin1String("|ev:")))
        kind = tr("Timeline event");
    else if (evidenceId.contains(QLatin1String("siem:")))
        kind = tr("SIEM event");
    else if (evidenceId.contains(QLatin1String("endpoint:")))
        kind = tr("Endpoint");
    else if (evidenceId.startsWith(QLatin1String("alert:")) && !evidenceId.contains(u'|'))
        kind = tr("Alert");
    //: An evidence entry under an AI sentence: its kind, then its identifier.
    return tr("%1: %2").arg(kind, evidenceId);
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
    m_ui->centralCaseCombo->setToolTip(
        tr("The notification is recorded on this case in Sophos Central and e-mailed to the "
           "tenant's contacts. Cases that name this alert's device come first."));
    m_ui->evidenceList->setToolTip(
        tr("Double-click or press Enter to show this evidence (Ctrl+Shift+E shows the first)"));
    showSentence(m_shownSentence); // the entries' kind words and the note are translated text
}

} // namespace mtr::app
