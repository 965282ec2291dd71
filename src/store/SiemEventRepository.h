// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "domain/Types.h"

#include <QList>

namespace mtr::store {

class Database;

/// SIEM events, stored exactly once by id. A page of events and the cursor after it are
/// written in one transaction, so a crash between the two can neither skip nor repeat events.
class SiemEventRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit SiemEventRepository(Database& db)
        : m_db(db)
    {}

    /// Inserts events not stored yet; returns how many were new. Joins the caller's transaction.
    Result<int> insert(const QList<domain::SiemEvent>& events);

    /// Inserts the page's events and moves the tenant's \p feed cursor to \p nextCursor, all or
    /// nothing. Returns how many events were new.
    Result<int> storePage(const QString& tenantId,
                          const QString& feed,
                          const QList<domain::SiemEvent>& events,
                          const QString& nextCursor);

    /// Stored events of one tenant, or of all when \p tenantId is empty.
    Result<qint64> count(const QString& tenantId = {});

    /// A tenant's events ordered by creation time, for the timeline.
    Result<QList<domain::SiemEvent>> listForTenant(const QString& tenantId, int limit, int offset);

private:
    Database& m_db;
};

} // namespace mtr::store
