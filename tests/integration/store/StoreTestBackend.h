// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "store/Database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace mtr::store::test {

/// The database behind one test function: a fresh SQLite file, or a fresh database on the
/// PostgreSQL fixture server, chosen by MTR_TEST_DB=sqlite|postgres. The same suite runs on both.
class StoreTestBackend
{
public:
    /// "sqlite" or "postgres", from MTR_TEST_DB (default sqlite).
    static QString name();

    /// True when MTR_TEST_DB asks for PostgreSQL.
    static bool isPostgres();

    /// Creates the fresh database. Returns an empty string on success, otherwise why it could
    /// not (the caller skips or fails; *skip tells which).
    QString setUp(bool* skip);

    /// Drops what setUp() created. Every Database opened on it must be closed first.
    void tearDown();

    /// The configuration of the fresh database; open it as often as a test needs.
    DatabaseConfig config() const
    {
        return m_config;
    }

    /// Opens a new connection (its own Database object) on the fresh database.
    std::unique_ptr<Database> open() const;

private:
    QString adminExec(const QString& sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    DatabaseConfig m_config;
    QString m_pgDatabase;
};

} // namespace mtr::store::test
