// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/TenantRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QDateTime>

namespace mtr::store {

Result<void> TenantRepository::upsert(const QList<domain::Tenant>& tenants)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(
            q,
            QStringLiteral("INSERT INTO tenants (id, name, data_region, data_geography, "
                           "api_host, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                           "data_region = excluded.data_region, "
                           "data_geography = excluded.data_geography, "
                           "api_host = excluded.api_host, updated_at = excluded.updated_at"));
        !r) {
        return r;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const domain::Tenant& t : tenants) {
        q.addBindValue(t.id);
        q.addBindValue(t.name);
        q.addBindValue(t.dataRegion);
        q.addBindValue(t.dataGeography);
        q.addBindValue(t.apiHost);
        q.addBindValue(now);
        if (auto r = exec(q, "upsert tenant"); !r)
            return r;
    }
    return tx.commit();
}

Result<QList<domain::Tenant>> TenantRepository::list()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, data_region, data_geography, api_host "
                               "FROM tenants ORDER BY name, id"))) {
        return sqlError(q, "list tenants");
    }
    QList<domain::Tenant> out;
    while (q.next()) {
        domain::Tenant t;
        t.id = q.value(0).toString();
        t.name = q.value(1).toString();
        t.dataRegion = q.value(2).toString();
        t.dataGeography = q.value(3).toString();
        t.apiHost = q.value(4).toString();
        out << t;
    }
    if (auto done = rowsDone(q, "read tenants"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
