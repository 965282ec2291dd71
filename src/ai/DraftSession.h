// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/AuditRecord.h"
#include "ai/CaseFile.h"
#include "ai/Draft.h"
#include "ai/GroundingValidator.h"
#include "ai/LlmBackend.h"
#include "ai/OfflineDrafter.h"
#include "ai/Redactor.h"
#include "domain/Error.h"

#include <QObject>
#include <QPointer>

namespace mtr::ai {

/// The drafting work for one case: the offline drafts exist from the start and are never
/// replaced by a failure; a model draft is requested on top, redacted on the way out unless the
/// backend is on-premises, streamed back with tokens restored, then validated for grounding.
/// Every exchange is reported as an AuditRecord.
class DraftSession : public QObject
{
    Q_OBJECT

public:
    /// `context` lists what drafts may mention besides the evidence (allowed proposals, ...).
    DraftSession(CaseFile caseFile, GroundingContext context, QObject* parent = nullptr);

    /// The offline draft of a kind, validated; available at once and kept whatever the model does.
    GroundingResult offlineDraft(DraftKind kind) const;

    /// Asks `backend` (not owned; must outlive the request) for a draft of `kind`, with the
    /// analyst's note for a new draft if any. A request already running is cancelled.
    void requestModelDraft(LlmBackend* backend, DraftKind kind, const QString& analystNote = {});

    /// Cancels a running model request.
    void cancel();

    /// Whether a model request is running.
    bool isBusy() const
    {
        return !m_backend.isNull();
    }

    /// alias -> evidence id used in the last prompt (the model cites aliases).
    QHash<QString, QString> evidenceAliases() const
    {
        return m_aliases;
    }

    /// The case's redactor (its token map is needed to show the audit in clear to an analyst).
    const Redactor& redactor() const
    {
        return m_redactor;
    }

signals:
    /// The model's answer so far, tokens mapped back, for a live editor view.
    void partialTextChanged(mtr::ai::DraftKind kind, const QString& text);
    /// A validated model draft.
    void modelDraftReady(mtr::ai::DraftKind kind, const mtr::ai::GroundingResult& result);
    /// The model server asked us to wait (429/5xx); progress for the UI.
    void retryScheduled(mtr::ai::DraftKind kind, int attempt, int delayMs);
    /// The model failed; the offline draft stands.
    void modelDraftFailed(mtr::ai::DraftKind kind, const mtr::Error& error);
    /// One model exchange for the audit log.
    void auditRecorded(const mtr::ai::AuditRecord& record);

private:
    void onChunk(const QString& piece);
    void onFinished(const LlmAnswer& answer);

    CaseFile m_case;
    GroundingContext m_context;
    Redactor m_redactor;
    OfflineDrafter m_offline;
    GroundingValidator m_validator;
    QPointer<LlmBackend> m_backend;
    DraftKind m_kind = DraftKind::CaseSummary;
    QString m_streamed;
    QHash<QString, QString> m_aliases;
};

} // namespace mtr::ai

Q_DECLARE_METATYPE(mtr::ai::GroundingResult)
