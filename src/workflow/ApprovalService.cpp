// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/ApprovalService.h"

#include "log/Log.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Digest.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "workflow/OutboxPayload.h"

#include <QJsonDocument>
#include <QSet>

namespace mtr::workflow {

namespace {

const QLatin1String AutomationPrefix("automation:");

Error refused(const QString& why)
{
    return Error::make(Error::Code::NotAllowed, why);
}

} // namespace

ApprovalService::ApprovalService(store::Database& db, RolloutPolicy policy)
    : m_db(db)
    , m_policy(std::move(policy))
{}

QString ApprovalService::automationAnalyst(const QString& playbookId)
{
    return AutomationPrefix + playbookId;
}

QString ApprovalService::automationPlaybook(const QString& analyst)
{
    return analyst.startsWith(AutomationPrefix) ? analyst.mid(AutomationPrefix.size()) : QString();
}

Result<void> ApprovalService::audit(const QString& kind,
                                    const QString& analyst,
                                    const domain::Proposal& proposal,
                                    QJsonObject payload)
{
    payload.insert(QStringLiteral("proposalId"), proposal.id);
    payload.insert(QStringLiteral("proposalKind"), proposal.kind);
    domain::AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.analyst = analyst.isNull() ? QStringLiteral("") : analyst; // "": the system
    entry.tenantId = proposal.tenantId;
    entry.caseId = proposal.caseId;
    entry.kind = kind;
    entry.payload = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    auto r = store::AuditLog(m_db).append(entry);
    if (!r)
        return r.error();
    return {};
}

Result<ApprovalOutcome> ApprovalService::approve(const QString& proposalId,
                                                 const QString& analyst,
                                                 const QString& contentSeen,
                                                 const QDateTime& now)
{
    auto found = store::ProposalRepository(m_db).get(proposalId);
    if (!found)
        return found.error();
    if (!found.value())
        return Error::make(Error::Code::NotFound, QStringLiteral("no such proposal"));
    const domain::Proposal& proposal = *found.value();
    QString why;
    if (analyst.trimmed().isEmpty())
        why = QStringLiteral("an approval needs a named analyst");
    else if (analyst.startsWith(AutomationPrefix))
        why = QStringLiteral("automation names are reserved");
    else if (!RolloutPolicy::acceptsKind(m_policy.policyFor(proposal.tenantId).phase,
                                         proposal.kind))
        why = QStringLiteral("the tenant's rollout phase accepts no such proposal");
    if (!why.isEmpty()) {
        if (auto r = audit(QStringLiteral("approval-refused"),
                           analyst,
                           proposal,
                           {{QStringLiteral("reason"), why}});
            !r)
            return r.error();
        return refused(why);
    }
    return record(proposal, analyst, contentSeen, now, QStringLiteral("approval"));
}

Result<ApprovalOutcome> ApprovalService::autoApprove(const domain::Proposal& proposal,
                                                     const QString& playbookId,
                                                     const QString& stepId,
                                                     const QDateTime& now)
{
    const TenantPolicy policy = m_policy.policyFor(proposal.tenantId);
    if (!RolloutPolicy::isAutomatable(policy, playbookId, stepId) || proposal.highImpact)
        return refused(QStringLiteral("step is not named for conditional automation"));
    return record(proposal,
                  automationAnalyst(playbookId),
                  proposal.content,
                  now,
                  QStringLiteral("auto-approval"));
}

Result<ApprovalOutcome> ApprovalService::record(const domain::Proposal& proposal,
                                                const QString& analyst,
                                                const QString& contentSeen,
                                                const QDateTime& now,
                                                const QString& auditKind)
{
    store::ProposalRepository proposals(m_db);
    if (auto r = m_db.beginTransaction(); !r)
        return r.error();
    auto fail = [this](const Error& e) -> Result<ApprovalOutcome> {
        m_db.rollbackTransaction();
        return e;
    };
    auto approval = proposals.approve(proposal.id, analyst, contentSeen, now);
    if (!approval)
        return fail(approval.error());
    ApprovalOutcome out;
    out.approval = approval.value();
    out.requiredApprovers = RolloutPolicy::requiredApprovals(m_policy.policyFor(proposal.tenantId),
                                                             proposal.highImpact);
    auto valid = proposals.validApprovals(proposal.id);
    if (!valid)
        return fail(valid.error());
    QSet<QString> analysts;
    for (const auto& a : valid.value())
        analysts.insert(a.analyst);
    out.validApprovers = int(analysts.size());
    QJsonObject payload{{QStringLiteral("digest"), out.approval.contentDigest},
                        {QStringLiteral("approvers"), out.validApprovers},
                        {QStringLiteral("required"), out.requiredApprovers}};
    if (auto r = audit(auditKind, analyst, proposal, payload); !r)
        return fail(r.error());
    if (out.validApprovers >= out.requiredApprovers
        && proposal.kind != QLatin1String(OutboxPayload::LiveResponse)) {
        domain::OutboxItem item;
        item.idempotencyKey = proposal.id + QLatin1Char('@') + out.approval.contentDigest;
        item.tenantId = proposal.tenantId;
        item.caseId = proposal.caseId;
        item.proposalId = proposal.id;
        item.kind = proposal.kind;
        item.payload = contentSeen;
        auto queued = store::OutboxRepository(m_db).enqueue(item, now, out.requiredApprovers);
        if (!queued)
            return fail(queued.error());
        out.enqueued = true;
        out.outboxId = queued.value().id;
        payload.insert(QStringLiteral("outboxId"), QString::number(out.outboxId));
        if (auto r = audit(QStringLiteral("enqueued"), analyst, proposal, payload); !r)
            return fail(r.error());
    }
    if (auto r = m_db.commitTransaction(); !r)
        return r.error();
    mtr::log::get("workflow")
        ->info("approval recorded proposal={} approvers={}/{} enqueued={}",
               mtr::log::fingerprint(proposal.id),
               out.validApprovers,
               out.requiredApprovers,
               out.enqueued);
    return out;
}

Result<domain::Proposal> ApprovalService::proposeMessage(const QString& caseId,
                                                         const QString& tenantId,
                                                         const QString& content,
                                                         const QString& title)
{
    if (auto parsed = OutboxPayload::parse(content);
        !parsed
        || parsed.value().value(QLatin1String("type")).toString()
               != QLatin1String(OutboxPayload::CustomerMessage))
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("a customer message needs customer-message content"));
    domain::Proposal p;
    p.id = QStringLiteral("message:") + caseId;
    p.tenantId = tenantId;
    p.caseId = caseId;
    p.kind = QLatin1String(OutboxPayload::CustomerMessage);
    p.title = title;
    p.reason = QStringLiteral("customer notification drafted for the case");
    p.expectedImpact = QStringLiteral("the customer's contacts receive this text");
    p.evidence = QStringLiteral("[]");
    p.content = content;
    p.status = QStringLiteral("open");
    p.createdAt = QDateTime::currentDateTimeUtc();
    if (auto r = store::ProposalRepository(m_db).upsert(p); !r)
        return r.error();
    if (auto r = audit(QStringLiteral("edit"),
                       QString(),
                       p,
                       {{QStringLiteral("digest"), store::contentDigest(content)}});
        !r)
        return r.error();
    return p;
}

Result<void>
ApprovalService::reject(const QString& proposalId, const QString& analyst, const QString& reason)
{
    store::ProposalRepository proposals(m_db);
    auto found = proposals.get(proposalId);
    if (!found)
        return found.error();
    if (!found.value())
        return Error::make(Error::Code::NotFound, QStringLiteral("no such proposal"));
    if (auto r = proposals.setStatus(proposalId, QStringLiteral("rejected")); !r)
        return r;
    return audit(QStringLiteral("rejection"),
                 analyst,
                 *found.value(),
                 {{QStringLiteral("reason"), reason}});
}

} // namespace mtr::workflow
