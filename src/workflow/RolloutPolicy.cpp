// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/RolloutPolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mtr::workflow {

namespace {

QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray()) {
        if (!v.toString().isEmpty())
            out.append(v.toString());
    }
    return out;
}

Result<TenantPolicy> policyFromJson(const QJsonObject& o, const TenantPolicy& base)
{
    TenantPolicy p = base;
    if (o.contains(QLatin1String("phase"))) {
        const QString phase = o.value(QLatin1String("phase")).toString();
        p.phase = domain::rolloutPhaseFromString(phase);
        if (domain::rolloutPhaseToString(p.phase) != phase.trimmed().toLower())
            return Error::make(Error::Code::InvalidInput,
                               QStringLiteral("unknown rollout phase \"%1\"").arg(phase));
    }
    if (o.contains(QLatin1String("secondApprover")))
        p.secondApproverForHighImpact = o.value(QLatin1String("secondApprover")).toBool();
    if (o.contains(QLatin1String("automationSteps")))
        p.automationSteps = stringList(o.value(QLatin1String("automationSteps")));
    if (o.contains(QLatin1String("contacts")))
        p.contacts = stringList(o.value(QLatin1String("contacts")));
    if (o.contains(QLatin1String("mailFrom")))
        p.mailFrom = o.value(QLatin1String("mailFrom")).toString();
    return p;
}

} // namespace

Result<RolloutPolicy> RolloutPolicy::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("policy is not a JSON object: ")
                               + parseError.errorString());
    RolloutPolicy policy;
    const QJsonObject root = doc.object();
    auto def = policyFromJson(root.value(QLatin1String("default")).toObject(), TenantPolicy());
    if (!def)
        return def.error();
    policy.m_default = def.value();
    const QJsonObject tenants = root.value(QLatin1String("tenants")).toObject();
    for (auto it = tenants.begin(); it != tenants.end(); ++it) {
        auto p = policyFromJson(it.value().toObject(), policy.m_default);
        if (!p)
            return p.error();
        policy.m_tenants.insert(it.key(), p.value());
    }
    return policy;
}

Result<RolloutPolicy> RolloutPolicy::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("cannot read policy file: ") + file.errorString());
    return fromJson(file.readAll());
}

TenantPolicy RolloutPolicy::policyFor(const QString& tenantId) const
{
    return m_tenants.value(tenantId, m_default);
}

void RolloutPolicy::setPolicy(const QString& tenantId, const TenantPolicy& policy)
{
    m_tenants.insert(tenantId, policy);
}

void RolloutPolicy::setDefaultPolicy(const TenantPolicy& policy)
{
    m_default = policy;
}

bool RolloutPolicy::acceptsKind(domain::RolloutPhase phase, const QString& kind)
{
    if (kind == QLatin1String("customer-message"))
        return true;
    return phase != domain::RolloutPhase::ReadOnly;
}

int RolloutPolicy::requiredApprovals(const TenantPolicy& policy, bool highImpact)
{
    return highImpact && policy.secondApproverForHighImpact ? 2 : 1;
}

bool RolloutPolicy::isAutomatable(const TenantPolicy& policy,
                                  const QString& playbookId,
                                  const QString& stepId)
{
    if (policy.phase != domain::RolloutPhase::ConditionalAutomation)
        return false;
    return policy.automationSteps.contains(stepId)
           || policy.automationSteps.contains(playbookId + QLatin1Char('/') + stepId);
}

} // namespace mtr::workflow
