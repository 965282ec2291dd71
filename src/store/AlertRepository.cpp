// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/AlertRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

namespace mtr::store {

namespace {

/// Empty rather than NULL: sort columns must never be NULL (see sortColumn()).
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

constexpr int UpsertColumns = 17;
/// Rows per INSERT: one statement per row costs a round trip each on PostgreSQL.
constexpr qsizetype RowsPerStatement = 100;

/// INSERT ... ON CONFLICT for \p rows alerts.
QString upsertSql(qsizetype rows)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), UpsertColumns);
    QStringList tuples;
    tuples.fill(QLatin1Char('(') + marks.join(QLatin1String(", ")) + QLatin1Char(')'), rows);
    return QStringLiteral(
               "INSERT INTO alerts (id, tenant_id, tenant_name, type, category, product, severity, "
               "description, raised_at, allowed_actions, group_key, endpoint_id, endpoint_type, "
               "person_id, raw, updated_at, search_text) VALUES %1 "
               "ON CONFLICT (id, tenant_id) DO UPDATE SET tenant_name = excluded.tenant_name, "
               "type = excluded.type, category = excluded.category, product = excluded.product, "
               "severity = excluded.severity, description = excluded.description, "
               "raised_at = excluded.raised_at, allowed_actions = excluded.allowed_actions, "
               "group_key = excluded.group_key, endpoint_id = excluded.endpoint_id, "
               "endpoint_type = excluded.endpoint_type, person_id = excluded.person_id, "
               "raw = excluded.raw, updated_at = excluded.updated_at, "
               "search_text = excluded.search_text")
        .arg(tuples.join(QLatin1String(", ")));
}

/// The leading ORDER BY column of a sort (raised_at, id, tenant_id follow). Sort columns are
/// written NOT NULL (empty text, 0) so both dialects order alike; ai_score may be NULL.
QString sortColumn(AlertQuery::Sort sort)
{
    switch (sort) {
    case AlertQuery::Sort::Severity:
        return QStringLiteral("severity");
    case AlertQuery::Sort::Tenant:
        return QStringLiteral("tenant_name");
    case AlertQuery::Sort::Status:
        return QStringLiteral("status");
    case AlertQuery::Sort::AiScore:
        return QStringLiteral("COALESCE(ai_score, -1)");
    case AlertQuery::Sort::Type:
        return QStringLiteral("type");
    case AlertQuery::Sort::RaisedAt:
        break;
    }
    return {};
}

/// The value of sortColumn() for a row already shown.
QVariant sortValue(AlertQuery::Sort sort, const domain::AlertSummary& row)
{
    switch (sort) {
    case AlertQuery::Sort::Severity:
        return int(row.severity);
    case AlertQuery::Sort::Tenant:
        return notNull(row.tenantName);
    case AlertQuery::Sort::Status:
        return notNull(row.status);
    case AlertQuery::Sort::AiScore:
        return row.aiScore;
    case AlertQuery::Sort::Type:
        return notNull(row.type);
    case AlertQuery::Sort::RaisedAt:
        break;
    }
    return {};
}

/// raised_at is NOT NULL for index order: 0 stands for "unknown".
qint64 raisedMs(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime raisedFrom(const QVariant& value)
{
    return value.toLongLong() == 0 ? QDateTime() : timeFrom(value);
}

/// The full ORDER BY key as a comma list, for ORDER BY and for keyset row values.
QStringList orderColumns(AlertQuery::Sort sort)
{
    QStringList columns{QStringLiteral("raised_at"),
                        QStringLiteral("id"),
                        QStringLiteral("tenant_id")};
    const QString first = sortColumn(sort);
    if (!first.isEmpty())
        columns.prepend(first);
    return columns;
}

/// "?, ?, ?" for n values.
QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), n);
    return marks.join(QLatin1String(", "));
}

