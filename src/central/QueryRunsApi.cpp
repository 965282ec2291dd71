// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/QueryRunsApi.h"

#include "central/HostUrl.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace mtr::central {

struct QueryRunsApi::Poller
{
    QueryRunsApi api;
    QString runId;
    int intervalMs;
    QObject* context;
    ResultCallback<domain::QueryRun> done;
};

QueryRunsApi::QueryRunsApi(ApiTransport* transport, domain::Tenant tenant, Kind kind)
    : m_transport(transport)
    , m_tenant(std::move(tenant))
    , m_kind(kind)
{}

QUrl QueryRunsApi::url(const QString& path) const
{
    const QString prefix = m_kind == Kind::LiveDiscover ? QStringLiteral("/live-discover/v1")
                                                        : QStringLiteral("/xdr-query/v1");
    return HostUrl::join(m_tenant.apiHost, prefix + QStringLiteral("/queries/runs") + path);
}

QString QueryRunsApi::op(const char* what) const
{
    return (m_kind == Kind::LiveDiscover ? QStringLiteral("liveDiscover.")
                                         : QStringLiteral("xdrQuery."))
           + QLatin1String(what);
}

void QueryRunsApi::createLiveDiscover(const QString& name,
                                      const QString& sql,
                                      const QStringList& endpointIds,
                                      QObject* context,
                                      ResultCallback<domain::QueryRun> done) const
{
    QJsonObject match;
    if (endpointIds.isEmpty()) {
        match.insert(QStringLiteral("all"), true);
    } else {
        const QJsonObject ids{{QStringLiteral("ids"), QJsonArray::fromStringList(endpointIds)}};
        match.insert(QStringLiteral("filters"), QJsonArray{ids});
    }
    const QJsonObject body{
        {QStringLiteral("adHocQuery"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("template"), sql}}},
        {QStringLiteral("matchEndpoints"), match}};
    create(body, context, std::move(done));
}

void QueryRunsApi::createDataLake(const QString& sql,
                                  const QDateTime& from,
                                  const QDateTime& to,
                                  QObject* context,
                                  ResultCallback<domain::QueryRun> done) const
{
    QJsonObject body{
        {QStringLiteral("adHocQuery"), QJsonObject{{QStringLiteral("template"), sql}}}};
    if (from.isValid()) {
        body.insert(QStringLiteral("from"), from.toUTC().toString(Qt::ISODateWithMs));
    }
    if (to.isValid()) {
        body.insert(QStringLiteral("to"), to.toUTC().toString(Qt::ISODateWithMs));
    }
    create(body, context, std::move(done));
}

void QueryRunsApi::create(const QJsonObject& body,
                          QObject* context,
                          ResultCallback<domain::QueryRun> done) const
{
    Requests::one<domain::QueryRun>(m_transport,
                                    ApiRequest::write(QByteArrayLiteral("POST"),
                                                      url({}),
                                                      op("create"),
                                                      m_tenant.id,
                                                      QJsonDocument(body)),
                                    context,
                                    &Parsers::queryRun,
                                    std::move(done));
}

void QueryRunsApi::run(const QString& runId,
                       QObject* context,
                       ResultCallback<domain::QueryRun> done) const
{
    const QString path = u'/' + QString::fromLatin1(QUrl::toPercentEncoding(runId));
    Requests::one<domain::QueryRun>(m_transport,
                                    ApiRequest::get(url(path), op("poll"), m_tenant.id),
                                    context,
                                    &Parsers::queryRun,
                                    std::move(done));
}

void QueryRunsApi::waitUntilFinished(const QString& runId,
                                     int intervalMs,
                                     int maxPolls,
                                     QObject* context,
                                     ResultCallback<domain::QueryRun> done) const
{
    auto poller =
        std::make_shared<Poller>(Poller{*this, runId, intervalMs, context, std::move(done)});
    QTimer::singleShot(0, context, [poller, maxPolls] {
        pollStep(poller, std::max(1, maxPolls));
    });
}

void QueryRunsApi::pollStep(const std::shared_ptr<Poller>& poller, int left)
{
    // Each hop (request callback, timer) holds the poller, so it lives exactly as long as polling.
    poller->api.run(poller->runId, poller->context, [poller, left](Result<domain::QueryRun> r) {
        if (!r || r->finished()) {
            poller->done(std::move(r));
            return;
        }
        if (left <= 1) {
            poller->done(Error::make(Error::Code::Timeout,
                                     QStringLiteral("%1: the query run did not finish in time; "
                                                    "try again later or narrow the query")
                                         .arg(poller->api.op("wait"))));
            return;
        }
        QTimer::singleShot(poller->intervalMs, poller->context, [poller, left] {
            pollStep(poller, left - 1);
        });
    });
}

void QueryRunsApi::results(const QString& runId,
                           int pageSize,
                           QObject* context,
                           std::function<void(const Page<domain::QueryRow>&)> onPage,
                           ResultCallback<int> done) const
{
    const QString path =
        u'/' + QString::fromLatin1(QUrl::toPercentEncoding(runId)) + QStringLiteral("/results");
    Requests::walk<domain::QueryRow>(m_transport,
                                     ApiRequest::get(url(path), op("results"), m_tenant.id),
                                     Requests::Paging::Key,
                                     pageSize,
                                     context,
                                     &Parsers::queryRow,
                                     std::move(onPage),
                                     std::move(done));
}

} // namespace mtr::central
