// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/EndpointsApi.h"

#include "central/HostUrl.h"

#include <QJsonObject>

namespace mtr::central {

namespace {

QString enc(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

EndpointsApi::EndpointsApi(ApiTransport* transport, domain::Tenant tenant)
    : m_transport(transport)
    , m_tenant(std::move(tenant))
{}

QUrl EndpointsApi::url(const QString& path, const QUrlQuery& query) const
{
    return HostUrl::join(m_tenant.apiHost, QStringLiteral("/endpoint/v1/endpoints") + path, query);
}

void EndpointsApi::list(const EndpointFilter& filter,
                        QObject* context,
                        std::function<void(const Page<domain::Endpoint>&)> onPage,
                        ResultCallback<int> done) const
{
    QUrlQuery query;
    const auto add = [&query](const char* name, const QString& value) {
        if (!value.isEmpty()) {
            query.addQueryItem(QLatin1String(name), value);
        }
    };
    add("healthStatus", filter.healthStatus.join(QLatin1Char(',')));
    add("isolationStatus", filter.isolationStatus);
    add("hostnameContains", filter.hostnameContains);
    add("lastSeenAfter", filter.lastSeenAfter);
    add("ids", filter.ids.join(QLatin1Char(',')));
    add("view", filter.view);
    Requests::walk<domain::Endpoint>(
        m_transport,
        ApiRequest::get(url({}, query), QStringLiteral("endpoints.list"), m_tenant.id),
        Requests::Paging::Key,
        filter.pageSize,
        context,
        Requests::forTenant<domain::Endpoint>(&Parsers::endpoint, m_tenant.id),
        std::move(onPage),
        std::move(done));
}

void EndpointsApi::get(const QString& endpointId,
                       QObject* context,
                       ResultCallback<domain::Endpoint> done) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("view"), QStringLiteral("full"));
    Requests::one<domain::Endpoint>(
        m_transport,
        ApiRequest::get(url(u'/' + enc(endpointId), query),
                        QStringLiteral("endpoints.get"),
                        m_tenant.id),
        context,
        Requests::forTenant<domain::Endpoint>(&Parsers::endpoint, m_tenant.id),
        std::move(done));
}

void EndpointsApi::setIsolationBulk(const QStringList& endpointIds,
                                    bool enabled,
                                    const QString& comment,
                                    QObject* context,
                                    ResultCallback<QJsonArray> done) const
{
    const QJsonObject body{{QStringLiteral("enabled"), enabled},
                           {QStringLiteral("comment"), comment},
                           {QStringLiteral("ids"), QJsonArray::fromStringList(endpointIds)}};
    const QString op = QStringLiteral("endpoints.isolation.bulk");
    m_transport->send(ApiRequest::write(QByteArrayLiteral("POST"),
                                        url(QStringLiteral("/isolation")),
                                        op,
                                        m_tenant.id,
                                        QJsonDocument(body)),
                      context,
                      [op, done](Result<ApiResponse> r) {
                          if (!r) {
                              done(r.error());
                              return;
                          }
                          Result<QJsonObject> o = Parsers::object(r->body, op);
                          if (!o) {
                              done(o.error());
                              return;
                          }
                          done(o->value(QLatin1String("items")).toArray());
                      });
}

void EndpointsApi::isolation(const QString& endpointId,
                             QObject* context,
                             ResultCallback<domain::IsolationState> done) const
{
    Requests::one<domain::IsolationState>(
        m_transport,
        ApiRequest::get(url(u'/' + enc(endpointId) + QStringLiteral("/isolation")),
                        QStringLiteral("endpoints.isolation.get"),
                        m_tenant.id),
        context,
        &Parsers::isolation,
        std::move(done));
}

void EndpointsApi::setIsolation(const QString& endpointId,
                                bool enabled,
                                const QString& comment,
                                QObject* context,
                                ResultCallback<domain::IsolationState> done) const
{
    const QJsonObject body{{QStringLiteral("enabled"), enabled},
                           {QStringLiteral("comment"), comment}};
    Requests::one<domain::IsolationState>(
        m_transport,
        ApiRequest::write(QByteArrayLiteral("PATCH"),
                          url(u'/' + enc(endpointId) + QStringLiteral("/isolation")),
                          QStringLiteral("endpoints.isolation.set"),
                          m_tenant.id,
                          QJsonDocument(body)),
        context,
        &Parsers::isolation,
        std::move(done));
}

void EndpointsApi::scan(const QString& endpointId,
                        QObject* context,
                        ResultCallback<domain::ScanRequest> done) const
{
    Requests::one<domain::ScanRequest>(
        m_transport,
        ApiRequest::write(QByteArrayLiteral("POST"),
                          url(u'/' + enc(endpointId) + QStringLiteral("/scans")),
                          QStringLiteral("endpoints.scan"),
                          m_tenant.id,
                          QJsonDocument(QJsonObject{})),
        context,
        &Parsers::scan,
        std::move(done));
}

} // namespace mtr::central
