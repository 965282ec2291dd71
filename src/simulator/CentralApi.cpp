// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/CentralApi.h"

#include "simulator/Paging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace mtr::simulator {
namespace {

constexpr qint64 TokenLifetimeS = 3600;

bool isUuid(const QByteArray& value)
{
    return !QUuid::fromString(QLatin1String(value)).isNull();
}

QString base64Url(const QByteArray& data)
{
    return QString::fromLatin1(
        data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomToken(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(data.data()), bytes / 4);
    return base64Url(data);
}

ApiResponse unauthorized(const QString& message)
{
    return apiError(401, QStringLiteral("Unauthorized"), message);
}

ApiResponse forbidden(const QString& message)
{
    return apiError(403, QStringLiteral("Forbidden"), message);
}

} // namespace

CentralApi::CentralApi(const ApiOptions& options, DemoData data)
    : m_options(options)
    , m_data(std::move(data))
{}

void CentralApi::setBaseUrl(const QString& baseUrl)
{
    m_baseUrl = baseUrl;
}

qint64 CentralApi::now() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_options.clockOffsetMs;
}

void CentralApi::invalidateTokens()
{
    m_tokens.clear();
    m_refreshTokens.clear();
}

const std::vector<CentralApi::Route>& CentralApi::routes()
{
    using C = CentralApi;
    static const std::vector<Route> table{
        {"POST", TokenPath, Scope::Open, &C::token},
        {"GET", "/whoami/v1", Scope::Global, &C::whoami},
        {"GET", "/partner/v1/tenants", Scope::Partner, &C::tenantList},
        {"GET", "/partner/v1/tenants/{}", Scope::Partner, &C::tenantGet},
        {"GET", "/organization/v1/tenants", Scope::Organization, &C::tenantList},
        {"GET", "/organization/v1/tenants/{}", Scope::Organization, &C::tenantGet},
        {"GET", "/common/v1/alerts", Scope::Tenant, &C::alertList},
        {"POST", "/common/v1/alerts/search", Scope::Tenant, &C::alertSearch},
        {"GET", "/common/v1/alerts/{}", Scope::Tenant, &C::alertGet},
        {"POST", "/common/v1/alerts/{}/actions", Scope::Tenant, &C::alertAction},
        {"GET", "/endpoint/v1/endpoints", Scope::Tenant, &C::endpointList},
        {"POST", "/endpoint/v1/endpoints/isolation", Scope::Tenant, &C::isolationBulk},
        {"GET", "/endpoint/v1/endpoints/{}", Scope::Tenant, &C::endpointGet},
        {"GET", "/endpoint/v1/endpoints/{}/isolation", Scope::Tenant, &C::isolationGet},
        {"PATCH", "/endpoint/v1/endpoints/{}/isolation", Scope::Tenant, &C::isolationPatch},
        {"POST", "/endpoint/v1/endpoints/{}/scans", Scope::Tenant, &C::scanStart},
        {"GET", "/endpoint/v1/settings/blocked-items", Scope::Tenant, &C::blockedItemList},
        {"POST", "/endpoint/v1/settings/blocked-items", Scope::Tenant, &C::blockedItemAdd},
        {"GET", "/endpoint/v1/settings/blocked-items/{}", Scope::Tenant, &C::blockedItemGet},
        {"DELETE", "/endpoint/v1/settings/blocked-items/{}", Scope::Tenant, &C::blockedItemDelete},
        {"GET", "/cases/v1/cases", Scope::Tenant, &C::caseList},
        {"POST", "/cases/v1/cases", Scope::Tenant, &C::caseCreate},
        {"GET", "/cases/v1/cases/{}", Scope::Tenant, &C::caseGet},
        {"PATCH", "/cases/v1/cases/{}", Scope::Tenant, &C::casePatch},
        {"DELETE", "/cases/v1/cases/{}", Scope::Tenant, &C::caseDelete},
        {"GET", "/cases/v1/cases/{}/detections", Scope::Tenant, &C::caseDetections},
        {"GET", "/cases/v1/cases/{}/detections/{}", Scope::Tenant, &C::caseDetection},
        {"GET", "/cases/v1/cases/{}/impacted-entities", Scope::Tenant, &C::caseEntities},
        {"GET", "/cases/v1/cases/{}/mitre-attack-summary", Scope::Tenant, &C::caseMitre},
        {"POST", "/live-discover/v1/queries/runs", Scope::Tenant, &C::ldRunCreate},
        {"GET", "/live-discover/v1/queries/runs", Scope::Tenant, &C::runList},
        {"GET", "/live-discover/v1/queries/runs/{}", Scope::Tenant, &C::runGet},
        {"GET", "/live-discover/v1/queries/runs/{}/endpoints", Scope::Tenant, &C::runEndpoints},
        {"GET", "/live-discover/v1/queries/runs/{}/results", Scope::Tenant, &C::runResults},
        {"POST", "/xdr-query/v1/queries/runs", Scope::Tenant, &C::xdrRunCreate},
        {"GET", "/xdr-query/v1/queries/runs", Scope::Tenant, &C::runList},
        {"GET", "/xdr-query/v1/queries/runs/{}", Scope::Tenant, &C::runGet},
        {"POST", "/xdr-query/v1/queries/runs/{}/cancel", Scope::Tenant, &C::runCancel},
        {"GET", "/xdr-query/v1/queries/runs/{}/results", Scope::Tenant, &C::runResults},
        {"GET", "/siem/v1/events", Scope::Tenant, &C::siemEvents},
        {"GET", "/siem/v1/alerts", Scope::Tenant, &C::siemAlerts},
    };
    return table;
}

