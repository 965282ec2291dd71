// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/ProposalMapper.h"

#include "workflow/OutboxPayload.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mtr::workflow {

namespace {

QString firstSha256(const ai::CaseFile& caseFile)
{
    for (const auto& i : caseFile.indicators) {
        if (i.type == domain::Indicator::Type::Sha256)
            return i.value;
    }
    return {};
}

void setContainment(domain::Proposal& p, const ai::Proposal& step, const ai::CaseFile& caseFile)
{
    const QLatin1String alertActionPrefix("alertAction:");
    if (step.action == QLatin1String("isolateEndpoint")) {
        p.kind = QLatin1String(OutboxPayload::IsolateEndpoint);
        p.content = OutboxPayload::isolation({step.endpointId}, step.reason);
        const auto* endpoint = caseFile.endpoint(step.endpointId);
        p.highImpact = endpoint != nullptr && endpoint->isServer;
        // The queue names the target, so the analyst sees which machine goes dark.
        if (endpoint != nullptr && !endpoint->hostname.isEmpty())
            p.title = step.title + QLatin1String(": ") + endpoint->hostname;
    } else if (step.action.startsWith(alertActionPrefix)) {
        p.kind = QLatin1String(OutboxPayload::AlertAction);
        p.content =
            OutboxPayload::alertAction(step.alertId, step.action.mid(alertActionPrefix.size()));
    } else if (step.action == QLatin1String("blockHash")) {
        p.kind = QLatin1String(OutboxPayload::BlockHash);
        const QString sha256 = firstSha256(caseFile);
        p.content = OutboxPayload::blockHash(sha256, step.reason);
        p.title = step.title + QLatin1String(": ") + sha256;
    } else {
        p.kind = QStringLiteral("containment");
        p.content =
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), p.kind},
                                                        {QStringLiteral("action"), step.action}})
                                  .toJson(QJsonDocument::Compact));
    }
}

} // namespace

QString ProposalMapper::proposalId(const QString& caseId, const ai::Proposal& step)
{
    return caseId + QLatin1Char('/') + step.playbookId + QLatin1Char('/') + step.id;
}

domain::Proposal ProposalMapper::toDomain(const ai::Proposal& step, const ai::CaseFile& caseFile)
{
    domain::Proposal p;
    p.id = proposalId(caseFile.caseId, step);
    p.tenantId = caseFile.tenant.id;
    p.caseId = caseFile.caseId;
    p.title = step.title;
    p.reason = step.reason;
    p.expectedImpact = step.impact;
    QJsonArray evidence;
    for (const auto& a : caseFile.alerts) {
        if (a.id == step.alertId)
            evidence.append(ai::CaseFile::alertEvidenceId(a));
    }
    p.evidence = QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact));
    p.status = QStringLiteral("open");
    p.createdAt = QDateTime::currentDateTimeUtc();
    switch (step.kind) {
    case ai::Proposal::Kind::LiveDiscoverQuery:
        p.kind = QLatin1String(OutboxPayload::LiveDiscover);
        p.content = OutboxPayload::liveDiscover(step.title, step.detail, {step.endpointId});
        break;
    case ai::Proposal::Kind::LiveResponseCommand:
        p.kind = QLatin1String(OutboxPayload::LiveResponse);
        p.content = OutboxPayload::liveResponse(step.endpointId, step.detail);
        break;
    case ai::Proposal::Kind::Containment:
        setContainment(p, step, caseFile);
        break;
    }
    return p;
}

} // namespace mtr::workflow
