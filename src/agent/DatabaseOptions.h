// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "store/DatabaseConfig.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace mtr::agent {

/// The --workspace FILE / --database CONNECTION pair every subcommand that touches the store
/// accepts. CONNECTION is a PostgreSQL URL (postgres://user@host:port/db) or libpq keywords
/// ("host=... port=... dbname=... user=..."); a missing password comes from PGPASSWORD.
class DatabaseOptions
{
public:
    DatabaseOptions();

    /// Adds both options to \p parser.
    void addTo(QCommandLineParser& parser) const;

    /// The configuration the command line asks for; an error when neither or both are given.
    Result<store::DatabaseConfig> config(const QCommandLineParser& parser) const;

    /// Parses libpq keyword form: host, hostaddr, port, dbname, user, password.
    static Result<store::DatabaseConfig> fromKeywords(const QString& text);

private:
    QCommandLineOption m_workspace;
    QCommandLineOption m_database;
};

} // namespace mtr::agent
