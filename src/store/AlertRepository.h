// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/AlertSummary.h"
#include "domain/Result.h"
#include "domain/Types.h"
#include "store/AlertQuery.h"

#include <QList>
#include <QSqlQuery>
#include <QVariantList>

#include <optional>

namespace mtr::store {

class Database;

/// Alerts keyed by (id, tenant). Central's fields are upserted; the local triage state (status,
/// AI score) survives re-ingest of the same alert.
class AlertRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit AlertRepository(Database& db)
        : m_db(db)
    {}

    /// Inserts or updates all alerts in one transaction (joins the caller's, if any).
    Result<void> upsert(const QList<domain::Alert>& alerts);

    /// One page of queue rows for \p query.
    Result<QList<domain::AlertSummary>> page(const AlertQuery& query);

    /// How many alerts match \p query's filters (offset, limit and after ignored).
    Result<qint64> count(const AlertQuery& query);

    /// The full alert, or nullopt when unknown.
    Result<std::optional<domain::Alert>> get(const QString& id, const QString& tenantId);

    /// Sets the local triage status ("new", "acknowledged", ...).
    Result<void> setStatus(const QString& id, const QString& tenantId, const QString& status);

    /// Records the assistant's score (0..1).
    Result<void> setAiScore(const QString& id, const QString& tenantId, double score);

private:
    static void bindAlert(QSqlQuery& query, const domain::Alert& alert, qint64 now);
    /// WHERE clause (with leading " WHERE " or empty) and its positional values; the keyset
    /// condition of query.after only when \p withKeyset.
    static QString whereClause(const AlertQuery& query, QVariantList* binds, bool withKeyset);
    Result<void> updateColumn(const QString& id,
                              const QString& tenantId,
                              const char* column,
                              const QVariant& value);

    Database& m_db;
};

} // namespace mtr::store
