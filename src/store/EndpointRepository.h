// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "domain/Types.h"

#include <QList>

#include <optional>

namespace mtr::store {

class Database;

/// Managed endpoints keyed by (id, tenant), upserted from the Endpoint API.
class EndpointRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit EndpointRepository(Database& db)
        : m_db(db)
    {}

    /// Inserts or updates all endpoints in one transaction.
    Result<void> upsert(const QList<domain::Endpoint>& endpoints);

    /// The endpoint, or nullopt.
    Result<std::optional<domain::Endpoint>> get(const QString& id, const QString& tenantId);

    /// Every endpoint of one tenant, by hostname.
    Result<QList<domain::Endpoint>> listForTenant(const QString& tenantId);

private:
    Result<QList<domain::Endpoint>> select(const QString& where, const QVariantList& binds);

    Database& m_db;
};

} // namespace mtr::store
