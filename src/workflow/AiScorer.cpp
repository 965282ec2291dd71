// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/AiScorer.h"

#include <algorithm>

namespace mtr::workflow {

namespace {

double severityWeight(domain::Severity s)
{
    switch (s) {
    case domain::Severity::Critical:
        return 0.7;
    case domain::Severity::High:
        return 0.55;
    case domain::Severity::Medium:
        return 0.35;
    case domain::Severity::Low:
        return 0.15;
    case domain::Severity::Info:
        return 0.05;
    case domain::Severity::Unknown:
        break;
    }
    return 0.1;
}

} // namespace

AiScore AiScorer::score(const ai::CaseFile& caseFile,
                        const ai::ProposalSet& proposals,
                        bool playbookMatched)
{
    AiScore out;
    if (caseFile.alerts.isEmpty())
        return out;
    const domain::Alert& alert = caseFile.alerts.first();
    auto add = [&out](double weight, const QString& why) {
        out.score += weight;
        out.reasons.append(QStringLiteral("%1 %2%3")
                               .arg(why, weight >= 0 ? QStringLiteral("+") : QString())
                               .arg(weight, 0, 'f', 2));
    };
    add(severityWeight(alert.severity),
        QStringLiteral("severity ") + domain::severityToString(alert.severity));
    QStringList ids;
    for (const auto& list : {caseFile.techniques, proposals.techniques}) {
        for (const auto& t : list) {
            if (!ids.contains(t.id))
                ids.append(t.id);
        }
    }
    const qsizetype techniques = ids.size();
    if (techniques > 0)
        add(std::min(0.2, 0.05 * double(techniques)),
            QStringLiteral("%1 ATT&CK technique(s)").arg(techniques));
    if (playbookMatched)
        add(0.1, QStringLiteral("playbook match"));
    const auto* endpoint = caseFile.endpoint(alert.endpointId);
    if (endpoint && endpoint->isServer)
        add(0.1, QStringLiteral("server endpoint"));
    if (!proposals.falsePositiveHints.isEmpty())
        add(-0.2, QStringLiteral("same rule closed as false positive before"));
    out.score = std::clamp(out.score, 0.0, 1.0);
    return out;
}

} // namespace mtr::workflow
