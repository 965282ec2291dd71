// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/SiemEventRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"
#include "store/SyncCursorRepository.h"

namespace mtr::store {

Result<int> SiemEventRepository::insert(const QList<domain::SiemEvent>& events)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    QSqlQuery q(m_db.connection());
    // DO NOTHING, not an update: an event is immutable once Central has emitted it.
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO siem_events (id, tenant_id, type, name, "
                                        "severity, created_at, happened_at, endpoint_id, "
                                        "location, source, raw, stored_at) VALUES (?, ?, ?, ?, "
                                        "?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"));
        !r) {
        return r.error();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int inserted = 0;
    for (const domain::SiemEvent& e : events) {
        const QVariantList values{e.id,
                                  e.tenantId,
                                  e.type,
                                  e.name,
                                  int(e.severity),
                                  timeValue(e.createdAt),
                                  timeValue(e.when),
                                  e.endpointId,
                                  e.location,
                                  e.source,
                                  jsonText(e.raw),
                                  now};
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (auto r = exec(q, "insert siem event"); !r)
            return r.error();
        inserted += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return inserted;
}

Result<int> SiemEventRepository::storePage(const QString& tenantId,
                                           const QString& feed,
                                           const QList<domain::SiemEvent>& events,
                                           const QString& nextCursor)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto inserted = insert(events);
    if (!inserted)
        return inserted.error();
    SyncCursorRepository cursors(m_db);
    if (auto r = cursors.setCursor(tenantId, feed, nextCursor); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return inserted.value();
}

Result<qint64> SiemEventRepository::count(const QString& tenantId)
{
    QSqlQuery q(m_db.connection());
    const bool all = tenantId.isEmpty();
    if (auto r =
            prepare(q,
                    all ? QStringLiteral("SELECT COUNT(*) FROM siem_events")
                        : QStringLiteral("SELECT COUNT(*) FROM siem_events WHERE tenant_id = ?"));
        !r) {
        return r.error();
    }
    if (!all)
        q.addBindValue(tenantId);
    if (auto r = exec(q, "count siem events"); !r)
        return r.error();
    if (!q.next())
        return sqlError(q, "count siem events");
    return qint64(q.value(0).toLongLong());
}

Result<QList<domain::SiemEvent>>
SiemEventRepository::listForTenant(const QString& tenantId, int limit, int offset)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT id, tenant_id, type, name, severity, created_at, "
                                        "happened_at, endpoint_id, location, source, raw FROM "
                                        "siem_events WHERE tenant_id = ? ORDER BY "
                                        "COALESCE(created_at, 0), id LIMIT ? OFFSET ?"));
        !r) {
        return r.error();
    }
    q.addBindValue(tenantId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (auto r = exec(q, "list siem events"); !r)
        return r.error();
    QList<domain::SiemEvent> out;
    while (q.next()) {
        domain::SiemEvent e;
        e.id = q.value(0).toString();
        e.tenantId = q.value(1).toString();
        e.type = q.value(2).toString();
        e.name = q.value(3).toString();
        e.severity = domain::Severity(q.value(4).toInt());
        e.createdAt = timeFrom(q.value(5));
        e.when = timeFrom(q.value(6));
        e.endpointId = q.value(7).toString();
        e.location = q.value(8).toString();
        e.source = q.value(9).toString();
        e.raw = jsonObjectFrom(q.value(10));
        out << e;
    }
    if (auto done = rowsDone(q, "read SIEM events"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
