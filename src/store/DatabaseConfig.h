// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QString>

namespace mtr::store {

/// Where the workspace lives: a SQLite file for one analyst, or a PostgreSQL database shared by a
/// team of consoles and headless workers.
struct DatabaseConfig
{
    /// The two supported back ends.
    enum class Kind
    {
        Sqlite,
        Postgres
    };

    Kind kind = Kind::Sqlite;
    QString path; ///< SQLite file; empty means defaultSqlitePath()
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database = QStringLiteral("postgres");
    QString user;
    QString password;          ///< never logged
    int busyTimeoutMs = 15000; ///< how long a writer waits for another writer's lock
    /// Open only an existing workspace: no file, folder or table is created, and a database
    /// without our schema is refused untouched. For tools that read a log, where a mistyped
    /// path must not look like an empty one.
    bool mustExist = false;

    /// <AppDataLocation>/workspace.sqlite
    static QString defaultSqlitePath();

    /// A SQLite configuration for \p path (empty: the default path).
    static DatabaseConfig sqlite(const QString& path = {});

    /// Parses "postgresql://user:password@host:port/database" (also "postgres://").
    static Result<DatabaseConfig> fromPostgresUrl(const QString& url);
};

} // namespace mtr::store
