// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/DraftRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

namespace mtr::store {

Result<void> DraftRepository::saveAiVersion(const QString& caseId,
                                            const QString& tenantId,
                                            domain::Draft::Kind kind,
                                            const QString& text,
                                            const QDateTime& at)
{
    return saveSide(
        QStringLiteral("INSERT INTO drafts (case_id, kind, tenant_id, ai_text, "
                       "ai_updated_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON "
                       "CONFLICT (case_id, kind) DO UPDATE SET ai_text = "
                       "excluded.ai_text, ai_updated_at = excluded.ai_updated_at, "
                       "updated_at = excluded.updated_at"),
        {caseId, domain::Draft::kindToString(kind), tenantId, text, timeValue(at), timeValue(at)});
}

Result<void> DraftRepository::autosave(const QString& caseId,
                                       const QString& tenantId,
                                       domain::Draft::Kind kind,
                                       const QString& text,
                                       const QDateTime& at)
{
    return saveSide(
        QStringLiteral("INSERT INTO drafts (case_id, kind, tenant_id, analyst_text, "
                       "analyst_updated_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON "
                       "CONFLICT (case_id, kind) DO UPDATE SET analyst_text = "
                       "excluded.analyst_text, analyst_updated_at = "
                       "excluded.analyst_updated_at, updated_at = excluded.updated_at "
                       "WHERE drafts.analyst_updated_at IS NULL OR "
                       "drafts.analyst_updated_at <= excluded.analyst_updated_at"),
        {caseId, domain::Draft::kindToString(kind), tenantId, text, timeValue(at), timeValue(at)});
}

Result<void> DraftRepository::saveSide(const QString& sql, const QVariantList& values)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q, sql); !r)
        return r;
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (auto r = exec(q, "save draft"); !r)
        return r;
    return tx.commit();
}

Result<std::optional<domain::Draft>> DraftRepository::get(const QString& caseId,
                                                          domain::Draft::Kind kind)
{
    auto rows = select(QStringLiteral("case_id = ? AND kind = ?"),
                       {caseId, domain::Draft::kindToString(kind)});
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<domain::Draft>();
    return std::optional<domain::Draft>(rows.value().first());
}

Result<QList<domain::Draft>> DraftRepository::listForCase(const QString& caseId)
{
    return select(QStringLiteral("case_id = ? ORDER BY kind"), {caseId});
}

Result<QList<domain::Draft>> DraftRepository::select(const QString& where,
                                                     const QVariantList& binds)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT case_id, kind, tenant_id, ai_text, analyst_text, "
                                        "ai_updated_at, analyst_updated_at, updated_at FROM "
                                        "drafts WHERE %1")
                             .arg(where));
        !r) {
        return r.error();
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto r = exec(q, "select drafts"); !r)
        return r.error();
    QList<domain::Draft> out;
    while (q.next()) {
        domain::Draft d;
        d.caseId = q.value(0).toString();
        if (!domain::Draft::kindFromString(q.value(1).toString(), &d.kind))
            continue; // a kind written by a newer build: not ours to show
        d.tenantId = q.value(2).toString();
        d.aiText = q.value(3).toString();
        d.analystText = q.value(4).toString();
        d.aiUpdatedAt = timeFrom(q.value(5));
        d.analystUpdatedAt = timeFrom(q.value(6));
        d.updatedAt = timeFrom(q.value(7));
        out << d;
    }
    return out;
}

} // namespace mtr::store
