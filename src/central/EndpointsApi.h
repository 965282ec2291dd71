// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/Requests.h"
#include "domain/CentralTypes.h"
#include "domain/Types.h"

#include <QJsonArray>
#include <QStringList>

namespace mtr::central {

/// Filters of GET /endpoint/v1/endpoints; empty members are not sent.
struct EndpointFilter
{
    QStringList healthStatus; ///< good, suspicious, bad
    QString isolationStatus;  ///< "isolated", "notIsolated"
    QString hostnameContains;
    QString lastSeenAfter; ///< ISO time or ISO duration ("-P1D")
    QStringList ids;
    QString view = QStringLiteral("full"); ///< basic, summary, full
    int pageSize = 100;
};

/// Endpoints of one tenant (Endpoint API): inventory, isolation and scans.
class EndpointsApi
{
public:
    /// Bound to `tenant` (X-Tenant-ID and apiHost).
    EndpointsApi(ApiTransport* transport, domain::Tenant tenant);

    /// Every page for `filter` (key-based paging).
    void list(const EndpointFilter& filter,
              QObject* context,
              std::function<void(const Page<domain::Endpoint>&)> onPage,
              ResultCallback<int> done) const;

    /// GET /endpoint/v1/endpoints/{id}?view=full.
    void
    get(const QString& endpointId, QObject* context, ResultCallback<domain::Endpoint> done) const;

    /// POST /endpoint/v1/endpoints/isolation: isolates (or releases) several endpoints with one
    /// comment. Central answers 202 with items whose shape is unconfirmed; they are returned raw.
    void setIsolationBulk(const QStringList& endpointIds,
                          bool enabled,
                          const QString& comment,
                          QObject* context,
                          ResultCallback<QJsonArray> done) const;

    /// GET /endpoint/v1/endpoints/{id}/isolation.
    void isolation(const QString& endpointId,
                   QObject* context,
                   ResultCallback<domain::IsolationState> done) const;

    /// PATCH /endpoint/v1/endpoints/{id}/isolation with a comment.
    void setIsolation(const QString& endpointId,
                      bool enabled,
                      const QString& comment,
                      QObject* context,
                      ResultCallback<domain::IsolationState> done) const;

    /// POST /endpoint/v1/endpoints/{id}/scans.
    void scan(const QString& endpointId,
              QObject* context,
              ResultCallback<domain::ScanRequest> done) const;

private:
    QUrl url(const QString& path, const QUrlQuery& query = {}) const;

    ApiTransport* m_transport;
    domain::Tenant m_tenant;
};

} // namespace mtr::central
