// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/SyncCursorRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

namespace mtr::store {

Result<QString> SyncCursorRepository::cursor(const QString& tenantId, const QString& feed)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(
            q,
            QStringLiteral("SELECT cursor FROM sync_cursors WHERE tenant_id = ? AND feed = ?"));
        !r) {
        return r.error();
    }
    q.addBindValue(tenantId);
    q.addBindValue(feed);
    if (auto r = exec(q, "read cursor"); !r)
        return r.error();
    if (!q.next())
        return QString();
    return q.value(0).toString();
}

Result<QStringList> SyncCursorRepository::cursorsWithFeedPrefix(const QString& feedPrefix)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q, QStringLiteral("SELECT cursor FROM sync_cursors WHERE feed LIKE ?"));
        !r) {
        return r.error();
    }
    // LIKE wildcards in the prefix would widen the match; none of our feed names has one.
    q.addBindValue(feedPrefix + QLatin1Char('%'));
    if (auto r = exec(q, "read cursors"); !r)
        return r.error();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    if (auto done = rowsDone(q, "read cursors"); !done)
        return done.error();
    return out;
}

Result<void>
SyncCursorRepository::setCursor(const QString& tenantId, const QString& feed, const QString& cursor)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO sync_cursors (tenant_id, feed, cursor, "
                                        "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, "
                                        "feed) DO UPDATE SET cursor = excluded.cursor, "
                                        "updated_at = excluded.updated_at"));
        !r) {
        return r;
    }
    q.addBindValue(tenantId);
    q.addBindValue(feed);
    q.addBindValue(cursor);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (auto r = exec(q, "write cursor"); !r)
        return r;
    return tx.commit();
}

Result<bool> SyncCursorRepository::claimLease(const QString& tenantId,
                                              const QString& feed,
                                              const QString& owner,
                                              qint64 nowMs,
                                              qint64 untilMs)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO sync_cursors (tenant_id, feed, cursor, "
                                        "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, "
                                        "feed) DO UPDATE SET cursor = excluded.cursor, "
                                        "updated_at = excluded.updated_at WHERE "
                                        "sync_cursors.cursor = excluded.cursor OR "
                                        "sync_cursors.updated_at < ?"));
        !r) {
        return r.error();
    }
    q.addBindValue(tenantId);
    q.addBindValue(feed);
    q.addBindValue(owner);
    q.addBindValue(untilMs);
    q.addBindValue(nowMs);
    if (auto r = exec(q, "claim lease"); !r)
        return r.error();
    return q.numRowsAffected() == 1;
}

Result<void> SyncCursorRepository::releaseLease(const QString& tenantId,
                                                const QString& feed,
                                                const QString& owner)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("UPDATE sync_cursors SET updated_at = 0 WHERE tenant_id "
                                        "= ? AND feed = ? AND cursor = ?"));
        !r) {
        return r;
    }
    q.addBindValue(tenantId);
    q.addBindValue(feed);
    q.addBindValue(owner);
    return exec(q, "release lease");
}

} // namespace mtr::store
