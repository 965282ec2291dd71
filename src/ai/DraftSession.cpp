// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/DraftSession.h"

#include "ai/PromptBuilder.h"
#include "log/Log.h"

using namespace Qt::StringLiterals;

namespace mtr::ai {

DraftSession::DraftSession(CaseFile caseFile, GroundingContext context, QObject* parent)
    : QObject(parent)
    , m_case(std::move(caseFile))
    , m_context(std::move(context))
    , m_redactor(m_case)
    , m_offline(m_case)
    , m_validator(m_case, m_context)
{}

GroundingResult DraftSession::offlineDraft(DraftKind kind) const
{
    return m_validator.validate(m_offline.draft(kind));
}

void DraftSession::requestModelDraft(LlmBackend* backend,
                                     DraftKind kind,
                                     const QString& analystNote)
{
    cancel();
    m_backend = backend;
    m_kind = kind;
    m_streamed.clear();

    const bool redact = !backend->isOnPremises();
    PromptBuilder builder(m_case, redact ? &m_redactor : nullptr);
    LlmRequest request;
    request.messages = builder.build(kind, analystNote);
    m_aliases = builder.evidenceAliases();
    request.jsonSchema = draftJsonSchema();

    connect(backend, &LlmBackend::chunkReceived, this, &DraftSession::onChunk);
    connect(backend, &LlmBackend::finished, this, &DraftSession::onFinished);
    connect(backend, &LlmBackend::retryScheduled, this, [this](int attempt, int delayMs) {
        emit retryScheduled(m_kind, attempt, delayMs);
    });
    mtr::log::get("ai")->info("model draft requested case={} kind={} redacted={}",
                              mtr::log::fingerprint(m_case.caseId),
                              draftKindName(kind),
                              redact);
    backend->start(request);
}

void DraftSession::cancel()
{
    if (m_backend) {
        m_backend->cancel(); // reports through onFinished
    }
}

void DraftSession::onChunk(const QString& piece)
{
    m_streamed += piece;
    emit partialTextChanged(m_kind, m_redactor.restore(m_streamed));
}

void DraftSession::onFinished(const LlmAnswer& answer)
{
    LlmBackend* backend = m_backend;
    m_backend = nullptr;
    if (backend != nullptr) {
        disconnect(backend, nullptr, this, nullptr);
    }

    AuditRecord audit;
    audit.at = QDateTime::currentDateTimeUtc();
    audit.caseId = m_case.caseId;
    audit.backend = backend != nullptr ? backend->name() : QString();
    audit.kind = m_kind;
    audit.onPremises = backend != nullptr && backend->isOnPremises();
    audit.attempts = answer.attempts;
    // The audit log never holds clear text: an on-premises exchange is redacted for it here.
    audit.redactedRequest = audit.onPremises
                                ? m_redactor.redact(QString::fromUtf8(answer.requestBody)).toUtf8()
                                : answer.requestBody;
    audit.redactedAnswer = audit.onPremises ? m_redactor.redact(answer.text) : answer.text;

    if (!answer.ok) {
        audit.outcome = u"error:"_s + QString::number(int(answer.error.code));
        emit auditRecorded(audit);
        emit modelDraftFailed(m_kind, answer.error);
        return;
    }
    // Parse first, restore after: a restored value may hold quotes or backslashes.
    auto draft = draftFromModelAnswer(answer.text, m_kind);
    if (!draft) {
        audit.outcome = u"invalid-answer"_s;
        emit auditRecorded(audit);
        emit modelDraftFailed(m_kind, draft.error());
        return;
    }
    draft.value().origin = audit.backend;
    for (auto& sentence : draft.value().sentences) {
        sentence.text = m_redactor.restore(sentence.text);
        for (auto& id : sentence.evidenceIds) {
            id = m_aliases.value(id.trimmed(), id); // an unknown alias stays and is flagged
        }
    }
    GroundingResult result = m_validator.validate(draft.value());
    audit.outcome = u"ok"_s;
    for (const auto& f : result.findings) {
        audit.findings.append(f.kind + u':' + m_redactor.redact(f.value));
    }
    emit auditRecorded(audit);
    emit modelDraftReady(m_kind, result);
}

} // namespace mtr::ai
