// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/CasesApi.h"

#include "central/HostUrl.h"

#include <QJsonObject>

namespace mtr::central {

namespace {

QString enc(const QString& id)
{
    return u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

CasesApi::CasesApi(ApiTransport* transport, domain::Tenant tenant)
    : m_transport(transport)
    , m_tenant(std::move(tenant))
{}

QUrl CasesApi::url(const QString& path, const QUrlQuery& query) const
{
    return HostUrl::join(m_tenant.apiHost, QStringLiteral("/cases/v1/cases") + path, query);
}

void CasesApi::list(const CaseFilter& filter,
                    QObject* context,
                    std::function<void(const Page<domain::Case>&)> onPage,
                    ResultCallback<int> done) const
{
    QUrlQuery query;
    const auto add = [&query](const char* name, const QString& value) {
        if (!value.isEmpty()) {
            query.addQueryItem(QLatin1String(name), value);
        }
    };
    add("status", filter.statuses.join(QLatin1Char(',')));
    add("severity", filter.severities.join(QLatin1Char(',')));
    add("assignee", filter.assignee);
    add("managedBy", filter.managedBy);
    add("createdAfter", filter.createdAfter);
    add("sort", filter.sort);
    Requests::walk<domain::Case>(
        m_transport,
        ApiRequest::get(url({}, query), QStringLiteral("cases.list"), m_tenant.id),
        Requests::Paging::Number,
        filter.pageSize,
        context,
        Requests::forTenant<domain::Case>(&Parsers::caseObject, m_tenant.id),
        std::move(onPage),
        std::move(done));
}

void CasesApi::get(const QString& caseId, QObject* context, ResultCallback<domain::Case> done) const
{
    Requests::one<domain::Case>(
        m_transport,
        ApiRequest::get(url(enc(caseId)), QStringLiteral("cases.get"), m_tenant.id),
        context,
        Requests::forTenant<domain::Case>(&Parsers::caseObject, m_tenant.id),
        std::move(done));
}

void CasesApi::update(const QString& caseId,
                      const CaseUpdate& update,
                      QObject* context,
                      ResultCallback<domain::Case> done) const
{
    QJsonObject body;
    if (update.status) {
        body.insert(QStringLiteral("status"), *update.status);
    }
    if (update.assignee) {
        body.insert(QStringLiteral("assignee"), *update.assignee);
    }
    if (update.overview) {
        body.insert(QStringLiteral("overview"), *update.overview);
    }
    if (body.isEmpty()) {
        const Error e = Error::make(Error::Code::InvalidInput,
                                    QStringLiteral("cases.update: nothing to change"));
        QMetaObject::invokeMethod(
            context,
            [done, e] {
                done(e);
            },
            Qt::QueuedConnection);
        return;
    }
    Requests::one<domain::Case>(
        m_transport,
        ApiRequest::write(QByteArrayLiteral("PATCH"),
                          url(enc(caseId)),
                          QStringLiteral("cases.update"),
                          m_tenant.id,
                          QJsonDocument(body)),
        context,
        Requests::forTenant<domain::Case>(&Parsers::caseObject, m_tenant.id),
        std::move(done));
}

void CasesApi::detections(const QString& caseId,
                          QObject* context,
                          std::function<void(const Page<domain::Detection>&)> onPage,
                          ResultCallback<int> done) const
{
    Requests::walk<domain::Detection>(
        m_transport,
        ApiRequest::get(url(enc(caseId) + QStringLiteral("/detections")),
                        QStringLiteral("cases.detections"),
                        m_tenant.id),
        Requests::Paging::Number,
        100,
        context,
        &Parsers::detection,
        std::move(onPage),
        std::move(done));
}

void CasesApi::impactedEntities(const QString& caseId,
                                QObject* context,
                                std::function<void(const Page<domain::ImpactedEntity>&)> onPage,
                                ResultCallback<int> done) const
{
    Requests::walk<domain::ImpactedEntity>(
        m_transport,
        ApiRequest::get(url(enc(caseId) + QStringLiteral("/impacted-entities")),
                        QStringLiteral("cases.impactedEntities"),
                        m_tenant.id),
        Requests::Paging::Number,
        100,
        context,
        &Parsers::impactedEntity,
        std::move(onPage),
        std::move(done));
}

void CasesApi::mitreSummary(const QString& caseId,
                            QObject* context,
                            ResultCallback<domain::MitreSummary> done) const
{
    Requests::one<domain::MitreSummary>(
        m_transport,
        ApiRequest::get(url(enc(caseId) + QStringLiteral("/mitre-attack-summary")),
                        QStringLiteral("cases.mitreSummary"),
                        m_tenant.id),
        context,
        &Parsers::mitreSummary,
        std::move(done));
}

} // namespace mtr::central
