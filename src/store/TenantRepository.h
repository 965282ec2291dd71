// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "domain/Types.h"

#include <QList>

namespace mtr::store {

class Database;

/// Tenants seen by this workspace, upserted by id.
class TenantRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit TenantRepository(Database& db)
        : m_db(db)
    {}

    /// Inserts or updates every tenant in one transaction.
    Result<void> upsert(const QList<domain::Tenant>& tenants);

    /// Every tenant, ordered by name.
    Result<QList<domain::Tenant>> list();

private:
    Database& m_db;
};

} // namespace mtr::store
