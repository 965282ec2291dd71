// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/CaseFile.h"
#include "domain/Result.h"
#include "evidence/AttackCatalog.h"

#include <QString>

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// What one assemble() run stored.
struct AssemblyReport
{
    QString caseId;
    int evidenceItems = 0;  ///< items written (alert, endpoint, SIEM events)
    int siemEvents = 0;     ///< SIEM events of the endpoint within the window
    int newIndicators = 0;  ///< indicators not stored before
    int timelineEvents = 0; ///< events written
};

/// Builds the local case of one alert (id "alert:<alertId>") in the store: evidence items for
/// the alert's raw JSON, the endpoint record and the SIEM events of the same endpoint within
/// 24 hours either side; indicators extracted from each item with source and offsets; the
/// timeline. It also reads a case back as the assistant's CaseFile, including evidence the
/// analyst imported into the same case id. Works on the calling thread's Database.
class CaseAssembler
{
public:
    /// Works on \p db, which must outlive this object; loads the embedded ATT&CK table.
    explicit CaseAssembler(store::Database& db);

    /// "alert:<alertId>", the local case of an alert.
    static QString caseIdFor(const QString& alertId);

    /// The alert id of a local case id, or empty when \p caseId is not "alert:<id>".
    static QString alertIdOf(const QString& caseId);

    /// How far from the alert SIEM events of its endpoint are pulled in (24 h).
    static constexpr qint64 SiemWindowSeconds = 24 * 3600;

    /// Creates or refreshes the case of an alert; NotFound when the alert is not stored.
    Result<AssemblyReport> assemble(const QString& alertId, const QString& tenantId);

    /// The case as the assistant sees it, read from the store only.
    Result<ai::CaseFile> load(const QString& caseId, const QString& tenantId);

private:
    Result<QList<domain::SiemEvent>> siemEventsNear(const domain::Alert& alert);
    void addPeopleAndNames(ai::CaseFile& file) const;
    void addTechniques(ai::CaseFile& file) const;

    store::Database& m_db;
    evidence::AttackCatalog m_attack;
};

} // namespace mtr::workflow
