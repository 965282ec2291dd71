// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "domain/RolloutPhase.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace mtr::workflow {

/// What one tenant allows: its rollout phase, whether high-impact actions need a second,
/// different analyst, which low-risk playbook steps may run without a click, and where
/// customer messages go.
struct TenantPolicy
{
    domain::RolloutPhase phase = domain::RolloutPhase::ReadOnly;
    bool secondApproverForHighImpact = true;
    /// "<playbookId>/<stepId>" or "<stepId>" of steps that conditional automation may approve.
    QStringList automationSteps = {QStringLiteral("block-hash"),
                                   QStringLiteral("alert-acknowledge")};
    QStringList contacts; ///< customer e-mail addresses for customer messages
    QString mailFrom;     ///< sender address; empty: the SMTP profile's default
};

/// The per-tenant policies of a workspace, with a default for tenants not listed. Decides which
/// proposal kinds a phase accepts and which need two analysts. Read from JSON:
/// {"default": {...}, "tenants": {"<id>": {"phase": "assisted", "secondApprover": true,
/// "automationSteps": [...], "contacts": [...], "mailFrom": "..."}}}.
class RolloutPolicy
{
public:
    /// Every tenant read-only until configured.
    RolloutPolicy() = default;

    /// Parses the JSON form; InvalidInput names the first problem.
    static Result<RolloutPolicy> fromJson(const QByteArray& json);

    /// Reads the JSON form from a file.
    static Result<RolloutPolicy> fromFile(const QString& path);

    /// The policy of a tenant (the default when it is not listed).
    TenantPolicy policyFor(const QString& tenantId) const;

    /// Sets one tenant's policy.
    void setPolicy(const QString& tenantId, const TenantPolicy& policy);

    /// Sets the policy of tenants not listed.
    void setDefaultPolicy(const TenantPolicy& policy);

    /// Whether a proposal of \p kind may be made or approved in \p phase. Customer messages are
    /// the analyst's own words and allowed in every phase; assistant actions (containment,
    /// Live Discover) are refused in read-only.
    static bool acceptsKind(domain::RolloutPhase phase, const QString& kind);

    /// How many different analysts must approve: two for high-impact items when the tenant asks
    /// for a second approver, else one.
    static int requiredApprovals(const TenantPolicy& policy, bool highImpact);

    /// Whether conditional automation may approve this playbook step by itself.
    static bool
    isAutomatable(const TenantPolicy& policy, const QString& playbookId, const QString& stepId);

private:
    TenantPolicy m_default;
    QHash<QString, TenantPolicy> m_tenants;
};

} // namespace mtr::workflow
