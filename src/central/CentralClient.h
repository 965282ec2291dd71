// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/AlertsApi.h"
#include "central/BlockedItemsApi.h"
#include "central/CasesApi.h"
#include "central/CentralConfig.h"
#include "central/EndpointsApi.h"
#include "central/QueryRunsApi.h"
#include "central/SiemApi.h"
#include "domain/CentralTypes.h"

#include <QObject>

namespace mtr::central {

class ApiTransport;
class TokenProvider;

/// Entry point to Sophos Central for one set of API credentials. Finds out who the caller is
/// (tenant, partner or organization), lists the tenants it may act for, and hands out typed
/// APIs bound to one tenant each, so data of two tenants can never be mixed by accident.
/// Everything is asynchronous; results arrive on this object's thread.
// TODO: the Detections API runs (/detections/v1/queries/...), tamper protection, forensic logs
// and the refresh_token grant are not wrapped yet; the console does not use them so far.
class CentralClient : public QObject
{
    Q_OBJECT

public:
    /// Nothing is sent until the first call.
    explicit CentralClient(CentralConfig config, QObject* parent = nullptr);
    ~CentralClient() override;

    /// GET {global}/whoami/v1; the result is also remembered for tenants().
    void whoami(QObject* context, ResultCallback<domain::CallerIdentity> done);

    /// The tenants the credentials may act for: the caller itself for a tenant caller, else
    /// every page of /partner/v1/tenants or /organization/v1/tenants. Calls whoami if needed.
    void tenants(QObject* context, ResultCallback<QList<domain::Tenant>> done);

    /// Typed APIs bound to `tenant` (its id as X-Tenant-ID, its apiHost as base URL).
    AlertsApi alerts(const domain::Tenant& tenant) const;
    EndpointsApi endpoints(const domain::Tenant& tenant) const;
    BlockedItemsApi blockedItems(const domain::Tenant& tenant) const;
    CasesApi cases(const domain::Tenant& tenant) const;
    SiemApi siem(const domain::Tenant& tenant) const;
    QueryRunsApi liveDiscover(const domain::Tenant& tenant) const;
    QueryRunsApi dataLake(const domain::Tenant& tenant) const;

    /// The transport, for tests and advanced callers.
    ApiTransport* transport() const
    {
        return m_transport;
    }

    /// The token provider, for tests (clock, fetch count).
    TokenProvider* tokenProvider() const
    {
        return m_tokens;
    }

private:
    void listTenants(const domain::CallerIdentity& who,
                     QObject* context,
                     ResultCallback<QList<domain::Tenant>> done);

    ApiTransport* m_transport;
    TokenProvider* m_tokens;
    std::optional<domain::CallerIdentity> m_identity;
};

} // namespace mtr::central
