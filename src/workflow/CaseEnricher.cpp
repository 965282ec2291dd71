// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/CaseEnricher.h"

#include "ai/OpenAiCompatibleBackend.h"
#include "ai/PlaybookCatalog.h"
#include "log/Log.h"
#include "store/AlertRepository.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Digest.h"
#include "store/DraftRepository.h"
#include "store/ProposalRepository.h"
#include "workflow/ApprovalService.h"
#include "workflow/CaseAssembler.h"
#include "workflow/ProposalMapper.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mtr::workflow {

namespace {

const QList<ai::DraftKind> StoredKinds = {ai::DraftKind::CaseSummary,
                                          ai::DraftKind::CustomerNotification,
                                          ai::DraftKind::ExecutiveSummary};

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

CaseEnricher::CaseEnricher(store::Database& db,
                           EnrichmentOptions options,
                           std::shared_ptr<std::atomic_bool> cancelFlag,
                           QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_options(std::move(options))
    , m_cancelFlag(std::move(cancelFlag))
{
    qRegisterMetaType<mtr::workflow::EnrichmentReport>();
    m_cancelPoll.setInterval(100);
    connect(&m_cancelPoll, &QTimer::timeout, this, &CaseEnricher::checkCancel);
}

CaseEnricher::~CaseEnricher()
{
    if (m_session)
        m_session->cancel();
}

bool CaseEnricher::toDomainKind(ai::DraftKind kind, domain::Draft::Kind* out)
{
    switch (kind) {
    case ai::DraftKind::CaseSummary:
        *out = domain::Draft::Kind::Summary;
        return true;
    case ai::DraftKind::CustomerNotification:
        *out = domain::Draft::Kind::CustomerNotification;
        return true;
    case ai::DraftKind::ExecutiveSummary:
        *out = domain::Draft::Kind::ExecutiveSummary;
        return true;
    case ai::DraftKind::TimelineNarrative:
        break;
    }
    return false;
}

void CaseEnricher::start(const QString& alertId, const QString& tenantId, DraftNotes notes)
{
    m_alertId = alertId;
    m_notes = std::move(notes);
    m_report = EnrichmentReport();
    m_report.caseId = CaseAssembler::caseIdFor(alertId);
    m_report.tenantId = tenantId;
    m_finished = false;
    m_cancelPoll.start();
    QTimer::singleShot(0, this, &CaseEnricher::run);
}

void CaseEnricher::cancel()
{
    if (!m_cancelFlag)
        m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancelFlag->store(true);
    checkCancel();
}

bool CaseEnricher::cancelled() const
{
    return m_cancelFlag && m_cancelFlag->load();
}

void CaseEnricher::checkCancel()
{
    if (!cancelled() || m_finished)
        return;
    if (m_session && m_session->isBusy()) {
        m_session->cancel(); // modelDraftFailed(Cancelled) finishes
        return;
    }
    if (m_pendingKinds.isEmpty() && !m_session)
        return; // run() has not started yet; it checks the flag itself
    m_pendingKinds.clear();
    const Error e = Error::make(Error::Code::Cancelled, QStringLiteral("cancelled"));
    finish(&e);
}

void CaseEnricher::run()
{
    if (cancelled()) {
        const Error e = Error::make(Error::Code::Cancelled, QStringLiteral("cancelled"));
        finish(&e);
        return;
    }
    if (auto r = prepare(); !r) {
        finish(&r.error());
        return;
    }
    if (!m_options.useModel || cancelled()) {
        finish(nullptr);
        return;
    }
    auto* backend = new ai::OpenAiCompatibleBackend(m_options.model, this);
    m_backend = backend;
    connect(m_session.get(),
            &ai::DraftSession::partialTextChanged,
            this,
            [this](ai::DraftKind kind, const QString& text) {
                domain::Draft::Kind k;
                if (toDomainKind(kind, &k))
                    emit draftTextStreamed(m_report.caseId, int(k), text);
            });
    connect(m_session.get(),
            &ai::DraftSession::modelDraftReady,
            this,
            &CaseEnricher::onModelDraftReady);
    connect(m_session.get(),
            &ai::DraftSession::modelDraftFailed,
            this,
            &CaseEnricher::onModelDraftFailed);
    connect(m_session.get(),
            &ai::DraftSession::auditRecorded,
            this,
            &CaseEnricher::onAuditRecorded);
    m_pendingKinds = StoredKinds;
    nextModelDraft();
}

Result<void> CaseEnricher::prepare()
{
    const int total = m_options.useModel ? 5 : 4;
    emit progressed(m_report.caseId, QStringLiteral("assemble"), 0, total);
    CaseAssembler assembler(m_db);
    auto assembled = assembler.assemble(m_alertId, m_report.tenantId);
    if (!assembled)
        return assembled.error();
    m_report.newIndicators = assembled.value().newIndicators;
    auto file = assembler.load(m_report.caseId, m_report.tenantId);
    if (!file)
        return file.error();
    m_case = file.value();
    m_auditRedactor = std::make_unique<ai::Redactor>(m_case);

    emit progressed(m_report.caseId, QStringLiteral("proposals"), 1, total);
    auto catalog = ai::PlaybookCatalog::builtIn();
    if (!catalog)
        return catalog.error();
    const TenantPolicy policy = m_options.policy.policyFor(m_report.tenantId);
    ai::ProposalEngine engine(catalog.value(), m_case.techniques);
    const ai::ProposalSet set = engine.propose(m_case, policy.phase, {});
    ai::GroundingContext context{set.proposals, set.techniques, !set.falsePositiveHints.isEmpty()};
    m_session = std::make_unique<ai::DraftSession>(m_case, context);

    emit progressed(m_report.caseId, QStringLiteral("offline-drafts"), 2, total);
    for (ai::DraftKind kind : StoredKinds) {
        if (auto r = storeDraft(m_session->offlineDraft(kind), QStringLiteral("offline")); !r)
            return r;
    }
    if (auto r = storeProposals(set); !r)
        return r;

    emit progressed(m_report.caseId, QStringLiteral("score"), 3, total);
    const bool matched =
        !m_case.alerts.isEmpty() && !catalog.value().playbooksFor(m_case.alerts.first()).isEmpty();
    m_report.score = AiScorer::score(m_case, set, matched);
    if (auto r = store::AlertRepository(m_db).setAiScore(m_alertId,
                                                         m_report.tenantId,
                                                         m_report.score.score);
        !r)
        return r;
    return audit(QStringLiteral("ai-score"),
                 {{QStringLiteral("alertId"), m_alertId},
                  {QStringLiteral("score"), m_report.score.score},
                  {QStringLiteral("reasons"), toArray(m_report.score.reasons)}});
}

Result<void> CaseEnricher::storeProposals(const ai::ProposalSet& set)
{
    const TenantPolicy policy = m_options.policy.policyFor(m_report.tenantId);
    store::ProposalRepository proposals(m_db);
    ApprovalService approvals(m_db, m_options.policy);
    for (const ai::Proposal& step : set.proposals) {
        const domain::Proposal p = ProposalMapper::toDomain(step, m_case);
        if (!RolloutPolicy::acceptsKind(policy.phase, p.kind))
            continue;
        ++m_report.proposals;
        auto existing = proposals.get(p.id);
        if (!existing)
            return existing.error();
        if (existing.value())
            continue; // keep its status and approvals; re-enrichment never reopens it
        if (auto r = proposals.upsert(p); !r)
            return r;
        if (auto r = audit(QStringLiteral("proposal"),
                           {{QStringLiteral("proposalId"), p.id},
                            {QStringLiteral("proposalKind"), p.kind},
                            {QStringLiteral("playbook"), step.playbookId},
                            {QStringLiteral("step"), step.id},
                            {QStringLiteral("digest"), store::contentDigest(p.content)},
                            {QStringLiteral("highImpact"), p.highImpact},
                            {QStringLiteral("automatic"), step.automatic}});
            !r)
            return r;
        if (step.automatic && RolloutPolicy::isAutomatable(policy, step.playbookId, step.id)) {
            auto approved = approvals.autoApprove(p, step.playbookId, step.id);
            if (!approved)
                return approved.error();
            ++m_report.autoApproved;
        }
    }
    return {};
}

Result<void> CaseEnricher::storeDraft(const ai::GroundingResult& result, const QString& origin)
{
    domain::Draft::Kind kind;
    if (!toDomainKind(result.cleaned.kind, &kind))
        return {};
    const QString text = result.cleaned.plainText();
    if (text.trimmed().isEmpty())
        return Error::make(Error::Code::InvalidInput, QStringLiteral("empty draft"));
    domain::Draft draft;
    draft.caseId = m_report.caseId;
    draft.tenantId = m_report.tenantId;
    draft.kind = kind;
    draft.aiText = text;
    draft.aiUpdatedAt = QDateTime::currentDateTimeUtc();
    for (const ai::DraftSentence& s : result.cleaned.sentences)
        draft.aiSentences.append({s.text.trimmed(), s.evidenceIds}); // trimmed as in plainText()
    if (auto r = store::DraftRepository(m_db).saveAiVersion(draft); !r)
        return r;
    QJsonArray findings;
    for (const auto& f : result.findings)
        findings.append(f.kind);
    QStringList cited;
    for (const auto& s : result.cleaned.sentences)
        cited.append(s.evidenceIds);
    cited.removeDuplicates();
    if (auto r = audit(QStringLiteral("draft"),
                       {{QStringLiteral("draftKind"), domain::Draft::kindToString(kind)},
                        {QStringLiteral("origin"), origin},
                        {QStringLiteral("digest"), store::contentDigest(text)},
                        {QStringLiteral("sentences"), int(result.cleaned.sentences.size())},
                        {QStringLiteral("struck"), findings},
                        {QStringLiteral("evidenceIds"),
                         m_auditRedactor->redact(cited.join(QLatin1Char('\n')))},
                        {QStringLiteral("text"), m_auditRedactor->redact(text)}});
        !r)
        return r;
    ++m_report.drafts;
    emit draftStored(m_report.caseId, int(kind), origin);
    return {};
}

Result<void> CaseEnricher::audit(const QString& kind, const QJsonObject& payload)
{
    domain::AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.tenantId = m_report.tenantId;
    entry.caseId = m_report.caseId;
    entry.analyst = QStringLiteral(""); // the system
    entry.kind = kind;
    entry.payload = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    auto r = store::AuditLog(m_db).append(entry);
    if (!r)
        return r.error();
    return {};
}

void CaseEnricher::nextModelDraft()
{
    if (m_pendingKinds.isEmpty() || cancelled()) {
        finish(nullptr);
        return;
    }
    const ai::DraftKind kind = m_pendingKinds.takeFirst();
    emit progressed(m_report.caseId, QStringLiteral("model-") + ai::draftKindName(kind), 4, 5);
    domain::Draft::Kind domainKind;
    const QString note =
        toDomainKind(kind, &domainKind) ? m_notes.value(int(domainKind)) : QString();
    m_session->requestModelDraft(m_backend, kind, note);
}

void CaseEnricher::onModelDraftReady(ai::DraftKind kind, const ai::GroundingResult& result)
{
    if (result.cleaned.sentences.isEmpty()) {
        m_report.modelFailures.append(ai::draftKindName(kind)
                                      + QStringLiteral(": every sentence was struck"));
    } else if (auto r = storeDraft(result, m_backend->name()); !r) {
        m_report.modelFailures.append(ai::draftKindName(kind) + QStringLiteral(": ")
                                      + r.error().message);
    } else {
        ++m_report.modelDrafts;
        --m_report.drafts; // replaces the offline draft of the same kind
    }
    QTimer::singleShot(0, this, &CaseEnricher::nextModelDraft);
}

void CaseEnricher::onModelDraftFailed(ai::DraftKind kind, const Error& error)
{
    m_report.modelFailures.append(ai::draftKindName(kind) + QStringLiteral(": ") + error.message);
    if (error.code == Error::Code::Cancelled || cancelled()) {
        m_pendingKinds.clear();
        finish(&error);
        return;
    }
    QTimer::singleShot(0, this, &CaseEnricher::nextModelDraft);
}

void CaseEnricher::onAuditRecorded(const ai::AuditRecord& record)
{
    QJsonArray findings;
    for (const QString& f : record.findings)
        findings.append(f);
    const QString kind = ai::draftKindName(record.kind);
    auto r1 = audit(QStringLiteral("model-request"),
                    {{QStringLiteral("backend"), record.backend},
                     {QStringLiteral("draftKind"), kind},
                     {QStringLiteral("onPremises"), record.onPremises},
                     {QStringLiteral("request"), QString::fromUtf8(record.redactedRequest)}});
    auto r2 = audit(QStringLiteral("model-answer"),
                    {{QStringLiteral("backend"), record.backend},
                     {QStringLiteral("draftKind"), kind},
                     {QStringLiteral("answer"), record.redactedAnswer},
                     {QStringLiteral("attempts"), record.attempts},
                     {QStringLiteral("outcome"), record.outcome},
                     {QStringLiteral("struck"), findings}});
    if (!r1 || !r2)
        m_report.modelFailures.append(QStringLiteral("audit: ")
                                      + (!r1 ? r1.error().message : r2.error().message));
}

void CaseEnricher::finish(const Error* error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_cancelPoll.stop();
    m_report.ok = error == nullptr;
    m_report.cancelled = error != nullptr && error->code == Error::Code::Cancelled;
    if (error)
        m_report.error = *error;
    mtr::log::get("workflow")
        ->info("case enriched case={} ok={} drafts={} model={} proposals={}",
               mtr::log::fingerprint(m_report.caseId),
               m_report.ok,
               m_report.drafts,
               m_report.modelDrafts,
               m_report.proposals);
    emit finished(m_report);
}

} // namespace mtr::workflow
