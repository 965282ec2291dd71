// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/CaseRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

namespace mtr::store {

namespace {

const char* const Columns =
    "id, tenant_id, name, type, status, managed_by, severity, assignee, overview, "
    "detection_count, escalated, verdict, created_at, updated_at, raw";

domain::Case caseFrom(const QSqlQuery& q)
{
    domain::Case c;
    c.id = q.value(0).toString();
    c.tenantId = q.value(1).toString();
    c.name = q.value(2).toString();
    c.type = q.value(3).toString();
    c.status = q.value(4).toString();
    c.managedBy = q.value(5).toString();
    c.severity = domain::Severity(q.value(6).toInt());
    c.assignee = q.value(7).toString();
    c.overview = q.value(8).toString();
    c.detectionCount = q.value(9).toInt();
    c.escalated = q.value(10).toInt() != 0;
    c.verdict = q.value(11).toString();
    c.createdAt = timeFrom(q.value(12));
    c.updatedAt = timeFrom(q.value(13));
    c.raw = jsonObjectFrom(q.value(14));
    return c;
}

} // namespace

Result<void> CaseRepository::upsert(const QList<domain::Case>& cases)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    const QString sql =
        QStringLiteral("INSERT INTO cases (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?) ON CONFLICT (id, tenant_id) DO UPDATE SET name = excluded.name, "
                       "type = excluded.type, status = excluded.status, "
                       "managed_by = excluded.managed_by, severity = excluded.severity, "
                       "assignee = excluded.assignee, overview = excluded.overview, "
                       "detection_count = excluded.detection_count, "
                       "escalated = excluded.escalated, verdict = excluded.verdict, "
                       "created_at = excluded.created_at, updated_at = excluded.updated_at, "
                       "raw = excluded.raw")
            .arg(QLatin1String(Columns));
    if (auto r = prepare(q, sql); !r)
        return r;
    for (const domain::Case& c : cases) {
        const QVariantList values{c.id,
                                  c.tenantId,
                                  c.name,
                                  c.type,
                                  c.status,
                                  c.managedBy,
                                  int(c.severity),
                                  c.assignee,
                                  c.overview,
                                  c.detectionCount,
                                  int(c.escalated),
                                  c.verdict,
                                  timeValue(c.createdAt),
                                  timeValue(c.updatedAt),
                                  jsonText(c.raw)};
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (auto r = exec(q, "upsert case"); !r)
            return r;
    }
    return tx.commit();
}

Result<std::optional<domain::Case>> CaseRepository::get(const QString& id, const QString& tenantId)
{
    auto rows = select(QStringLiteral("id = ? AND tenant_id = ?"), {id, tenantId});
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<domain::Case>();
    return std::optional<domain::Case>(rows.value().first());
}

Result<QList<domain::Case>> CaseRepository::listForTenant(const QString& tenantId)
{
    return select(QStringLiteral("tenant_id = ? ORDER BY COALESCE(created_at, 0) DESC, id"),
                  {tenantId});
}

Result<QList<domain::Case>> CaseRepository::select(const QString& where, const QVariantList& binds)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(
            q,
            QStringLiteral("SELECT %1 FROM cases WHERE %2").arg(QLatin1String(Columns), where));
        !r) {
        return r.error();
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto r = exec(q, "select cases"); !r)
        return r.error();
    QList<domain::Case> out;
    while (q.next())
        out << caseFrom(q);
    if (auto done = rowsDone(q, "read cases"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
