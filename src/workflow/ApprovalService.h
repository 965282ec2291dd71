// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Approval.h"
#include "domain/Proposal.h"
#include "domain/Result.h"
#include "workflow/RolloutPolicy.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// What an approval led to.
struct ApprovalOutcome
{
    domain::Approval approval;
    int validApprovers = 0; ///< different analysts whose approval matches the content now
    int requiredApprovers = 1;
    bool enqueued = false; ///< the outbox holds the item (now or from an earlier approval)
    qint64 outboxId = 0;
};

/// The one way into the outbox. An approval names the analyst and binds the SHA-256 of the
/// exact content they saw (a later change voids it); it is audited; once enough different
/// analysts approved (two for high-impact actions where the tenant asks for it) the exact
/// content is enqueued. The tenant's rollout phase decides what may be approved at all, and
/// conditional automation approves named low-risk steps as "automation:<playbook>".
class ApprovalService
{
public:
    /// Works on \p db (this thread's), which must outlive this object.
    ApprovalService(store::Database& db, RolloutPolicy policy);

    /// The analyst name automation approves under: "automation:<playbookId>".
    static QString automationAnalyst(const QString& playbookId);
    /// The playbook an automation approver name stands for; empty for a named analyst.
    static QString automationPlaybook(const QString& analyst);

    /// Records \p analyst's approval of \p contentSeen for a proposal and enqueues it when
    /// enough analysts approved. NotAllowed (and audited) when the phase refuses the kind, the
    /// content is not the proposal's, the analyst name is empty or reserved for automation.
    Result<ApprovalOutcome> approve(const QString& proposalId,
                                    const QString& analyst,
                                    const QString& contentSeen,
                                    const QDateTime& now = QDateTime::currentDateTimeUtc());

    /// Approves an automatic step of conditional automation; NotAllowed unless the tenant's
    /// policy names the step. Audited as "auto-approval".
    Result<ApprovalOutcome> autoApprove(const domain::Proposal& proposal,
                                        const QString& playbookId,
                                        const QString& stepId,
                                        const QDateTime& now = QDateTime::currentDateTimeUtc());

    /// Stores (or replaces) the customer message of a case as proposal "message:<caseId>",
    /// content = \p content (see OutboxPayload::customerMessage). Changing it voids approvals.
    Result<domain::Proposal> proposeMessage(const QString& caseId,
                                            const QString& tenantId,
                                            const QString& content,
                                            const QString& title);

    /// Rejects a proposal and audits who and why.
    Result<void> reject(const QString& proposalId, const QString& analyst, const QString& reason);

    /// The policy in use.
    const RolloutPolicy& policy() const
    {
        return m_policy;
    }

private:
    Result<ApprovalOutcome> record(const domain::Proposal& proposal,
                                   const QString& analyst,
                                   const QString& contentSeen,
                                   const QDateTime& now,
                                   const QString& auditKind);
    Result<void> audit(const QString& kind,
                       const QString& analyst,
                       const domain::Proposal& proposal,
                       QJsonObject payload);

    store::Database& m_db;
    RolloutPolicy m_policy;
};

} // namespace mtr::workflow
