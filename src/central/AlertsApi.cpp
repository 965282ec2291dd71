// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/AlertsApi.h"

#include "central/HostUrl.h"

#include <QJsonObject>

#include <array>

namespace mtr::central {

namespace {

using domain::AlertAction;

constexpr std::array<std::pair<AlertAction, const char*>, 8> ActionNames{{
    {AlertAction::Acknowledge, "acknowledge"},
    {AlertAction::CleanPua, "cleanPua"},
    {AlertAction::CleanVirus, "cleanVirus"},
    {AlertAction::AuthPua, "authPua"},
    {AlertAction::ClearThreat, "clearThreat"},
    {AlertAction::ClearHmpa, "clearHmpa"},
    {AlertAction::SendMsgPua, "sendMsgPua"},
    {AlertAction::SendMsgThreat, "sendMsgThreat"},
}};

QString isoUtc(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

AlertsApi::AlertsApi(ApiTransport* transport, domain::Tenant tenant)
    : m_transport(transport)
    , m_tenant(std::move(tenant))
{}

ApiRequest AlertsApi::listRequest(const AlertFilter& filter) const
{
    QUrlQuery query;
    if (filter.from.isValid()) {
        query.addQueryItem(QStringLiteral("from"), isoUtc(filter.from));
    }
    if (filter.to.isValid()) {
        query.addQueryItem(QStringLiteral("to"), isoUtc(filter.to));
    }
    const auto addList = [&query](const char* name, const QStringList& values) {
        if (!values.isEmpty()) {
            query.addQueryItem(QLatin1String(name), values.join(QLatin1Char(',')));
        }
    };
    addList("category", filter.categories);
    addList("severity", filter.severities);
    addList("product", filter.products);
    if (!filter.sort.isEmpty()) {
        query.addQueryItem(QStringLiteral("sort"), filter.sort);
    }
    return ApiRequest::get(
        HostUrl::join(m_tenant.apiHost, QStringLiteral("/common/v1/alerts"), query),
        QStringLiteral("alerts.list"),
        m_tenant.id);
}

void AlertsApi::list(const AlertFilter& filter,
                     QObject* context,
                     std::function<void(const Page<domain::Alert>&)> onPage,
                     ResultCallback<int> done) const
{
    Requests::walk<domain::Alert>(m_transport,
                                  listRequest(filter),
                                  Requests::Paging::Key,
                                  filter.pageSize,
                                  context,
                                  Requests::forTenant<domain::Alert>(&Parsers::alert, m_tenant.id),
                                  std::move(onPage),
                                  std::move(done));
}

void AlertsApi::listPage(const AlertFilter& filter,
                         const QString& fromKey,
                         QObject* context,
                         ResultCallback<Page<domain::Alert>> done) const
{
    ApiRequest request = listRequest(filter);
    QUrlQuery query(request.url);
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(filter.pageSize));
    if (!fromKey.isEmpty()) {
        query.addQueryItem(QStringLiteral("pageFromKey"), fromKey);
    }
    request.url.setQuery(query);
    Requests::page<domain::Alert>(m_transport,
                                  std::move(request),
                                  context,
                                  Requests::forTenant<domain::Alert>(&Parsers::alert, m_tenant.id),
                                  std::move(done));
}

void AlertsApi::get(const QString& alertId,
                    QObject* context,
                    ResultCallback<domain::Alert> done) const
{
    const QString path = QStringLiteral("/common/v1/alerts/%1")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(alertId)));
    Requests::one<domain::Alert>(m_transport,
                                 ApiRequest::get(HostUrl::join(m_tenant.apiHost, path),
                                                 QStringLiteral("alerts.get"),
                                                 m_tenant.id),
                                 context,
                                 Requests::forTenant<domain::Alert>(&Parsers::alert, m_tenant.id),
                                 std::move(done));
}

void AlertsApi::act(const domain::Alert& alert,
                    domain::AlertAction action,
                    const QString& message,
                    QObject* context,
                    ResultCallback<domain::AlertActionResult> done) const
{
    const QString name = actionName(action);
    if (!alert.allowedActions.contains(name)) {
        Error e =
            Error::make(Error::Code::NotAllowed,
                        QStringLiteral("alerts.action: Central does not offer '%1' for this "
                                       "alert; refresh the alert and choose an offered action")
                            .arg(name));
        QMetaObject::invokeMethod(
            context,
            [done, e] {
                done(e);
            },
            Qt::QueuedConnection);
        return;
    }
    QJsonObject body{{QStringLiteral("action"), name}};
    if (!message.isEmpty()) {
        body.insert(QStringLiteral("message"), message);
    }
    const QString path = QStringLiteral("/common/v1/alerts/%1/actions")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(alert.id)));
    Requests::one<domain::AlertActionResult>(
        m_transport,
        ApiRequest::write(QByteArrayLiteral("POST"),
                          HostUrl::join(m_tenant.apiHost, path),
                          QStringLiteral("alerts.action"),
                          m_tenant.id,
                          QJsonDocument(body)),
        context,
        &Parsers::actionResult,
        std::move(done));
}

QString AlertsApi::actionName(domain::AlertAction action)
{
    for (const auto& [value, name] : ActionNames) {
        if (value == action) {
            return QLatin1String(name);
        }
    }
    return {};
}

std::optional<domain::AlertAction> AlertsApi::actionFromName(const QString& name)
{
    for (const auto& [value, text] : ActionNames) {
        if (name == QLatin1String(text)) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace mtr::central