/// LIKE pattern for a literal substring: % _ and \ escaped.
QString likePattern(const QString& text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    escaped.replace(QLatin1String("%"), QLatin1String("\\%"));
    escaped.replace(QLatin1String("_"), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

domain::AlertSummary summaryFrom(const QSqlQuery& q)
{
    domain::AlertSummary s;
    s.id = q.value(0).toString();
    s.tenantId = q.value(1).toString();
    s.tenantName = q.value(2).toString();
    s.severity = domain::Severity(q.value(3).toInt());
    s.status = q.value(4).toString();
    s.raisedAt = raisedFrom(q.value(5));
    s.aiScore = q.value(6).isNull() ? -1.0 : q.value(6).toDouble();
    s.type = q.value(7).toString();
    s.description = q.value(8).toString();
    return s;
}

} // namespace

void AlertRepository::bindAlert(QSqlQuery& q, const domain::Alert& a, qint64 now)
{
    q.addBindValue(a.id);
    q.addBindValue(a.tenantId);
    q.addBindValue(notNull(a.tenantName));
    q.addBindValue(notNull(a.type));
    q.addBindValue(a.category);
    q.addBindValue(a.product);
    q.addBindValue(int(a.severity));
    q.addBindValue(a.description);
    q.addBindValue(raisedMs(a.raisedAt));
    q.addBindValue(jsonText(a.allowedActions));
    q.addBindValue(a.groupKey);
    q.addBindValue(a.endpointId);
    q.addBindValue(a.endpointType);
    q.addBindValue(a.personId);
    q.addBindValue(jsonText(a.raw));
    q.addBindValue(now);
    // One lower-cased column for the text filter: a single LIKE scan, Unicode-aware case.
    q.addBindValue(
        QStringList{a.description, a.type, a.id, a.tenantName}.join(QLatin1Char('\n')).toLower());
}

Result<void> AlertRepository::upsert(const QList<domain::Alert>& alerts)
{
    // One statement may not touch a row twice (PostgreSQL refuses): keep the last version.
    QHash<QPair<QString, QString>, qsizetype> last;
    for (qsizetype i = 0; i < alerts.size(); ++i)
        last.insert({alerts[i].id, alerts[i].tenantId}, i);
    QList<qsizetype> rows;
    rows.reserve(last.size());
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        if (last.value({alerts[i].id, alerts[i].tenantId}) == i)
            rows << i;
    }

    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery full(m_db.connection());
    if (auto r = prepare(full, upsertSql(RowsPerStatement)); !r)
        return r;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype from = 0; from < rows.size(); from += RowsPerStatement) {
        const qsizetype n = qMin(RowsPerStatement, rows.size() - from);
        QSqlQuery tail(m_db.connection());
        QSqlQuery& q = n == RowsPerStatement ? full : tail;
        if (n != RowsPerStatement) {
            if (auto r = prepare(tail, upsertSql(n)); !r)
                return r;
        }
        for (qsizetype k = from; k < from + n; ++k)
            bindAlert(q, alerts[rows[k]], now);
        if (auto r = exec(q, "upsert alerts"); !r)
            return r;
    }
    return tx.commit();
}

