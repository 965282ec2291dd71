// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/AuditRecord.h"
#include "ai/DraftSession.h"
#include "ai/ProposalEngine.h"
#include "domain/Draft.h"
#include "workflow/EnrichmentReport.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// Enriches one case on the thread it lives on, with that thread's Database: assembles the
/// case, stores the offline drafts at once, stores the proposals the rollout phase allows (and
/// lets conditional automation approve its named steps), scores the alert, then, when a model
/// is configured, asks it for each draft with redaction and streaming and stores the grounded
/// result. Every proposal, draft and model exchange is audited. EnrichmentJob runs it off the
/// GUI thread; tests and the agent may run it directly.
class CaseEnricher : public QObject
{
    Q_OBJECT

public:
    /// Works on \p db (this thread's). \p cancelFlag, when given, is polled so another thread
    /// can cancel.
    CaseEnricher(store::Database& db,
                 EnrichmentOptions options,
                 std::shared_ptr<std::atomic_bool> cancelFlag = {},
                 QObject* parent = nullptr);
    ~CaseEnricher() override;

    /// Starts enriching the case of an alert on the next event-loop turn; finished() follows.
    void start(const QString& alertId, const QString& tenantId, DraftNotes notes = {});

    /// Stops after the current step; the offline drafts already stored stay.
    void cancel();

    /// The domain draft kind of an assistant draft kind (the timeline narrative has none).
    static bool toDomainKind(ai::DraftKind kind, domain::Draft::Kind* out);

signals:
    /// Step \p step (\p done of \p total) of a case began.
    void progressed(const QString& caseId, const QString& step, int done, int total);
    /// The model's text so far for one draft, tokens mapped back.
    void draftTextStreamed(const QString& caseId, int draftKind, const QString& text);
    /// An AI draft of a case was stored; origin is "offline" or the backend name.
    void draftStored(const QString& caseId, int draftKind, const QString& origin);
    /// The case is done (or failed, or was cancelled).
    void finished(const mtr::workflow::EnrichmentReport& report);

private:
    void run();
    Result<void> prepare();
    Result<void> storeProposals(const ai::ProposalSet& set);
    Result<void> storeDraft(const ai::GroundingResult& result, const QString& origin);
    Result<void> audit(const QString& kind, const QJsonObject& payload);
    void nextModelDraft();
    void onModelDraftReady(ai::DraftKind kind, const ai::GroundingResult& result);
    void onModelDraftFailed(ai::DraftKind kind, const Error& error);
    void onAuditRecorded(const ai::AuditRecord& record);
    void checkCancel();
    void finish(const Error* error);
    bool cancelled() const;

    store::Database& m_db;
    EnrichmentOptions m_options;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    EnrichmentReport m_report;
    QString m_alertId;
    ai::CaseFile m_case;
    std::unique_ptr<ai::DraftSession> m_session;
    std::unique_ptr<ai::Redactor> m_auditRedactor;
    ai::LlmBackend* m_backend = nullptr;
    QList<ai::DraftKind> m_pendingKinds;
    DraftNotes m_notes;
    QTimer m_cancelPoll;
    bool m_finished = false;
};

} // namespace mtr::workflow