ApiResponse CentralApi::handle(ApiRequest& request)
{
    applyDue();
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool pathKnown = false;
    for (const Route& route : routes()) {
        const QStringList pattern =
            QString::fromLatin1(route.pattern).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (pattern.size() != segments.size())
            continue;
        QStringList args;
        bool match = true;
        for (qsizetype n = 0; n < pattern.size() && match; ++n) {
            if (pattern.at(n) == QLatin1String("{}"))
                args.append(segments.at(n));
            else
                match = pattern.at(n) == segments.at(n);
        }
        if (!match)
            continue;
        pathKnown = true;
        if (request.method != route.method)
            continue;
        request.args = args;
        int tenant = -1;
        if (auto error = authorize(request, route.scope, tenant))
            return *error;
        return (this->*route.handler)(request, m_data.tenants[size_t(std::max(tenant, 0))]);
    }
    if (pathKnown)
        return apiError(405,
                        QStringLiteral("methodNotAllowed"),
                        QStringLiteral("Method %1 is not allowed here")
                            .arg(QString::fromLatin1(request.method)));
    return apiError(404, QStringLiteral("resourceNotFound"), QStringLiteral("No such API path"));
}

std::optional<ApiResponse>
CentralApi::authorize(const ApiRequest& request, Scope scope, int& tenant) const
{
    if (scope == Scope::Open)
        return std::nullopt;
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith("Bearer "))
        return unauthorized(QStringLiteral("Missing bearer token"));
    const auto expiry = m_tokens.constFind(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (expiry == m_tokens.constEnd())
        return unauthorized(QStringLiteral("Invalid or expired token"));
    if (*expiry <= now())
        return unauthorized(QStringLiteral("Token has expired"));

    const CallerType caller = m_options.caller;
    if (scope == Scope::Partner || scope == Scope::Organization) {
        const bool partner = scope == Scope::Partner;
        const char* header = partner ? "X-Partner-ID" : "X-Organization-ID";
        const QByteArray value = request.header(header);
        if (value.isEmpty() || !isUuid(value))
            return unauthorized(
                QStringLiteral("Missing or invalid %1 header").arg(QLatin1String(header)));
        const bool callerMatches =
            partner ? caller == CallerType::Partner : caller == CallerType::Organization;
        const QString own = partner ? m_data.partnerId : m_data.organizationId;
        if (!callerMatches || QString::fromLatin1(value) != own)
            return forbidden(
                QStringLiteral("Access to this %1 is not allowed")
                    .arg(partner ? QLatin1String("partner") : QLatin1String("organization")));
        return std::nullopt;
    }
    if (scope == Scope::Tenant) {
        const QByteArray value = request.header("X-Tenant-ID");
        if (value.isEmpty() || !isUuid(value))
            return unauthorized(QStringLiteral("Missing or invalid X-Tenant-ID header"));
        tenant = m_data.tenantIndex(QString::fromLatin1(value));
        if (tenant < 0 || (caller == CallerType::Tenant && tenant != 0))
            return forbidden(QStringLiteral("Access to this tenant is not allowed"));
    }
    return std::nullopt;
}

QJsonObject CentralApi::callerRef() const
{
    const CallerType caller = m_options.caller;
    const QString accountId = caller == CallerType::Partner        ? m_data.partnerId
                              : caller == CallerType::Organization ? m_data.organizationId
                                                                   : m_data.tenants[0].id();
    const QString accountType = caller == CallerType::Partner ? QStringLiteral("partner")
                                : caller == CallerType::Organization
                                    ? QStringLiteral("organization")
                                    : QStringLiteral("tenant");
    return {
        {QStringLiteral("id"),
         QUuid::createUuidV5(QUuid(accountId), m_options.clientId).toString(QUuid::WithoutBraces)},
        {QStringLiteral("type"), QStringLiteral("service")},
        {QStringLiteral("name"), QStringLiteral("API credential %1").arg(m_options.clientId)},
        {QStringLiteral("accountType"), accountType},
        {QStringLiteral("accountId"), accountId}};
}

