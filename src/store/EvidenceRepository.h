// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"
#include "domain/Result.h"

#include <QList>

namespace mtr::store {

class Database;

/// A case's evidence: raw items, the indicators found in them and its timeline events. Items
/// and events are upserted by id; an indicator is unique per (source, offset, type, value), so
/// importing the same file twice adds nothing.
class EvidenceRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit EvidenceRepository(Database& db)
        : m_db(db)
    {}

    /// Inserts or updates evidence items in one transaction.
    Result<void> upsertItems(const QList<domain::EvidenceItem>& items);

    /// Items attached to a case, in the order received.
    Result<QList<domain::EvidenceItem>> items(const QString& caseId);

    /// Adds indicators of \p caseId not stored yet; returns how many were new.
    Result<int> addIndicators(const QString& caseId, const QList<domain::Indicator>& indicators);

    /// A case's indicators ordered by source and offset.
    Result<QList<domain::Indicator>> indicators(const QString& caseId);

    /// Inserts or updates timeline events in one transaction.
    Result<void> upsertTimeline(const QList<domain::TimelineEvent>& events);

    /// A case's timeline on the UTC clock, oldest first.
    Result<QList<domain::TimelineEvent>> timeline(const QString& caseId);

private:
    Database& m_db;
};

} // namespace mtr::store
