// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/CaseFile.h"
#include "ai/Draft.h"
#include "ai/LlmBackend.h"

#include <QHash>
#include <QList>
#include <QString>

namespace mtr::ai {

class Redactor;

/// Builds the chat messages for one draft. Evidence goes in as data: inside a fence whose
/// delimiters carry a per-prompt random nonce, with any fence-like text in the evidence
/// neutralised and every line of evidence text indented, so evidence cannot close the fence or
/// pose as another item; the system prompt says the fenced text is data, never instructions.
class PromptBuilder
{
public:
    /// `redactor` may be null only for an on-premises model; it is used, not owned.
    PromptBuilder(const CaseFile& caseFile, Redactor* redactor);

    /// System and user messages for a draft of `kind`. `analystNote` is the analyst's request
    /// for a new draft ("shorter", "leave out the second host"): an instruction from the
    /// analyst, placed before the evidence fence and redacted like everything else.
    QList<ChatMessage> build(DraftKind kind, const QString& analystNote = {});

    /// The nonce of the last build() (for tests and the audit record).
    QString nonce() const
    {
        return m_nonce;
    }

    /// alias ("E3") -> evidence id of the last build(). Ids may embed host names or paths, so
    /// the model sees only aliases; the answer's ids are mapped back with this table.
    QHash<QString, QString> evidenceAliases() const
    {
        return m_aliases;
    }

    /// The system prompt; `nonce` names the fence.
    static QString systemPrompt(const QString& nonce);

    /// Evidence text made safe inside a fence: fence markers broken, lines indented.
    static QString escapeEvidence(const QString& text);

private:
    QString value(const QString& text) const;
    QString alias(const QString& evidenceId);
    QString evidenceBlock();

    const CaseFile& m_case;
    Redactor* m_redactor;
    QString m_nonce;
    QHash<QString, QString> m_aliases;
    QHash<QString, QString> m_aliasById;
};

} // namespace mtr::ai
