// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/EndpointRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

namespace mtr::store {

namespace {

const char* const Columns =
    "id, tenant_id, type, hostname, os_name, os_platform, is_server, ipv4, ipv6, health, "
    "isolation_status, admin_isolated, self_isolated, online, associated_person, last_seen_at, "
    "raw";

domain::Endpoint endpointFrom(const QSqlQuery& q)
{
    domain::Endpoint e;
    e.id = q.value(0).toString();
    e.tenantId = q.value(1).toString();
    e.type = q.value(2).toString();
    e.hostname = q.value(3).toString();
    e.osName = q.value(4).toString();
    e.osPlatform = q.value(5).toString();
    e.isServer = q.value(6).toInt() != 0;
    e.ipv4Addresses = stringListFrom(q.value(7));
    e.ipv6Addresses = stringListFrom(q.value(8));
    e.healthOverall = q.value(9).toString();
    e.isolationStatus = q.value(10).toString();
    e.adminIsolated = q.value(11).toInt() != 0;
    e.selfIsolated = q.value(12).toInt() != 0;
    e.online = q.value(13).toInt() != 0;
    e.associatedPerson = q.value(14).toString();
    e.lastSeenAt = timeFrom(q.value(15));
    e.raw = jsonObjectFrom(q.value(16));
    return e;
}

} // namespace

Result<void> EndpointRepository::upsert(const QList<domain::Endpoint>& endpoints)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    const QString sql =
        QStringLiteral("INSERT INTO endpoints (%1, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, tenant_id) DO UPDATE SET "
                       "type = excluded.type, hostname = excluded.hostname, "
                       "os_name = excluded.os_name, os_platform = excluded.os_platform, "
                       "is_server = excluded.is_server, ipv4 = excluded.ipv4, "
                       "ipv6 = excluded.ipv6, health = excluded.health, "
                       "isolation_status = excluded.isolation_status, "
                       "admin_isolated = excluded.admin_isolated, "
                       "self_isolated = excluded.self_isolated, online = excluded.online, "
                       "associated_person = excluded.associated_person, "
                       "last_seen_at = excluded.last_seen_at, raw = excluded.raw, "
                       "updated_at = excluded.updated_at")
            .arg(QLatin1String(Columns));
    if (auto r = prepare(q, sql); !r)
        return r;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const domain::Endpoint& e : endpoints) {
        const QVariantList values{e.id,
                                  e.tenantId,
                                  e.type,
                                  e.hostname,
                                  e.osName,
                                  e.osPlatform,
                                  int(e.isServer),
                                  jsonText(e.ipv4Addresses),
                                  jsonText(e.ipv6Addresses),
                                  e.healthOverall,
                                  e.isolationStatus,
                                  int(e.adminIsolated),
                                  int(e.selfIsolated),
                                  int(e.online),
                                  e.associatedPerson,
                                  timeValue(e.lastSeenAt),
                                  jsonText(e.raw),
                                  now};
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (auto r = exec(q, "upsert endpoint"); !r)
            return r;
    }
    return tx.commit();
}

Result<std::optional<domain::Endpoint>> EndpointRepository::get(const QString& id,
                                                                const QString& tenantId)
{
    auto rows = select(QStringLiteral("id = ? AND tenant_id = ?"), {id, tenantId});
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<domain::Endpoint>();
    return std::optional<domain::Endpoint>(rows.value().first());
}

Result<QList<domain::Endpoint>> EndpointRepository::listForTenant(const QString& tenantId)
{
    return select(QStringLiteral("tenant_id = ? ORDER BY hostname, id"), {tenantId});
}

Result<QList<domain::Endpoint>> EndpointRepository::select(const QString& where,
                                                           const QVariantList& binds)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(
            q,
            QStringLiteral("SELECT %1 FROM endpoints WHERE %2").arg(QLatin1String(Columns), where));
        !r) {
        return r.error();
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto r = exec(q, "select endpoints"); !r)
        return r.error();
    QList<domain::Endpoint> out;
    while (q.next())
        out << endpointFrom(q);
    if (auto done = rowsDone(q, "read endpoints"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
