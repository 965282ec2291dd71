// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Endpoint API settings: the tenant's blocked items (central-api.md section 0 names their
/// page-number paging; the shapes follow Sophos's Postman collection, "Blocked Items").
/// Choices where the reference is silent are listed in README.md.
#include "simulator/CentralApi.h"
#include "simulator/Paging.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace mtr::simulator {
namespace {

constexpr PageLimits BlockedItemLimits{50, 100};

ApiResponse badRequest(const QString& message)
{
    return apiError(400, QStringLiteral("badRequest"), message);
}

int blockedIndex(const TenantData& tenant, const QString& id)
{
    for (int n = 0; n < tenant.blockedItems.size(); ++n) {
        if (tenant.blockedItems.at(n).value(QLatin1String("id")).toString() == id)
            return n;
    }
    return -1;
}

QString sha256Of(const QJsonObject& item)
{
    return item.value(QLatin1String("properties"))[QLatin1String("sha256")].toString();
}

/// The 400 for a body that cannot become a blocked item, or nullopt.
std::optional<ApiResponse> validateNewItem(const QJsonObject& body)
{
    static const QRegularExpression hex64(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (body.value(QLatin1String("type")).toString() != QLatin1String("sha256"))
        return badRequest(QStringLiteral("'type' must be 'sha256'"));
    const QJsonValue properties = body.value(QLatin1String("properties"));
    if (!properties.isObject())
        return badRequest(QStringLiteral("'properties' must be an object"));
    const QJsonValue sha256 = properties[QLatin1String("sha256")];
    if (!sha256.isString() || !hex64.match(sha256.toString()).hasMatch())
        return badRequest(QStringLiteral("'properties.sha256' must be 64 hexadecimal digits"));
    for (const char* key : {"fileName", "path"}) {
        const QJsonValue v = properties[QLatin1String(key)];
        if (!v.isUndefined() && !v.isString())
            return badRequest(
                QStringLiteral("'properties.%1' must be a string").arg(QLatin1String(key)));
    }
    const QJsonValue comment = body.value(QLatin1String("comment"));
    if (!comment.isUndefined() && !comment.isString())
        return badRequest(QStringLiteral("'comment' must be a string"));
    return std::nullopt;
}

} // namespace

ApiResponse CentralApi::blockedItemList(ApiRequest& request, TenantData& tenant)
{
    const NumberPage page =
        numberPage(request, qsizetype(tenant.blockedItems.size()), BlockedItemLimits);
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (qsizetype n = page.first; n < page.first + page.count; ++n)
        items.append(tenant.blockedItems.at(n));
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::blockedItemAdd(ApiRequest& request, TenantData& tenant)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return badRequest(QStringLiteral("Body must be a JSON object"));
    const QJsonObject body = doc.object();
    if (auto error = validateNewItem(body))
        return *error;
    const QJsonObject given = body.value(QLatin1String("properties")).toObject();
    const QString sha256 = given.value(QLatin1String("sha256")).toString();
    for (const QJsonObject& item : std::as_const(tenant.blockedItems)) {
        if (sha256Of(item).compare(sha256, Qt::CaseInsensitive) == 0)
            return apiError(409, QStringLiteral("conflict"), QStringLiteral("Item already exists"));
    }

    QJsonObject properties{{QStringLiteral("sha256"), sha256}};
    for (const char* key : {"fileName", "path"}) {
        if (given.contains(QLatin1String(key)))
            properties.insert(QLatin1String(key), given.value(QLatin1String(key)));
    }
    const QJsonObject caller = callerRef();
    const QString at = isoMs(now());
    const QJsonObject item{
        {QStringLiteral("id"), newUuid()},
        {QStringLiteral("type"), QStringLiteral("sha256")},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("comment"), body.value(QLatin1String("comment")).toString()},
        {QStringLiteral("createdAt"), at},
        {QStringLiteral("updatedAt"), at},
        {QStringLiteral("createdBy"),
         QJsonObject{{QStringLiteral("id"), caller.value(QLatin1String("id"))},
                     {QStringLiteral("name"), caller.value(QLatin1String("name"))}}}};
    tenant.blockedItems.append(item);
    return jsonResponse(201, item);
}

ApiResponse CentralApi::blockedItemGet(ApiRequest& request, TenantData& tenant)
{
    const int index = blockedIndex(tenant, request.args.value(0));
    if (index < 0)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Blocked item not found"));
    return jsonResponse(200, tenant.blockedItems.at(index));
}

ApiResponse CentralApi::blockedItemDelete(ApiRequest& request, TenantData& tenant)
{
    // Central answers 200 {deleted:true} whether the item existed or not.
    const int index = blockedIndex(tenant, request.args.value(0));
    if (index >= 0)
        tenant.blockedItems.removeAt(index);
    return jsonResponse(200, {{QStringLiteral("deleted"), true}});
}

} // namespace mtr::simulator
