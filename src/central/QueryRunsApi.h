// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/Requests.h"
#include "domain/CentralTypes.h"
#include "domain/Types.h"

#include <QDateTime>
#include <QStringList>

namespace mtr::central {

/// Query runs of one tenant: Live Discover (osquery SQL on live endpoints, the API's nearest
/// thing to evidence collection since Live Response has no public API) and XDR Data Lake
/// queries. Both share the run life cycle: create, poll until "finished", read key-paged results.
class QueryRunsApi
{
public:
    enum class Kind
    {
        LiveDiscover,
        DataLake
    };

    /// Bound to `tenant` (X-Tenant-ID and apiHost) and to one of the two query APIs.
    QueryRunsApi(ApiTransport* transport, domain::Tenant tenant, Kind kind);

    /// Live Discover: POST /live-discover/v1/queries/runs with an ad-hoc query on the given
    /// endpoints (all endpoints when the list is empty).
    void createLiveDiscover(const QString& name,
                            const QString& sql,
                            const QStringList& endpointIds,
                            QObject* context,
                            ResultCallback<domain::QueryRun> done) const;

    /// Data Lake: POST /xdr-query/v1/queries/runs with an ad-hoc query over [from, to).
    void createDataLake(const QString& sql,
                        const QDateTime& from,
                        const QDateTime& to,
                        QObject* context,
                        ResultCallback<domain::QueryRun> done) const;

    /// GET .../queries/runs/{id}: one poll.
    void run(const QString& runId, QObject* context, ResultCallback<domain::QueryRun> done) const;

    /// Polls every `intervalMs` until the run is finished or `maxPolls` is used up (Timeout).
    void waitUntilFinished(const QString& runId,
                           int intervalMs,
                           int maxPolls,
                           QObject* context,
                           ResultCallback<domain::QueryRun> done) const;

    /// Every results page of a finished run (key-based paging).
    void results(const QString& runId,
                 int pageSize,
                 QObject* context,
                 std::function<void(const Page<domain::QueryRow>&)> onPage,
                 ResultCallback<int> done) const;

private:
    struct Poller;
    static void pollStep(const std::shared_ptr<Poller>& poller, int left);

    QUrl url(const QString& path) const;
    QString op(const char* what) const;
    void
    create(const QJsonObject& body, QObject* context, ResultCallback<domain::QueryRun> done) const;

    ApiTransport* m_transport;
    domain::Tenant m_tenant;
    Kind m_kind;
};

} // namespace mtr::central
