// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Draft.h"

#include <QHash>
#include <QTextEdit>
#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class DraftEditorPane;
}

namespace mtr::app {

/// The AI's draft on the left (read-only), the analyst's version on the right (editable,
/// autosaved every few seconds), word-level differences highlighted in both. Under the AI side,
/// the evidence of the AI sentence under the cursor. Approve, reject or ask for a new draft,
/// each with a shortcut.
class DraftEditorPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int AutosaveIntervalMs = 3000;

    explicit DraftEditorPane(QWidget* parent = nullptr);
    ~DraftEditorPane() override;

    /// Shows a case's drafts. An analyst text restored from autosave wins over the AI text;
    /// with none, the analyst starts from the AI's words.
    void
    setDrafts(const QString& caseId, const QString& tenantId, const QList<domain::Draft>& drafts);
    /// Shows the model's answer so far on the AI side while it streams in (each call carries
    /// the whole text so far); the analyst's version is not touched.
    void
    showStreamedAiText(const QString& caseId, domain::Draft::Kind kind, const QString& textSoFar);
    /// Replaces the AI side (a finished draft) without touching the analyst's version.
    void setAiText(const QString& caseId, domain::Draft::Kind kind, const QString& text);

    QString caseId() const
    {
        return m_caseId;
    }

    domain::Draft::Kind currentKind() const;
    void setCurrentKind(domain::Draft::Kind kind);
    QString aiText() const;
    QString analystText() const;
    /// Counts of highlighted spans (removed from the AI text, inserted by the analyst).
    QPair<int, int> diffSpanCounts() const;
    void setStatusText(const QString& text);

    /// The tenant's Central cases a customer notification can be recorded on, as (id, label),
    /// the suggested one first; the analyst may pick another. Empty: none is known.
    void setCentralCases(const QList<QPair<QString, QString>>& cases);
    /// The Central case the analyst chose for the notification; empty when there is none.
    QString centralCaseId() const;

    /// Writes any pending edit now (on case switch, before approval, on close).
    void flushAutosave();

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

signals:
    void autosaveRequested(const QString& caseId, domain::Draft::Kind kind, const QString& text);
    void approveRequested(const QString& caseId,
                          const QString& tenantId,
                          domain::Draft::Kind kind,
                          const QString& text);
    void rejectRequested(const QString& caseId, domain::Draft::Kind kind);
    void redraftRequested(const QString& caseId, domain::Draft::Kind kind, const QString& note);
    /// The analyst asked to see an evidence item linked to an AI sentence.
    void evidenceRequested(const QString& evidenceId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showKind();
    void analystEdited();
    void updateDiff();
    void approve();
    void reject();
    void redraft();
    void mapSentences();
    int sentenceAt(int position) const;
    void aiCursorMoved();
    void showSentence(int index);
    void applyAiSelections();
    void openFirstEvidence();
    QString evidenceLabel(const QString& evidenceId) const;

    /// Where one linked sentence sits in the AI editor's text.
    struct SentenceRange
    {
        int start = 0;
        int end = 0;  ///< one past the last character
        int link = 0; ///< index into Draft::aiSentences
    };

    std::unique_ptr<Ui::DraftEditorPane> m_ui;
    QTimer* m_autosave;
    QTimer* m_diffDelay;
    QString m_caseId;
    QString m_tenantId;
    QHash<int, domain::Draft> m_drafts; ///< by Draft::Kind
    bool m_dirty = false;
    bool m_loading = false;
    QPair<int, int> m_diffCounts;
    QList<SentenceRange> m_sentences;
    int m_shownSentence = -1; ///< index into m_sentences; -1 when the cursor is in none
    QList<QTextEdit::ExtraSelection> m_aiDiffSelections;
};

} // namespace mtr::app
