// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/Requests.h"
#include "domain/CentralTypes.h"
#include "domain/Types.h"

namespace mtr::central {

/// The tenant's blocked items (Endpoint API, /endpoint/v1/settings/blocked-items): files that
/// Central treats as malicious on every endpoint of the tenant, named by SHA-256.
class BlockedItemsApi
{
public:
    /// Bound to `tenant` (X-Tenant-ID and apiHost).
    BlockedItemsApi(ApiTransport* transport, domain::Tenant tenant);

    /// Every page of GET /endpoint/v1/settings/blocked-items (page-number paging). The list
    /// is a read: retried on 5xx and network errors like every GET.
    void list(QObject* context,
              std::function<void(const Page<domain::BlockedItem>&)> onPage,
              ResultCallback<int> done,
              int pageSize = 50) const;

    /// POST /endpoint/v1/settings/blocked-items with type sha256 (201 gives the new item).
    /// A write: a connection lost after sending yields OutcomeUnknown and is never resent.
    /// Central answers 409 when the hash is already blocked (Error::httpStatus 409).
    void add(const QString& sha256,
             const QString& comment,
             QObject* context,
             ResultCallback<domain::BlockedItem> done) const;

private:
    ApiTransport* m_transport;
    domain::Tenant m_tenant;
};

} // namespace mtr::central
