// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "store/DatabaseConfig.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace mtr::store {

/// One open workspace database and the named Qt Sql connection it owns. Qt Sql connections
/// belong to the thread that made them: create one Database per thread (each gets a unique
/// connection name) and never share one across threads. Other consoles and workers may use the
/// same database at the same time; every write goes through a Transaction.
class Database
{
public:
    /// Opens (creating a SQLite file if needed) and brings the schema up to date. Fails with
    /// Error::Code::Storage when the schema is newer than this build knows.
    static Result<std::unique_ptr<Database>> open(const DatabaseConfig& config);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// The back end in use.
    DatabaseConfig::Kind kind() const
    {
        return m_kind;
    }

    /// True on PostgreSQL, where SQL needs its own branches (row locks, advisory locks).
    bool isPostgres() const
    {
        return m_kind == DatabaseConfig::Kind::Postgres;
    }

    /// The connection; valid for the lifetime of this object, on its creating thread only.
    QSqlDatabase& connection()
    {
        return m_db;
    }

    /// The schema version found (after migrating) when the database was opened.
    int schemaVersion() const
    {
        return m_schemaVersion;
    }

    /// The newest schema version this build can migrate to.
    static int latestSchemaVersion();

    /// Starts a write transaction, or joins the one already open on this connection. SQLite
    /// takes the write lock at once (BEGIN IMMEDIATE) so two writers never deadlock on upgrade.
    Result<void> beginTransaction();

    /// Commits when the outermost level ends; fails if an inner level rolled back.
    Result<void> commitTransaction();

    /// Rolls back the outermost level; an inner level only marks the whole as failed.
    void rollbackTransaction();

    /// True inside beginTransaction()/commit.
    bool inTransaction() const
    {
        return m_depth > 0;
    }

    /// Serialises writers of one kind across every connection (PostgreSQL advisory lock held
    /// until the transaction ends). SQLite's write lock already serialises; nothing to do there.
    Result<void> lockForTransaction(qint64 key);

private:
    Database() = default;
    Result<void> connect(const DatabaseConfig& config);
    /// For DatabaseConfig::mustExist: InvalidInput unless our schema is there.
    Result<void> checkIsWorkspace(const DatabaseConfig& config);
    Result<void> configureSession();
    Result<void> execRaw(const QString& sql);

    QSqlDatabase m_db;
    QString m_name;
    DatabaseConfig::Kind m_kind = DatabaseConfig::Kind::Sqlite;
    int m_schemaVersion = 0;
    int m_depth = 0;
    int m_busyTimeoutMs = 15000;
    bool m_rollbackOnly = false;
};

} // namespace mtr::store
