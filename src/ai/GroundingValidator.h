// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/CaseFile.h"
#include "ai/Draft.h"
#include "ai/Proposal.h"

#include <QList>
#include <QSet>
#include <QString>

namespace mtr::ai {

/// What a draft may mention besides the case's own evidence.
struct GroundingContext
{
    QList<Proposal> allowedProposals;          ///< actions a sentence may recommend
    QList<domain::Technique> mappedTechniques; ///< techniques mapped by the playbooks
    bool falsePositiveHintShown = false;       ///< a sentence may then mention the earlier verdict
};

/// Something the validator struck from a draft.
struct GroundingFinding
{
    int sentenceIndex = -1; ///< in the draft as given
    QString kind;  ///< ungrounded, unknown-evidence, indicator, host, user, technique, instruction,
                   ///< action, verdict
    QString value; ///< the offending value or text
    QString sentence;
};

/// The draft the analyst sees, and what was struck from it.
struct GroundingResult
{
    Draft cleaned;
    QList<GroundingFinding> findings;

    /// Whether nothing had to be struck.
    bool clean() const
    {
        return findings.isEmpty();
    }
};

/// Checks every sentence of a draft against the case: it must cite evidence ids of the case,
/// and every indicator, host, user and technique it names must occur in that evidence; it may
/// not carry instructions, recommend actions outside the allowed proposals or state a verdict.
/// A sentence that fails is struck whole (a half-sentence could still mislead) and flagged.
class GroundingValidator
{
public:
    /// Prepares the case's known values once; validate() may then run on many drafts.
    explicit GroundingValidator(const CaseFile& caseFile, GroundingContext context = {});

    /// The cleaned draft and findings.
    GroundingResult validate(const Draft& draft) const;

private:
    QList<GroundingFinding> check(const DraftSentence& sentence) const;
    void checkValues(const QString& text, QList<GroundingFinding>& out) const;
    void checkActions(const QString& text, QList<GroundingFinding>& out) const;
    bool known(const QString& value) const;

    GroundingContext m_context;
    QSet<QString> m_evidenceIds;
    QSet<QString> m_values; ///< case-folded hosts, users, addresses, indicator values
    QSet<QString> m_techniqueIds;
    QString m_corpus; ///< case-folded text of all evidence, for "occurs in evidence"
    QSet<QString> m_allowedActions;
};

} // namespace mtr::ai
