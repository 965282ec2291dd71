// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"
#include "evidence/ReadDiagnostic.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mtr::evidence {

/// A technique id found in text, with where it stood.
struct TechniqueMention
{
    QString id;           ///< "T1059.001", upper-case
    qsizetype offset = 0; ///< QChar offset in the text
    qsizetype length = 0;
    bool known = false; ///< true when the catalogue has this id
};

/// MITRE ATT&CK Enterprise techniques (v18.1) from the tables embedded at :/attack (shipped with
/// MITRE's NOTICE.txt, as the ATT&CK licence requires): lookup by id and extraction of technique
/// ids such as T1059 or T1059.001 from free text.
class AttackCatalog
{
public:
    /// Loads the embedded tables; diagnostics name the bad lines, if any.
    static AttackCatalog loadEmbedded(ReadDiagnostics* diagnostics = nullptr);

    /// Loads from TSV text (columns: id, name, tactics, parent, platforms; tactics: id, short_name,
    /// name). Tactic short names are turned into their display names.
    static AttackCatalog fromTsv(const QString& techniques,
                                 const QString& tactics,
                                 ReadDiagnostics* diagnostics = nullptr);

    /// The technique with `id` (case-insensitive), if known.
    std::optional<domain::Technique> technique(const QString& id) const;

    /// Number of techniques and sub-techniques loaded.
    qsizetype size() const
    {
        return m_techniques.size();
    }

    /// Technique ids in `text` (T1234 or T1234.123, not inside a longer word), known or not.
    QList<TechniqueMention> extractIds(const QString& text) const;

private:
    QHash<QString, domain::Technique> m_techniques;
};

} // namespace mtr::evidence