QString AlertRepository::whereClause(const AlertQuery& query, QVariantList* binds, bool withKeyset)
{
    QStringList terms;
    if (!query.text.isEmpty()) {
        // TODO: a substring filter scans every row; an FTS5 trigram index (SQLite) or pg_trgm
        // (PostgreSQL) would make it independent of the workspace size.
        terms << QStringLiteral("search_text LIKE ? ESCAPE '\\'");
        *binds << likePattern(query.text);
    }
    if (!query.severities.isEmpty()) {
        terms << QStringLiteral("severity IN (%1)").arg(placeholders(query.severities.size()));
        for (domain::Severity s : query.severities)
            *binds << int(s);
    }
    if (!query.tenantIds.isEmpty()) {
        terms << QStringLiteral("tenant_id IN (%1)").arg(placeholders(query.tenantIds.size()));
        for (const QString& t : query.tenantIds)
            *binds << t;
    }
    if (!query.statuses.isEmpty()) {
        terms << QStringLiteral("status IN (%1)").arg(placeholders(query.statuses.size()));
        for (const QString& s : query.statuses)
            *binds << s;
    }
    if (withKeyset && query.after) {
        const QStringList columns = orderColumns(query.sort);
        QStringList marks;
        marks.fill(QStringLiteral("?"), columns.size());
        terms << QStringLiteral("(%1) %2 (%3)")
                     .arg(columns.join(QLatin1String(", ")),
                          query.descending ? QLatin1String("<") : QLatin1String(">"),
                          marks.join(QLatin1String(", ")));
        const QVariant first = sortValue(query.sort, *query.after);
        if (first.isValid())
            *binds << first;
        *binds << raisedMs(query.after->raisedAt) << query.after->id << query.after->tenantId;
    }
    if (terms.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + terms.join(QLatin1String(" AND "));
}

Result<QList<domain::AlertSummary>> AlertRepository::page(const AlertQuery& query)
{
    QVariantList binds;
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QStringList order;
    for (const QString& column : orderColumns(query.sort))
        order << column + QLatin1Char(' ') + direction;
    const QString sql =
        QStringLiteral("SELECT id, tenant_id, tenant_name, severity, status, "
                       "raised_at, ai_score, type, description FROM alerts")
        + whereClause(query, &binds, true)
        + QStringLiteral(" ORDER BY %1 LIMIT ? OFFSET ?").arg(order.join(QLatin1String(", ")));
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q, sql); !r)
        return r.error();
    for (const QVariant& v : binds)
        q.addBindValue(v);
    q.addBindValue(qMax(0, query.limit));
    q.addBindValue(query.after ? 0 : qMax(0, query.offset));
    if (auto r = exec(q, "alert page"); !r)
        return r.error();
    QList<domain::AlertSummary> out;
    out.reserve(qMax(0, query.limit));
    while (q.next())
        out << summaryFrom(q);
    if (auto done = rowsDone(q, "read alerts"); !done)
        return done.error();
    return out;
}

Result<qint64> AlertRepository::count(const AlertQuery& query)
{
    QVariantList binds;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT COUNT(*) FROM alerts")
                             + whereClause(query, &binds, false));
        !r) {
        return r.error();
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto r = exec(q, "alert count"); !r)
        return r.error();
    if (!q.next())
        return sqlError(q, "alert count");
    return qint64(q.value(0).toLongLong());
}

Result<std::optional<domain::Alert>> AlertRepository::get(const QString& id,
                                                          const QString& tenantId)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("SELECT tenant_name, type, category, product, severity, "
                                        "description, raised_at, allowed_actions, group_key, "
                                        "endpoint_id, endpoint_type, person_id, raw FROM alerts "
                                        "WHERE id = ? AND tenant_id = ?"));
        !r) {
        return r.error();
    }
    q.addBindValue(id);
    q.addBindValue(tenantId);
    if (auto r = exec(q, "get alert"); !r)
        return r.error();
    if (!q.next())
        return std::optional<domain::Alert>();
    domain::Alert a;
    a.id = id;
    a.tenantId = tenantId;
    a.tenantName = q.value(0).toString();
    a.type = q.value(1).toString();
    a.category = q.value(2).toString();
    a.product = q.value(3).toString();
    a.severity = domain::Severity(q.value(4).toInt());
    a.description = q.value(5).toString();
    a.raisedAt = raisedFrom(q.value(6));
    a.allowedActions = stringListFrom(q.value(7));
    a.groupKey = q.value(8).toString();
    a.endpointId = q.value(9).toString();
    a.endpointType = q.value(10).toString();
    a.personId = q.value(11).toString();
    a.raw = jsonObjectFrom(q.value(12));
    return std::optional<domain::Alert>(std::move(a));
}

Result<void>
AlertRepository::setStatus(const QString& id, const QString& tenantId, const QString& status)
{
    return updateColumn(id, tenantId, "status", status);
}

Result<void> AlertRepository::setAiScore(const QString& id, const QString& tenantId, double score)
{
    return updateColumn(id, tenantId, "ai_score", score);
}

Result<void> AlertRepository::updateColumn(const QString& id,
                                           const QString& tenantId,
                                           const char* column,
                                           const QVariant& value)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("UPDATE alerts SET %1 = ? WHERE id = ? AND tenant_id = ?")
                             .arg(QLatin1String(column)));
        !r) {
        return r;
    }
    q.addBindValue(value);
    q.addBindValue(id);
    q.addBindValue(tenantId);
    if (auto r = exec(q, "update alert"); !r)
        return r;
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("alert not in workspace"));
    return {};
}

} // namespace mtr::store
