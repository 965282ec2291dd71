// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/CaseFile.h"
#include "ai/PlaybookCatalog.h"
#include "ai/Proposal.h"
#include "domain/RolloutPhase.h"

#include <QList>

namespace mtr::ai {

/// What the assistant proposes for a case.
struct ProposalSet
{
    QList<Proposal> proposals;
    QList<domain::Technique> techniques; ///< mapped from the case's alerts
    QList<FalsePositiveHint> falsePositiveHints;
};

/// Turns a case into evidence-collection and containment proposals from the playbooks, within
/// what the tenant's rollout phase allows: read-only gets none, assisted gets every proposal
/// with approval required, conditional automation marks the named low-risk steps automatic.
class ProposalEngine
{
public:
    /// Uses `catalog`; `techniqueTable` is the ATT&CK list used to name mapped techniques.
    ProposalEngine(PlaybookCatalog catalog, QList<domain::Technique> techniqueTable);

    /// Proposals, techniques and false-positive hints for a case; `history` holds past closed
    /// alerts of the same tenant.
    ProposalSet propose(const CaseFile& caseFile,
                        domain::RolloutPhase phase,
                        const QList<ClosedAlert>& history) const;

    /// Hints for alerts whose rule on the same endpoint was closed as false positive before.
    static QList<FalsePositiveHint> falsePositiveHints(const CaseFile& caseFile,
                                                       const QList<ClosedAlert>& history);

private:
    QList<Proposal> stepsFor(const CaseFile& caseFile, const domain::Alert& alert) const;

    PlaybookCatalog m_catalog;
    QList<domain::Technique> m_techniqueTable;
};

} // namespace mtr::ai
