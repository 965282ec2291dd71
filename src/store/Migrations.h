// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QStringList>

namespace mtr::store {

class Database;

/// The versioned schema. Each migration is a list of statements applied in order inside one
/// transaction that also records the version in schema_version, under a lock (SQLite's write
/// lock, a PostgreSQL advisory lock) so that two processes opening a fresh database at once
/// apply each migration exactly once.
class Migrations
{
public:
    /// The newest version defined in this build.
    static int latestVersion();

    /// The statements of \p version for the given dialect, placeholders resolved.
    static QStringList statements(int version, bool postgres);

    /// Brings the schema to latestVersion() and returns it. Refuses (Storage error) a database
    /// whose schema is newer than this build, instead of writing into tables it does not know.
    static Result<int> migrate(Database& db);

private:
    static Result<int> currentVersion(Database& db);
};

} // namespace mtr::store
