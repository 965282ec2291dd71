// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "domain/Types.h"

#include <QList>

#include <optional>

namespace mtr::store {

class Database;

/// Cases keyed by (id, tenant), upserted from the Cases API.
class CaseRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit CaseRepository(Database& db)
        : m_db(db)
    {}

    /// Inserts or updates all cases in one transaction.
    Result<void> upsert(const QList<domain::Case>& cases);

    /// The case, or nullopt.
    Result<std::optional<domain::Case>> get(const QString& id, const QString& tenantId);

    /// Every case of one tenant, newest first.
    Result<QList<domain::Case>> listForTenant(const QString& tenantId);

private:
    Result<QList<domain::Case>> select(const QString& where, const QVariantList& binds);

    Database& m_db;
};

} // namespace mtr::store
