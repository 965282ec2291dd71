// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/Database.h"

#include "log/Log.h"
#include "store/Migrations.h"
#include "store/SqlSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace mtr::store {

namespace {

std::atomic<quint64> s_connectionCounter{0};

/// Unique per instance and per thread: Qt Sql keeps connections in a process-wide registry.
QString newConnectionName()
{
    return QStringLiteral("mtr-store-%1-%2")
        .arg(++s_connectionCounter)
        .arg(quintptr(QThread::currentThreadId()), 0, 16);
}

} // namespace

Result<std::unique_ptr<Database>> Database::open(const DatabaseConfig& config)
{
    std::unique_ptr<Database> db(new Database);
    db->m_kind = config.kind;
    if (auto r = db->connect(config); !r)
        return r.error();
    if (config.mustExist) {
        if (auto r = db->checkIsWorkspace(config); !r)
            return r.error();
    }
    if (auto r = db->configureSession(); !r)
        return r.error();
    auto version = Migrations::migrate(*db);
    if (!version)
        return version.error();
    db->m_schemaVersion = version.value();
    mtr::log::get("store")->info("workspace opened kind={} schema={}",
                                 db->isPostgres() ? "postgres" : "sqlite",
                                 db->m_schemaVersion);
    return db;
}

Database::~Database()
{
    if (m_depth > 0) {
        m_depth = 1;
        rollbackTransaction();
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

int Database::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

Result<void> Database::connect(const DatabaseConfig& config)
{
    m_name = newConnectionName();
    if (config.kind == DatabaseConfig::Kind::Sqlite) {
        const QString path =
            config.path.isEmpty() ? DatabaseConfig::defaultSqlitePath() : config.path;
        if (config.mustExist) {
            const QFileInfo file(path);
            if (!file.exists())
                return Error::make(Error::Code::NotFound,
                                   QStringLiteral("no workspace at %1").arg(path));
            if (!file.isFile() || file.size() == 0)
                return Error::make(Error::Code::InvalidInput,
                                   QStringLiteral("%1 is not a workspace").arg(path));
        } else if (path != QLatin1String(":memory:")) {
            QDir().mkpath(QFileInfo(path).absolutePath());
        }
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(config.busyTimeoutMs));
        m_busyTimeoutMs = config.busyTimeoutMs;
    } else {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        m_db.setHostName(config.host);
        m_db.setPort(config.port);
        m_db.setDatabaseName(config.database);
        m_db.setUserName(config.user);
        m_db.setPassword(config.password);
        m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!m_db.isValid()) {
        return Error::make(
            Error::Code::Storage,
            QStringLiteral("Qt Sql driver missing for %1")
                .arg(isPostgres() ? QLatin1String("QPSQL") : QLatin1String("QSQLITE")));
    }
    if (!m_db.open()) {
        return Error::make(
            Error::Code::Storage,
            QStringLiteral("cannot open database: %1").arg(m_db.lastError().databaseText()),
            isPostgres());
    }
    return {};
}

Result<void> Database::checkIsWorkspace(const DatabaseConfig& config)
{
    // Before configureSession(): even switching the journal mode would change a foreign file.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version"))) {
        const QString where = isPostgres() ? config.database : m_db.databaseName();
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("%1 is not a workspace (no schema_version table)").arg(where));
    }
    return {};
}

Result<void> Database::configureSession()
{
    if (isPostgres()) {
        // Lock waits are bounded so that a stuck peer shows up as an error, not a hang; NOTICEs
        // ("relation already exists, skipping") are noise in our log.
        if (auto r = execRaw(QStringLiteral("SET client_min_messages = warning")); !r)
            return r;
        return execRaw(QStringLiteral("SET lock_timeout = '30s'"));
    }
    // Switching a new file to WAL takes an exclusive lock and SQLite answers SQLITE_BUSY at once
    // (its busy handler is not consulted) while another connection — a second console thread,
    // a worker — is opening or migrating the same file. Retry for the busy timeout.
    QElapsedTimer clock;
    clock.start();
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        for (;;) {
            auto r = execRaw(QString::fromLatin1(pragma));
            if (r)
                break;
            if (!r.error().message.contains(QLatin1String("locked"))
                || clock.elapsed() > m_busyTimeoutMs)
                return r;
            QThread::msleep(25);
        }
    }
    return {};
}

Result<void> Database::execRaw(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return sqlError(query, "session setup");
    return {};
}

Result<void> Database::beginTransaction()
{
    if (m_depth > 0) {
        ++m_depth;
        return {};
    }
    auto r = execRaw(isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    if (!r)
        return r;
    m_depth = 1;
    m_rollbackOnly = false;
    return {};
}

Result<void> Database::commitTransaction()
{
    if (m_depth == 0)
        return Error::make(Error::Code::Internal, QStringLiteral("commit outside a transaction"));
    if (m_depth > 1) {
        --m_depth;
        return {};
    }
    if (m_rollbackOnly) {
        rollbackTransaction();
        return Error::make(Error::Code::Storage,
                           QStringLiteral("transaction rolled back by an inner failure"));
    }
    auto r = execRaw(QStringLiteral("COMMIT"));
    if (!r) {
        rollbackTransaction();
        return r;
    }
    m_depth = 0;
    return {};
}

void Database::rollbackTransaction()
{
    if (m_depth == 0)
        return;
    if (m_depth > 1) {
        --m_depth;
        m_rollbackOnly = true;
        return;
    }
    m_depth = 0;
    m_rollbackOnly = false;
    if (auto r = execRaw(QStringLiteral("ROLLBACK")); !r)
        mtr::log::get("store")->warn("rollback failed: {}", r.error().message);
}

Result<void> Database::lockForTransaction(qint64 key)
{
    if (!isPostgres())
        return {};
    if (m_depth == 0)
        return Error::make(Error::Code::Internal, QStringLiteral("lock outside a transaction"));
    return execRaw(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(key));
}

} // namespace mtr::store
