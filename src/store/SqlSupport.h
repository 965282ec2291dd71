// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace mtr::store {

class Database;

/// An Error::Code::Storage carrying the driver's message for \p what (an operation name).
Error sqlError(const QSqlQuery& query, const char* what);

/// Prepares \p sql on \p query; Storage error if the driver refuses it.
Result<void> prepare(QSqlQuery& query, const QString& sql);

/// Executes a prepared query; Storage error on failure.
Result<void> exec(QSqlQuery& query, const char* what);

/// After a `while (query.next())` loop: a Storage error when the loop ended because reading
/// failed (a corrupt page, a lost connection) rather than because the rows ran out, so a
/// damaged table never reads as a shorter one.
Result<void> rowsDone(const QSqlQuery& query, const char* what);

/// Executes one unprepared statement.
Result<void> execDirect(Database& db, const QString& sql, const char* what);

/// UTC milliseconds for a column, or a typed NULL for an invalid time.
QVariant timeValue(const QDateTime& time);

/// The inverse of timeValue(): invalid QDateTime for NULL.
QDateTime timeFrom(const QVariant& value);

/// A NULL of the given text type when \p text is null, else the text.
QVariant textOrNull(const QString& text);

/// Compact JSON text of \p object (keys sorted, so equal objects give equal text).
QString jsonText(const QJsonObject& object);

/// Compact JSON array text of \p list.
QString jsonText(const QStringList& list);

/// The object stored by jsonText(); empty for NULL or invalid text.
QJsonObject jsonObjectFrom(const QVariant& value);

/// The list stored by jsonText(); empty for NULL or invalid text.
QStringList stringListFrom(const QVariant& value);

/// Scoped write transaction: begins on begin(), rolls back on destruction unless committed.
/// Nested scopes on the same Database join the outer transaction.
class Transaction
{
public:
    /// Binds to \p db; nothing happens until begin().
    explicit Transaction(Database& db)
        : m_db(db)
    {}

    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Begins (or joins) the transaction.
    Result<void> begin();

    /// Commits (or leaves the joined level).
    Result<void> commit();

private:
    Database& m_db;
    bool m_active = false;
};

} // namespace mtr::store
