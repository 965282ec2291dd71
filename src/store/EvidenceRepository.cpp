// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/EvidenceRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

namespace mtr::store {

namespace {

const char* const TimelineColumns =
    "id, case_id, tenant_id, time_utc, original_time, source, host, summary, pid, parent_pid, "
    "process_name, local_address, local_port, remote_address, remote_port, source_id, "
    "correlated_ids, attributes";

QVariantList timelineValues(const domain::TimelineEvent& e)
{
    return {e.id,
            e.caseId,
            e.tenantId,
            timeValue(e.timeUtc),
            e.originalTime,
            e.source,
            e.host,
            e.summary,
            qlonglong(e.pid),
            qlonglong(e.parentPid),
            e.processName,
            e.localAddress,
            e.localPort,
            e.remoteAddress,
            e.remotePort,
            e.sourceId,
            jsonText(e.correlatedIds),
            jsonText(e.attributes)};
}

domain::TimelineEvent timelineFrom(const QSqlQuery& q)
{
    domain::TimelineEvent e;
    e.id = q.value(0).toString();
    e.caseId = q.value(1).toString();
    e.tenantId = q.value(2).toString();
    e.timeUtc = timeFrom(q.value(3));
    e.originalTime = q.value(4).toString();
    e.source = q.value(5).toString();
    e.host = q.value(6).toString();
    e.summary = q.value(7).toString();
    e.pid = q.value(8).toLongLong();
    e.parentPid = q.value(9).toLongLong();
    e.processName = q.value(10).toString();
    e.localAddress = q.value(11).toString();
    e.localPort = q.value(12).toInt();
    e.remoteAddress = q.value(13).toString();
    e.remotePort = q.value(14).toInt();
    e.sourceId = q.value(15).toString();
    e.correlatedIds = stringListFrom(q.value(16));
    e.attributes = jsonObjectFrom(q.value(17));
    return e;
}

} // namespace

Result<void> EvidenceRepository::upsertItems(const QList<domain::EvidenceItem>& items)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO evidence_items (id, case_id, tenant_id, kind, "
                                        "origin, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (id) DO UPDATE SET case_id = "
                                        "excluded.case_id, tenant_id = excluded.tenant_id, kind "
                                        "= excluded.kind, origin = excluded.origin, body = "
                                        "excluded.body, received_at = excluded.received_at"));
        !r) {
        return r;
    }
    for (const domain::EvidenceItem& i : items) {
        for (const QVariant& v : QVariantList{i.id,
                                              i.caseId,
                                              i.tenantId,
                                              i.kind,
                                              i.origin,
                                              i.text,
                                              timeValue(i.receivedAt)}) {
            q.addBindValue(v);
        }
        if (auto r = exec(q, "upsert evidence item"); !r)
            return r;
    }
    return tx.commit();
}

Result<QList<domain::EvidenceItem>> EvidenceRepository::items(const QString& caseId)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT id, case_id, tenant_id, kind, origin, body, "
                                        "received_at FROM evidence_items WHERE case_id = ? "
                                        "ORDER BY COALESCE(received_at, 0), id"));
        !r) {
        return r.error();
    }
    q.addBindValue(caseId);
    if (auto r = exec(q, "list evidence items"); !r)
        return r.error();
    QList<domain::EvidenceItem> out;
    while (q.next()) {
        domain::EvidenceItem i;
        i.id = q.value(0).toString();
        i.caseId = q.value(1).toString();
        i.tenantId = q.value(2).toString();
        i.kind = q.value(3).toString();
        i.origin = q.value(4).toString();
        i.text = q.value(5).toString();
        i.receivedAt = timeFrom(q.value(6));
        out << i;
    }
    if (auto done = rowsDone(q, "read evidence"); !done)
        return done.error();
    return out;
}

Result<int> EvidenceRepository::addIndicators(const QString& caseId,
                                              const QList<domain::Indicator>& indicators)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO indicators (case_id, source_id, type, value, "
                                        "original, port, start_offset, length) VALUES (?, ?, ?, "
                                        "?, ?, ?, ?, ?) ON CONFLICT (source_id, start_offset, "
                                        "type, value) DO NOTHING"));
        !r) {
        return r.error();
    }
    int added = 0;
    for (const domain::Indicator& i : indicators) {
        for (const QVariant& v : QVariantList{caseId,
                                              i.sourceId,
                                              QString::number(int(i.type)),
                                              i.value,
                                              i.original,
                                              i.port,
                                              qlonglong(i.offset),
                                              qlonglong(i.length)}) {
            q.addBindValue(v);
        }
        if (auto r = exec(q, "add indicator"); !r)
            return r.error();
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return added;
}

Result<QList<domain::Indicator>> EvidenceRepository::indicators(const QString& caseId)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT source_id, type, value, original, port, "
                                        "start_offset, length FROM indicators WHERE case_id = ? "
                                        "ORDER BY source_id, start_offset, id"));
        !r) {
        return r.error();
    }
    q.addBindValue(caseId);
    if (auto r = exec(q, "list indicators"); !r)
        return r.error();
    QList<domain::Indicator> out;
    while (q.next()) {
        domain::Indicator i;
        i.sourceId = q.value(0).toString();
        // TODO: store a stable word once Evidence.h offers one; the enum number is stored now.
        i.type = domain::Indicator::Type(q.value(1).toInt());
        i.value = q.value(2).toString();
        i.original = q.value(3).toString();
        i.port = q.value(4).toInt();
        i.offset = q.value(5).toLongLong();
        i.length = q.value(6).toLongLong();
        out << i;
    }
    if (auto done = rowsDone(q, "read evidence"); !done)
        return done.error();
    return out;
}

Result<void> EvidenceRepository::upsertTimeline(const QList<domain::TimelineEvent>& events)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    QStringList updates;
    for (const QString& c : QString::fromLatin1(TimelineColumns).split(QLatin1String(", ")))
        updates << c + QStringLiteral(" = excluded.") + c;
    updates.removeFirst(); // not the key
    if (auto r =
            prepare(q,
                    QStringLiteral("INSERT INTO timeline_events (%1) VALUES (?, ?, ?, ?, ?, ?, "
                                   "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                                   "UPDATE SET %2")
                        .arg(QLatin1String(TimelineColumns), updates.join(QLatin1String(", "))));
        !r) {
        return r;
    }
    for (const domain::TimelineEvent& e : events) {
        for (const QVariant& v : timelineValues(e))
            q.addBindValue(v);
        if (auto r = exec(q, "upsert timeline event"); !r)
            return r;
    }
    return tx.commit();
}

Result<QList<domain::TimelineEvent>> EvidenceRepository::timeline(const QString& caseId)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT %1 FROM timeline_events WHERE case_id = ? ORDER BY "
                                        "COALESCE(time_utc, 0), id")
                             .arg(QLatin1String(TimelineColumns)));
        !r) {
        return r.error();
    }
    q.addBindValue(caseId);
    if (auto r = exec(q, "list timeline"); !r)
        return r.error();
    QList<domain::TimelineEvent> out;
    while (q.next())
        out << timelineFrom(q);
    if (auto done = rowsDone(q, "read evidence"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
