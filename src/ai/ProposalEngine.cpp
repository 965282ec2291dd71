// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/ProposalEngine.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mtr::ai {

namespace {

bool hasSha256(const CaseFile& caseFile)
{
    return std::any_of(caseFile.indicators.cbegin(), caseFile.indicators.cend(), [](const auto& i) {
        return i.type == domain::Indicator::Type::Sha256;
    });
}

// A containment step only makes sense when its target exists and Central allows it.
bool applicable(const Proposal& p, const CaseFile& caseFile, const domain::Alert& alert)
{
    if (p.kind != Proposal::Kind::Containment) {
        return true;
    }
    if (p.action.startsWith(u"alertAction:"_s)) {
        const QString action = p.action.mid(12);
        return alert.allowedActions.isEmpty() || alert.allowedActions.contains(action);
    }
    if (p.action == u"isolateEndpoint"_s) {
        const auto* endpoint = caseFile.endpoint(alert.endpointId);
        return !alert.endpointId.isEmpty()
               && (endpoint == nullptr || endpoint->isolationStatus != u"isolated"_s);
    }
    if (p.action == u"blockHash"_s) {
        return hasSha256(caseFile);
    }
    return true;
}

} // namespace

ProposalEngine::ProposalEngine(PlaybookCatalog catalog, QList<domain::Technique> techniqueTable)
    : m_catalog(std::move(catalog))
    , m_techniqueTable(std::move(techniqueTable))
{}

QList<Proposal> ProposalEngine::stepsFor(const CaseFile& caseFile, const domain::Alert& alert) const
{
    QList<Proposal> out;
    for (const auto& playbook : m_catalog.playbooksFor(alert)) {
        for (Proposal step : playbook.steps) {
            if (!applicable(step, caseFile, alert)) {
                continue;
            }
            step.alertId = alert.id;
            step.endpointId = alert.endpointId;
            out.append(step);
        }
    }
    return out;
}

ProposalSet ProposalEngine::propose(const CaseFile& caseFile,
                                    domain::RolloutPhase phase,
                                    const QList<ClosedAlert>& history) const
{
    ProposalSet set;
    set.falsePositiveHints = falsePositiveHints(caseFile, history);
    QStringList seenTechniques;
    for (const auto& alert : caseFile.alerts) {
        for (const auto& t : m_catalog.techniquesFor(alert, m_techniqueTable)) {
            if (!seenTechniques.contains(t.id)) {
                seenTechniques.append(t.id);
                set.techniques.append(t);
            }
        }
        if (phase == domain::RolloutPhase::ReadOnly) {
            continue; // summaries and drafts only
        }
        for (Proposal p : stepsFor(caseFile, alert)) {
            const bool duplicate =
                std::any_of(set.proposals.cbegin(), set.proposals.cend(), [&p](const Proposal& q) {
                    return q.id == p.id && q.endpointId == p.endpointId;
                });
            if (duplicate) {
                continue;
            }
            const bool automatic = phase == domain::RolloutPhase::ConditionalAutomation
                                   && p.automatic && p.risk == u"low"_s;
            p.automatic = automatic;
            p.needsApproval = !automatic;
            set.proposals.append(p);
        }
    }
    return set;
}

QList<FalsePositiveHint> ProposalEngine::falsePositiveHints(const CaseFile& caseFile,
                                                            const QList<ClosedAlert>& history)
{
    QList<FalsePositiveHint> hints;
    for (const auto& alert : caseFile.alerts) {
        FalsePositiveHint hint{alert.id, PlaybookCatalog::ruleKey(alert), alert.endpointId, {}, 0};
        for (const auto& closed : history) {
            if (closed.alertId != alert.id && closed.resolution == u"falsePositive"_s
                && closed.ruleKey == hint.ruleKey && closed.endpointId == alert.endpointId
                && !alert.endpointId.isEmpty()) {
                ++hint.count;
                if (!closed.caseId.isEmpty() && !hint.previousCaseIds.contains(closed.caseId)) {
                    hint.previousCaseIds.append(closed.caseId);
                }
            }
        }
        if (hint.count > 0) {
            hints.append(hint);
        }
    }
    return hints;
}

} // namespace mtr::ai
