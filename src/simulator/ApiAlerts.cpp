// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Common API alerts: list, search, get and actions (central-api.md section 2).
#include "simulator/CentralApi.h"
#include "simulator/Paging.h"

#include <QJsonDocument>

namespace mtr::simulator {
namespace {

constexpr PageLimits AlertLimits{50, 1000};

struct AlertFilter
{
    QStringList product;
    QStringList category;
    QStringList severity;
    QStringList ids;
    QString groupKey;
    qint64 from = -1;
    qint64 to = -1;

    bool needsJson() const
    {
        return !ids.isEmpty() || !groupKey.isEmpty();
    }
};

bool listMatches(const QStringList& wanted, const QString& value)
{
    return wanted.isEmpty() || wanted.contains(value.toLower());
}

bool matches(const AlertFilter& filter, const TenantData& tenant, const AlertSlot& slot)
{
    if (slot.removed)
        return false;
    if ((filter.from >= 0 && slot.raisedMs < filter.from)
        || (filter.to >= 0 && slot.raisedMs >= filter.to))
        return false;
    if (slot.generated && !filter.needsJson()) {
        const GenAlertFacts facts = generatedAlertFacts(slot.index);
        return listMatches(filter.product, facts.product)
               && listMatches(filter.category, facts.category)
               && listMatches(filter.severity, facts.severity);
    }
    const QJsonObject alert = tenant.alertAt(slot);
    const auto text = [&alert](const char* key) {
        return alert.value(QLatin1String(key)).toString();
    };
    return listMatches(filter.product, text("product"))
           && listMatches(filter.category, text("category"))
           && listMatches(filter.severity, text("severity"))
           && (filter.ids.isEmpty() || filter.ids.contains(text("id").toLower()))
           && (filter.groupKey.isEmpty() || filter.groupKey == text("groupKey"));
}

QJsonObject onlyFields(const QJsonObject& alert, const QStringList& fields)
{
    if (fields.isEmpty())
        return alert;
    QJsonObject out{{QStringLiteral("id"), alert.value(QLatin1String("id"))}};
    for (auto it = alert.begin(); it != alert.end(); ++it) {
        if (fields.contains(it.key().toLower()))
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace

void CentralApi::applyDue()
{
    const qint64 current = now();
    std::erase_if(m_pending, [this, current](const PendingAction& action) {
        if (action.dueMs > current)
            return false;
        if (action.removes)
            m_data.tenants[size_t(action.tenant)].alertSlots[size_t(action.slot)].removed = true;
        return true;
    });
}

ApiResponse CentralApi::alertList(ApiRequest& request, TenantData& tenant)
{
    AlertFilter filter;
    filter.product = commaList(request.param(QStringLiteral("product")));
    filter.category = commaList(request.param(QStringLiteral("category")));
    filter.severity = commaList(request.param(QStringLiteral("severity")));
    filter.ids = commaList(request.param(QStringLiteral("ids")));
    filter.groupKey = request.param(QStringLiteral("groupKey"));
    for (const auto& [name, target] : {std::pair{QStringLiteral("from"), &filter.from},
                                       std::pair{QStringLiteral("to"), &filter.to}}) {
        if (!request.hasParam(name))
            continue;
        *target = parseIsoMs(request.param(name));
        if (*target < 0)
            return apiError(400,
                            QStringLiteral("badRequest"),
                            QStringLiteral("'%1' must be an ISO-8601 time").arg(name));
    }
    const QString sort = request.param(QStringLiteral("sort"));
    if (!sort.isEmpty() && !sort.startsWith(QLatin1String("raisedAt")))
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("sort supports raisedAt:asc and raisedAt:desc"));
    const bool newestFirst = !sort.endsWith(QLatin1String(":asc"));

    std::vector<qint64> ordered;
    const qint64 count = qint64(tenant.alertSlots.size());
    for (qint64 n = 0; n < count; ++n) {
        const qint64 s = newestFirst ? n : count - 1 - n;
        if (matches(filter, tenant, tenant.alertSlots[size_t(s)]))
            ordered.push_back(s);
    }
    const KeyPage page = keyPage(request, ordered, newestFirst, AlertLimits);
    if (page.error)
        return *page.error;
    const QStringList fields = commaList(request.param(QStringLiteral("fields")));
    QJsonArray items;
    for (const qint64 s : page.entries)
        items.append(onlyFields(tenant.alertAt(tenant.alertSlots[size_t(s)]), fields));
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::alertSearch(ApiRequest& request, TenantData& tenant)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!request.body.isEmpty() && !document.isObject())
        return apiError(400, QStringLiteral("badRequest"), QStringLiteral("Body must be JSON"));
    // The search body carries the list filters; turn it into the query the list reads.
    QUrlQuery query;
    const QJsonObject body = document.object();
    for (auto it = body.begin(); it != body.end(); ++it) {
        QString value;
        if (it.value().isArray()) {
            QStringList parts;
            for (const QJsonValue& part : it.value().toArray())
                parts.append(
                    part.isObject()
                        ? part.toObject().value(QLatin1String("field")).toString()
                              + QLatin1Char(':')
                              + part.toObject().value(QLatin1String("direction")).toString()
                        : part.toVariant().toString());
            value = parts.join(QLatin1Char(','));
        } else {
            value = it.value().toVariant().toString();
        }
        query.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    ApiRequest listRequest = request;
    listRequest.query = query;
    return alertList(listRequest, tenant);
}

ApiResponse CentralApi::alertGet(ApiRequest& request, TenantData& tenant)
{
    const qint64 slot = tenant.slotOfAlert(request.args.value(0));
    if (slot < 0 || tenant.alertSlots[size_t(slot)].removed)
        return apiError(404, QStringLiteral("resourceNotFound"), QStringLiteral("Alert not found"));
    return jsonResponse(200, tenant.alertAt(tenant.alertSlots[size_t(slot)]));
}

ApiResponse CentralApi::alertAction(ApiRequest& request, TenantData& tenant)
{
    const QString alertId = request.args.value(0);
    const qint64 slot = tenant.slotOfAlert(alertId);
    if (slot < 0 || tenant.alertSlots[size_t(slot)].removed)
        return apiError(404, QStringLiteral("resourceNotFound"), QStringLiteral("Alert not found"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString action = body.value(QLatin1String("action")).toString();
    const QJsonObject alert = tenant.alertAt(tenant.alertSlots[size_t(slot)]);
    if (!alert.value(QLatin1String("allowedActions")).toArray().contains(action))
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("Action '%1' is not allowed for this alert").arg(action));

    const qint64 requested = now();
    // Every action but the "send message" ones resolves the alert, which then leaves the list.
    m_pending.push_back({tenant.index,
                         slot,
                         requested + m_options.actionDelayMs,
                         !action.startsWith(QLatin1String("sendMsg"))});
    return jsonResponse(201,
                        {{QStringLiteral("id"), newUuid()},
                         {QStringLiteral("alertId"), alertId},
                         {QStringLiteral("action"), action},
                         {QStringLiteral("status"), QStringLiteral("started")},
                         {QStringLiteral("requestedAt"), isoMs(requested)},
                         {QStringLiteral("startedAt"), isoMs(requested + 30)},
                         {QStringLiteral("completedAt"), QJsonValue::Null},
                         {QStringLiteral("result"), QString()}});
}

} // namespace mtr::simulator