ApiResponse CentralApi::token(ApiRequest& request, TenantData&)
{
    QHash<QString, QString> fields;
    if (request.header("Content-Type").contains("application/json")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        for (auto it = body.begin(); it != body.end(); ++it)
            fields.insert(it.key(), it.value().toString());
    } else {
        const QUrlQuery form(
            QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
        for (const auto& [key, value] : form.queryItems(QUrl::FullyDecoded))
            fields.insert(key, value);
    }
    const QString grant = fields.value(QStringLiteral("grant_type"));
    if (grant != QLatin1String("client_credentials") && grant != QLatin1String("refresh_token"))
        return tokenError(400,
                          QStringLiteral("oauth.unsupported_grant_type"),
                          QStringLiteral("Unsupported grant_type"));
    if (fields.value(QStringLiteral("client_id")) != m_options.clientId)
        return tokenError(401,
                          QStringLiteral("oauth.invalid_client_id"),
                          QStringLiteral("Unauthorized"));
    if (fields.value(QStringLiteral("client_secret")) != m_options.clientSecret)
        return tokenError(401,
                          QStringLiteral("oauth.invalid_client_secret"),
                          QStringLiteral("Unauthorized"));
    if (grant == QLatin1String("refresh_token")
        && !m_refreshTokens.contains(fields.value(QStringLiteral("refresh_token"))))
        return tokenError(401,
                          QStringLiteral("oauth.invalid_refresh_token"),
                          QStringLiteral("Unauthorized"));

    const qint64 issued = now() / 1000;
    const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("central-sim")},
                             {QStringLiteral("sub"), m_options.clientId},
                             {QStringLiteral("iat"), issued},
                             {QStringLiteral("exp"), issued + TokenLifetimeS},
                             {QStringLiteral("jti"), newUuid()}};
    const QString access = base64Url(R"({"alg":"RS256","typ":"JWT"})") + QLatin1Char('.')
                           + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact))
                           + QLatin1Char('.') + randomToken(32);
    const QString refresh = randomToken(24);
    m_tokens.insert(access, (issued + TokenLifetimeS) * 1000);
    m_refreshTokens.insert(refresh, 0);
    return jsonResponse(200,
                        {{QStringLiteral("access_token"), access},
                         {QStringLiteral("token_type"), QStringLiteral("bearer")},
                         {QStringLiteral("expires_in"), TokenLifetimeS},
                         {QStringLiteral("refresh_token"), refresh},
                         {QStringLiteral("errorCode"), QStringLiteral("success")},
                         {QStringLiteral("message"), QStringLiteral("OK")},
                         {QStringLiteral("trackingId"), newUuid()}});
}

ApiResponse CentralApi::whoami(ApiRequest&, TenantData&)
{
    QJsonObject hosts{{QStringLiteral("global"), m_baseUrl}};
    switch (m_options.caller) {
    case CallerType::Partner:
        return jsonResponse(200,
                            {{QStringLiteral("id"), m_data.partnerId},
                             {QStringLiteral("idType"), QStringLiteral("partner")},
                             {QStringLiteral("apiHosts"), hosts}});
    case CallerType::Organization:
        return jsonResponse(200,
                            {{QStringLiteral("id"), m_data.organizationId},
                             {QStringLiteral("idType"), QStringLiteral("organization")},
                             {QStringLiteral("apiHosts"), hosts}});
    case CallerType::Tenant:
        break;
    }
    hosts.insert(QStringLiteral("dataRegion"), m_baseUrl);
    return jsonResponse(200,
                        {{QStringLiteral("id"), m_data.tenants[0].id()},
                         {QStringLiteral("idType"), QStringLiteral("tenant")},
                         {QStringLiteral("apiHosts"), hosts}});
}

QJsonObject CentralApi::tenantView(const TenantData& tenant, bool organization) const
{
    QJsonObject view = tenant.tenant;
    view.insert(QStringLiteral("apiHost"), m_baseUrl);
    if (organization)
        view.insert(QStringLiteral("organization"),
                    QJsonObject{{QStringLiteral("id"), m_data.organizationId}});
    else
        view.insert(QStringLiteral("partner"),
                    QJsonObject{{QStringLiteral("id"), m_data.partnerId}});
    return view;
}

ApiResponse CentralApi::tenantList(ApiRequest& request, TenantData&)
{
    const bool organization = request.path.startsWith(QLatin1String("/organization/"));
    const NumberPage page = numberPage(request, qsizetype(m_data.tenants.size()), {50, 100});
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (qsizetype n = page.first; n < page.first + page.count; ++n)
        items.append(tenantView(m_data.tenants[size_t(n)], organization));
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::tenantGet(ApiRequest& request, TenantData&)
{
    const int index = m_data.tenantIndex(request.args.value(0));
    if (index < 0)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Tenant not found"));
    return jsonResponse(200,
                        tenantView(m_data.tenants[size_t(index)],
                                   request.path.startsWith(QLatin1String("/organization/"))));
}

} // namespace mtr::simulator
