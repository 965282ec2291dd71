// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Endpoint API: inventory, isolation and scans (central-api.md section 3).
#include "simulator/CentralApi.h"
#include "simulator/Paging.h"

#include <QJsonDocument>

namespace mtr::simulator {
namespace {

constexpr PageLimits EndpointLimits{50, 500};

QJsonObject endpointView(const QJsonObject& endpoint, const QString& view)
{
    if (view != QLatin1String("basic"))
        return endpoint;
    QJsonObject basic;
    for (const char* key : {"id", "type", "tenant", "hostname"})
        basic.insert(QLatin1String(key), endpoint.value(QLatin1String(key)));
    return basic;
}

bool containsCi(const QString& haystack, const QString& needle)
{
    return needle.isEmpty() || haystack.contains(needle, Qt::CaseInsensitive);
}

} // namespace

ApiResponse CentralApi::endpointList(ApiRequest& request, TenantData& tenant)
{
    const QString view = request.param(QStringLiteral("view"));
    if (!view.isEmpty() && view != QLatin1String("basic") && view != QLatin1String("summary")
        && view != QLatin1String("full"))
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("view must be basic, summary or full"));
    const QStringList ids = commaList(request.param(QStringLiteral("ids")));
    const QStringList health = commaList(request.param(QStringLiteral("healthStatus")));
    const QStringList types = commaList(request.param(QStringLiteral("type")));
    const QStringList isolation = commaList(request.param(QStringLiteral("isolationStatus")));
    const QString hostname = request.param(QStringLiteral("hostnameContains"));
    const QString online = request.param(QStringLiteral("online")).toLower();
    const QString seenBefore = request.param(QStringLiteral("lastSeenBefore"));
    const QString seenAfter = request.param(QStringLiteral("lastSeenAfter"));
    const qint64 before = seenBefore.isEmpty() ? -1 : timeOrDuration(seenBefore, now());
    const qint64 after = seenAfter.isEmpty() ? -1 : timeOrDuration(seenAfter, now());
    if ((!seenBefore.isEmpty() && before < 0) || (!seenAfter.isEmpty() && after < 0))
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("lastSeenBefore/lastSeenAfter need a time or a duration"));

    std::vector<qint64> ordered;
    for (int n = 0; n < tenant.endpoints.size(); ++n) {
        const QJsonObject& e = tenant.endpoints.at(n);
        const qint64 seen = parseIsoMs(e.value(QLatin1String("lastSeenAt")).toString());
        const bool keep =
            (ids.isEmpty() || ids.contains(e.value(QLatin1String("id")).toString()))
            && (health.isEmpty()
                || health.contains(e.value(QLatin1String("health"))[QLatin1String("overall")]
                                       .toString()
                                       .toLower()))
            && (types.isEmpty()
                || types.contains(e.value(QLatin1String("type")).toString().toLower()))
            && (isolation.isEmpty()
                || isolation.contains(e.value(QLatin1String("isolation"))[QLatin1String("status")]
                                          .toString()
                                          .toLower()))
            && containsCi(e.value(QLatin1String("hostname")).toString(), hostname)
            && (online.isEmpty()
                || (online == QLatin1String("true")) == e.value(QLatin1String("online")).toBool())
            && (before < 0 || (seen >= 0 && seen < before)) && (after < 0 || seen >= after);
        if (keep)
            ordered.push_back(n);
    }
    const KeyPage page = keyPage(request, ordered, true, EndpointLimits);
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (const qint64 n : page.entries)
        items.append(endpointView(tenant.endpoints.at(n), view));
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::endpointGet(ApiRequest& request, TenantData& tenant)
{
    const int index = tenant.endpointIndex(request.args.value(0));
    if (index < 0)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Endpoint not found"));
    return jsonResponse(
        200,
        endpointView(tenant.endpoints.at(index), request.param(QStringLiteral("view"))));
}

QJsonObject
CentralApi::setIsolation(TenantData& tenant, int index, bool enabled, const QString& comment)
{
    QJsonObject& endpoint = tenant.endpoints[index];
    const QString id = endpoint.value(QLatin1String("id")).toString();
    QJsonObject settings = tenant.isolation.value(id);
    const QString at = isoMs(now());
    settings.insert(QStringLiteral("enabled"), enabled);
    settings.insert(QStringLiteral("comment"), comment);
    settings.insert(enabled ? QStringLiteral("lastEnabledAt") : QStringLiteral("lastDisabledAt"),
                    at);
    settings.insert(enabled ? QStringLiteral("lastEnabledBy") : QStringLiteral("lastDisabledBy"),
                    callerRef());
    tenant.isolation.insert(id, settings);

    QJsonObject state = endpoint.value(QLatin1String("isolation")).toObject();
    const bool self = state.value(QLatin1String("selfIsolated")).toBool(false);
    state.insert(QStringLiteral("adminIsolated"), enabled);
    state.insert(QStringLiteral("selfIsolated"), self);
    state.insert(QStringLiteral("status"),
                 enabled || self ? QStringLiteral("isolated") : QStringLiteral("notIsolated"));
    endpoint.insert(QStringLiteral("isolation"), state);
    return settings;
}

ApiResponse CentralApi::isolationBulk(ApiRequest& request, TenantData& tenant)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonArray ids = body.value(QLatin1String("ids")).toArray();
    if (!body.value(QLatin1String("enabled")).isBool() || ids.isEmpty() || ids.size() > 1000)
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("Body needs 'enabled' (boolean) and 1 to 1000 'ids'"));
    QList<int> indexes;
    for (const QJsonValue& id : ids) {
        const int index = tenant.endpointIndex(id.toString());
        if (index < 0)
            return apiError(400,
                            QStringLiteral("badRequest"),
                            QStringLiteral("Unknown endpoint id '%1'").arg(id.toString()));
        indexes.append(index);
    }
    QJsonArray items;
    for (const int index : std::as_const(indexes)) {
        setIsolation(tenant,
                     index,
                     body.value(QLatin1String("enabled")).toBool(),
                     body.value(QLatin1String("comment")).toString());
        const QJsonObject& endpoint = tenant.endpoints.at(index);
        items.append(
            QJsonObject{{QStringLiteral("id"), endpoint.value(QLatin1String("id"))},
                        {QStringLiteral("isolation"), endpoint.value(QLatin1String("isolation"))}});
    }
    return jsonResponse(202, {{QStringLiteral("items"), items}});
}

ApiResponse CentralApi::isolationGet(ApiRequest& request, TenantData& tenant)
{
    const QString id = request.args.value(0);
    if (tenant.endpointIndex(id) < 0)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Endpoint not found"));
    return jsonResponse(200, tenant.isolation.value(id));
}

ApiResponse CentralApi::isolationPatch(ApiRequest& request, TenantData& tenant)
{
    const int index = tenant.endpointIndex(request.args.value(0));
    if (index < 0)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Endpoint not found"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (!body.value(QLatin1String("enabled")).isBool())
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("'enabled' must be a boolean"));
    return jsonResponse(200,
                        setIsolation(tenant,
                                     index,
                                     body.value(QLatin1String("enabled")).toBool(),
                                     body.value(QLatin1String("comment")).toString()));
}

ApiResponse CentralApi::scanStart(ApiRequest& request, TenantData& tenant)
{
    if (tenant.endpointIndex(request.args.value(0)) < 0)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Endpoint not found"));
    return jsonResponse(201,
                        {{QStringLiteral("id"), newUuid()},
                         {QStringLiteral("status"), QStringLiteral("requested")},
                         {QStringLiteral("requestedAt"), isoMs(now())}});
}

} // namespace mtr::simulator
