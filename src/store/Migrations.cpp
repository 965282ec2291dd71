// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/Migrations.h"

#include "log/Log.h"
#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QDateTime>
#include <QSqlQuery>

namespace mtr::store {

namespace {

/// Advisory lock key for schema changes ("mtrschem" in ASCII).
constexpr qint64 MigrationLockKey = 0x6d7472736368656dLL;

/// Which dialect a statement is for.
enum class Only
{
    Both,
    Sqlite,
    Postgres
};

struct Step
{
    Only only;
    const char* sql;
};

// Placeholders: {id} is an auto-increment primary key, {real} a double column.
// Times are UTC milliseconds (BIGINT); JSON is compact text; booleans are 0/1 integers.
const Step Version1[] = {
    {Only::Both,
     "CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT, data_region TEXT, "
     "data_geography TEXT, api_host TEXT, updated_at BIGINT)"},
    {Only::Both,
     "CREATE TABLE alerts (id TEXT NOT NULL, tenant_id TEXT NOT NULL, tenant_name TEXT, "
     "type TEXT, category TEXT, product TEXT, severity INTEGER NOT NULL DEFAULT 0, "
     "description TEXT, raised_at BIGINT, allowed_actions TEXT, group_key TEXT, "
     "endpoint_id TEXT, endpoint_type TEXT, person_id TEXT, raw TEXT, "
     "status TEXT NOT NULL DEFAULT 'new', ai_score {real}, updated_at BIGINT, "
     "search_text TEXT NOT NULL DEFAULT '', PRIMARY KEY (id, tenant_id))"},
    // The queue orders by (column, raised_at, id, tenant_id): these indexes serve the first
    // page and keyset paging of the common sorts and filters without sorting the table.
    {Only::Both, "CREATE INDEX alerts_raised ON alerts (raised_at, id, tenant_id)"},
    {Only::Both, "CREATE INDEX alerts_severity ON alerts (severity, raised_at, id, tenant_id)"},
    {Only::Both, "CREATE INDEX alerts_tenant ON alerts (tenant_id, raised_at, id)"},
    {Only::Both,
     "CREATE INDEX alerts_tenant_name ON alerts (tenant_name, raised_at, id, tenant_id)"},
    {Only::Both, "CREATE INDEX alerts_status ON alerts (status, raised_at, id, tenant_id)"},
    {Only::Both,
     "CREATE TABLE endpoints (id TEXT NOT NULL, tenant_id TEXT NOT NULL, type TEXT, "
     "hostname TEXT, os_name TEXT, os_platform TEXT, is_server INTEGER, ipv4 TEXT, ipv6 TEXT, "
     "health TEXT, isolation_status TEXT, admin_isolated INTEGER, self_isolated INTEGER, "
     "online INTEGER, associated_person TEXT, last_seen_at BIGINT, raw TEXT, "
     "updated_at BIGINT, PRIMARY KEY (id, tenant_id))"},
    {Only::Both,
     "CREATE TABLE cases (id TEXT NOT NULL, tenant_id TEXT NOT NULL, name TEXT, type TEXT, "
     "status TEXT, managed_by TEXT, severity INTEGER, assignee TEXT, overview TEXT, "
     "detection_count INTEGER, escalated INTEGER, verdict TEXT, created_at BIGINT, "
     "updated_at BIGINT, raw TEXT, PRIMARY KEY (id, tenant_id))"},
    {Only::Both,
     "CREATE TABLE siem_events (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, type TEXT, "
     "name TEXT, severity INTEGER, created_at BIGINT, happened_at BIGINT, endpoint_id TEXT, "
     "location TEXT, source TEXT, raw TEXT, stored_at BIGINT)"},
    {Only::Both, "CREATE INDEX siem_events_tenant ON siem_events (tenant_id, created_at)"},
    {Only::Both,
     "CREATE TABLE sync_cursors (tenant_id TEXT NOT NULL, feed TEXT NOT NULL, "
     "cursor TEXT, updated_at BIGINT, PRIMARY KEY (tenant_id, feed))"},
    {Only::Both,
     "CREATE TABLE evidence_items (id TEXT PRIMARY KEY, case_id TEXT, tenant_id TEXT, "
     "kind TEXT, origin TEXT, body TEXT, received_at BIGINT)"},
    {Only::Both, "CREATE INDEX evidence_items_case ON evidence_items (case_id)"},
    {Only::Both,
     "CREATE TABLE indicators (id {id}, case_id TEXT, source_id TEXT NOT NULL, "
     "type TEXT NOT NULL, value TEXT NOT NULL, original TEXT, port INTEGER, "
     "start_offset BIGINT NOT NULL, length BIGINT, "
     "UNIQUE (source_id, start_offset, type, value))"},
    {Only::Both, "CREATE INDEX indicators_case ON indicators (case_id, value)"},
    {Only::Both,
     "CREATE TABLE timeline_events (id TEXT PRIMARY KEY, case_id TEXT, tenant_id TEXT, "
     "time_utc BIGINT, original_time TEXT, source TEXT, host TEXT, summary TEXT, pid BIGINT, "
     "parent_pid BIGINT, process_name TEXT, local_address TEXT, local_port INTEGER, "
     "remote_address TEXT, remote_port INTEGER, source_id TEXT, correlated_ids TEXT, "
     "attributes TEXT)"},
    {Only::Both, "CREATE INDEX timeline_events_case ON timeline_events (case_id, time_utc)"},
};

const Step Version2[] = {
    {Only::Both,
     "CREATE TABLE drafts (case_id TEXT NOT NULL, kind TEXT NOT NULL, tenant_id TEXT, "
     "ai_text TEXT, analyst_text TEXT, ai_updated_at BIGINT, analyst_updated_at BIGINT, "
     "updated_at BIGINT, PRIMARY KEY (case_id, kind))"},
    {Only::Both,
     "CREATE TABLE proposals (id TEXT PRIMARY KEY, tenant_id TEXT, case_id TEXT, kind TEXT, "
     "title TEXT, reason TEXT, expected_impact TEXT, evidence TEXT, content TEXT NOT NULL, "
     "content_digest TEXT NOT NULL, high_impact INTEGER NOT NULL DEFAULT 0, "
     "status TEXT NOT NULL DEFAULT 'open', created_at BIGINT, updated_at BIGINT)"},
    {Only::Both,
     "CREATE TABLE approvals (id {id}, proposal_id TEXT NOT NULL REFERENCES proposals (id), "
     "analyst TEXT NOT NULL, approved_at BIGINT NOT NULL, content_digest TEXT NOT NULL, "
     "UNIQUE (proposal_id, analyst, content_digest))"},
    {Only::Both,
     "CREATE TABLE outbox (id {id}, idempotency_key TEXT NOT NULL UNIQUE, tenant_id TEXT, "
     "case_id TEXT, proposal_id TEXT NOT NULL REFERENCES proposals (id), kind TEXT NOT NULL, "
     "payload TEXT NOT NULL, content_digest TEXT NOT NULL, state TEXT NOT NULL, "
     "attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, lease_owner TEXT, "
     "lease_until BIGINT, next_attempt_at BIGINT NOT NULL, created_at BIGINT, "
     "updated_at BIGINT, result TEXT)"},
    {Only::Both, "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)"},
    {Only::Both,
     "CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, "
     "analyst TEXT NOT NULL, tenant_id TEXT NOT NULL, case_id TEXT NOT NULL, "
     "kind TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, "
     "hash TEXT NOT NULL UNIQUE)"},
    // Append-only by construction; the hash chain still catches anyone who drops the trigger.
    {Only::Sqlite,
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
     "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"},
    {Only::Sqlite,
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
     "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"},
    {Only::Postgres,
     "CREATE FUNCTION mtr_audit_append_only() RETURNS trigger LANGUAGE plpgsql "
     "AS $$ BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$"},
    {Only::Postgres,
     "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
     "FOR EACH ROW EXECUTE FUNCTION mtr_audit_append_only()"},
};

// Sentence-to-evidence links of the AI draft (JSON), so the editor can show each sentence's
// evidence. Plain ADD COLUMN: both dialects accept it, and old rows read as NULL (no links).
const Step Version3[] = {
    {Only::Both, "ALTER TABLE drafts ADD COLUMN ai_sentences TEXT"},
};

struct VersionSteps
{
    const Step* begin;
    const Step* end;
};

VersionSteps stepsOf(int version)
{
    switch (version) {
    case 1:
        return {std::begin(Version1), std::end(Version1)};
    case 2:
        return {std::begin(Version2), std::end(Version2)};
    case 3:
        return {std::begin(Version3), std::end(Version3)};
    default:
        return {nullptr, nullptr};
    }
}

} // namespace

int Migrations::latestVersion()
{
    return 3;
}

QStringList Migrations::statements(int version, bool postgres)
{
    QStringList out;
    const VersionSteps steps = stepsOf(version);
    for (const Step* s = steps.begin; s != steps.end; ++s) {
        if ((s->only == Only::Sqlite && postgres) || (s->only == Only::Postgres && !postgres))
            continue;
        QString sql = QString::fromLatin1(s->sql);
        sql.replace(QLatin1String("{id}"),
                    postgres ? QLatin1String("BIGSERIAL PRIMARY KEY")
                             : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
        sql.replace(QLatin1String("{real}"),
                    postgres ? QLatin1String("DOUBLE PRECISION") : QLatin1String("REAL"));
        out << sql;
    }
    return out;
}

Result<int> Migrations::currentVersion(Database& db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        || !query.next()) {
        return sqlError(query, "read schema version");
    }
    return int(query.value(0).toLongLong());
}

static Error tooNew(int found)
{
    return Error::make(Error::Code::Storage,
                       QStringLiteral("workspace schema version %1 is newer than this build "
                                      "supports (%2); update the console")
                           .arg(found)
                           .arg(Migrations::latestVersion()));
}

Result<int> Migrations::migrate(Database& db)
{
    // Fast path without the write lock: most opens find an up-to-date schema.
    if (auto v = currentVersion(db); v.ok()) {
        if (v.value() > latestVersion())
            return tooNew(v.value());
        if (v.value() == latestVersion())
            return v.value();
    }

    Transaction tx(db);
    if (auto r = tx.begin(); !r)
        return r.error();
    if (auto r = db.lockForTransaction(MigrationLockKey); !r)
        return r.error();
    if (auto r =
            execDirect(db,
                       QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                      "version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)"),
                       "create schema_version");
        !r) {
        return r.error();
    }
    auto current = currentVersion(db); // re-read under the lock: a peer may have migrated
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return tooNew(current.value());

    for (int v = current.value() + 1; v <= latestVersion(); ++v) {
        for (const QString& sql : statements(v, db.isPostgres())) {
            if (auto r = execDirect(db, sql, "migration"); !r)
                return r.error();
        }
        QSqlQuery record(db.connection());
        record.prepare(
            QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (:v, :t)"));
        record.bindValue(QStringLiteral(":v"), v);
        record.bindValue(QStringLiteral(":t"), QDateTime::currentMSecsSinceEpoch());
        if (auto r = exec(record, "record schema version"); !r)
            return r.error();
        mtr::log::get("store")->info("schema migrated to version={}", v);
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return latestVersion();
}

} // namespace mtr::store
