// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/ProposalEngine.h"

#include <QStringList>

namespace mtr::workflow {

/// The assistant's triage score of an alert, 0..1, and the reasons it adds up from.
struct AiScore
{
    double score = 0.0;
    QStringList reasons; ///< e.g. "severity high +0.55", in the order they were added
};

/// Scores the first alert of a case from its severity, the ATT&CK techniques mapped to it,
/// whether a playbook matched and whether it hit a server; a false-positive history lowers it.
class AiScorer
{
public:
    /// The score of \p caseFile's alert given what the proposal engine found and whether a
    /// playbook applies to the alert.
    static AiScore
    score(const ai::CaseFile& caseFile, const ai::ProposalSet& proposals, bool playbookMatched);
};

} // namespace mtr::workflow
