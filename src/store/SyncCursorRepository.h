// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QString>
#include <QStringList>

namespace mtr::store {

class Database;

/// Where each feed (SIEM events, SIEM alerts, alert polling, ...) of each tenant stopped, so a
/// restart resumes there. Write it in the same transaction as the data it covers.
class SyncCursorRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit SyncCursorRepository(Database& db)
        : m_db(db)
    {}

    /// The stored cursor; a null QString when the feed never ran.
    Result<QString> cursor(const QString& tenantId, const QString& feed);

    /// The cursors of every feed whose name starts with \p feedPrefix, any tenant.
    Result<QStringList> cursorsWithFeedPrefix(const QString& feedPrefix);

    /// Stores the cursor (joins the caller's transaction, if any).
    Result<void> setCursor(const QString& tenantId, const QString& feed, const QString& cursor);

    /// Leases the row (tenantId, feed) to \p owner until \p untilMs (UTC ms), unless another
    /// owner holds it beyond \p nowMs; true when \p owner holds it afterwards (claimed or
    /// renewed). One statement, so two processes on one database cannot both win. A lease row
    /// keeps the owner in `cursor` and the expiry in `updated_at`; use a feed of its own.
    Result<bool> claimLease(const QString& tenantId,
                            const QString& feed,
                            const QString& owner,
                            qint64 nowMs,
                            qint64 untilMs);

    /// Ends \p owner's lease of (tenantId, feed); nothing when someone else holds it.
    Result<void> releaseLease(const QString& tenantId, const QString& feed, const QString& owner);

private:
    Database& m_db;
};

} // namespace mtr::store
