// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/CaseFile.h"
#include "ai/Proposal.h"
#include "domain/Proposal.h"

namespace mtr::workflow {

/// Turns the assistant's proposals into the store's: a stable id per case and playbook step,
/// the outbox kind, and the exact content (OutboxPayload JSON) that an approval will cover.
class ProposalMapper
{
public:
    /// The stored proposal for \p step of \p caseFile. High impact: isolating a server or
    /// several endpoints at once.
    static domain::Proposal toDomain(const ai::Proposal& step, const ai::CaseFile& caseFile);

    /// "<caseId>/<playbookId>/<stepId>".
    static QString proposalId(const QString& caseId, const ai::Proposal& step);
};

} // namespace mtr::workflow
