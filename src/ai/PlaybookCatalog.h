// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/Proposal.h"
#include "domain/Evidence.h"
#include "domain/Result.h"
#include "domain/Types.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace mtr::ai {

/// The playbooks of resources/playbooks/playbooks.json: which alerts they apply to, what
/// evidence to collect and which containment they offer, plus the ATT&CK mapping table.
class PlaybookCatalog
{
public:
    /// What an alert must look like for a playbook or mapping to apply. Any listed criterion
    /// that matches is enough; an empty match applies to nothing.
    struct Match
    {
        QStringList types;
        QStringList categories;
        QList<QRegularExpression> detectionNames;
        QList<QRegularExpression> descriptionPatterns;
    };

    /// One playbook; its steps are Proposal templates without a target.
    struct Playbook
    {
        QString id;
        QString title;
        Match match;
        QList<Proposal> steps;
    };

    /// The catalog compiled into the binary (:/playbooks/playbooks.json).
    static Result<PlaybookCatalog> builtIn();

    /// Parses a catalog; InvalidInput names the first problem.
    static Result<PlaybookCatalog> fromJson(const QByteArray& json);

    /// Playbooks that apply to an alert, in file order.
    QList<Playbook> playbooksFor(const domain::Alert& alert) const;

    /// ATT&CK techniques for an alert from the mapping table, with names and tactics looked up
    /// in `table` (the technique list the caller loaded); ids missing from it keep no name.
    QList<domain::Technique> techniquesFor(const domain::Alert& alert,
                                           const QList<domain::Technique>& table) const;

    /// The detection name in an alert ("Troj/Agent-BFXY", "PsExec"), or empty.
    static QString detectionName(const domain::Alert& alert);

    /// What makes two alerts "the same rule": type plus detection name.
    static QString ruleKey(const domain::Alert& alert);

    /// All playbooks.
    const QList<Playbook>& playbooks() const
    {
        return m_playbooks;
    }

private:
    struct Mapping
    {
        Match match;
        QStringList techniqueIds;
    };

    static bool matches(const Match& match, const domain::Alert& alert);

    QList<Playbook> m_playbooks;
    QList<Mapping> m_mappings;
};

} // namespace mtr::ai
