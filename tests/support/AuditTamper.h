// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QtGlobal>

namespace mtr::test {

/// Does to a SQLite workspace what someone with file access can: drops the audit log's
/// append-only triggers and runs \p statement. The rows it changed, or -1 when it failed (the
/// reason goes to the test log).
inline int tamperWorkspace(const QString& path, const QString& statement)
{
    auto db = store::Database::open(store::DatabaseConfig::sqlite(path));
    if (!db)
        return -1;
    QSqlQuery query(db.value()->connection());
    query.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update"));
    query.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete"));
    if (!query.exec(statement)) {
        qWarning("tamper failed: %s", qPrintable(query.lastError().text()));
        return -1;
    }
    return query.numRowsAffected();
}

} // namespace mtr::test
