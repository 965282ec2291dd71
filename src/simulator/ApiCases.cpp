// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Cases API: list, create, read, update, delete, detections, impacted entities and the
/// MITRE ATT&CK summary (central-api.md section 5).
#include "simulator/CentralApi.h"
#include "simulator/Paging.h"

#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace mtr::simulator {
namespace {

constexpr PageLimits CaseLimits{50, 100};

const QStringList CaseStatuses{QStringLiteral("new"),
                               QStringLiteral("investigating"),
                               QStringLiteral("onHold"),
                               QStringLiteral("resolved"),
                               QStringLiteral("actionRequired")};
const QStringList CaseSeverities{QStringLiteral("critical"),
                                 QStringLiteral("high"),
                                 QStringLiteral("medium"),
                                 QStringLiteral("low"),
                                 QStringLiteral("informational"),
                                 QStringLiteral("notSet")};

int caseIndex(const TenantData& tenant, const QString& id)
{
    for (int n = 0; n < tenant.cases.size(); ++n) {
        if (tenant.cases.at(n).value(QLatin1String("id")).toString() == id)
            return n;
    }
    return -1;
}

ApiResponse caseNotFound()
{
    return apiError(404, QStringLiteral("resourceNotFound"), QStringLiteral("Case not found"));
}

ApiResponse badRequest(const QString& message)
{
    return apiError(400, QStringLiteral("badRequest"), message);
}

QString field(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

/// Validates and applies the writable fields shared by create and update.
std::optional<ApiResponse> applyCaseFields(QJsonObject& item, const QJsonObject& body)
{
    static const QStringList Writable{QStringLiteral("name"),
                                      QStringLiteral("type"),
                                      QStringLiteral("severity"),
                                      QStringLiteral("status"),
                                      QStringLiteral("assignee"),
                                      QStringLiteral("overview"),
                                      QStringLiteral("verdict")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!Writable.contains(it.key()))
            return badRequest(QStringLiteral("Field '%1' cannot be set").arg(it.key()));
        if (!it.value().isString())
            return badRequest(QStringLiteral("Field '%1' must be a string").arg(it.key()));
    }
    if (body.contains(QLatin1String("status")) && !CaseStatuses.contains(field(body, "status")))
        return badRequest(QStringLiteral("Unknown status '%1'").arg(field(body, "status")));
    if (body.contains(QLatin1String("severity"))
        && !CaseSeverities.contains(field(body, "severity")))
        return badRequest(QStringLiteral("Unknown severity '%1'").arg(field(body, "severity")));
    if (body.contains(QLatin1String("name")) && field(body, "name").trimmed().isEmpty())
        return badRequest(QStringLiteral("'name' must not be empty"));
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("assignee")) {
            item.insert(it.key(), it.value());
        } else if (it.value().toString().compare(QLatin1String("Unassigned"), Qt::CaseInsensitive)
                   == 0) {
            item.remove(QStringLiteral("assignee"));
        } else {
            item.insert(QStringLiteral("assignee"),
                        QJsonObject{{QStringLiteral("name"), it.value().toString()},
                                    {QStringLiteral("type"), QStringLiteral("user")}});
        }
    }
    return std::nullopt;
}

/// Cases sort on one field; times sort as text because they share one format.
void sortCases(QList<QJsonObject>& cases, const QString& sort)
{
    const QString key = sort.section(QLatin1Char(':'), 0, 0);
    const bool ascending = sort.section(QLatin1Char(':'), 1, 1) == QLatin1String("asc");
    std::stable_sort(cases.begin(), cases.end(), [&](const QJsonObject& a, const QJsonObject& b) {
        const QString x = a.value(key).toVariant().toString();
        const QString y = b.value(key).toVariant().toString();
        return ascending ? x < y : y < x;
    });
}

QJsonObject entity(const QString& caseId, const QString& type, const QString& name)
{
    return {{QStringLiteral("id"),
             QUuid::createUuidV5(QUuid(caseId), type + QLatin1Char(':') + name)
                 .toString(QUuid::WithoutBraces)},
            {QStringLiteral("type"), type},
            {QStringLiteral("name"), name}};
}

} // namespace

ApiResponse CentralApi::caseList(ApiRequest& request, TenantData& tenant)
{
    const QStringList status = commaList(request.param(QStringLiteral("status")));
    const QStringList severity = commaList(request.param(QStringLiteral("severity")));
    const QStringList managedBy = commaList(request.param(QStringLiteral("managedBy")));
    const QStringList type = commaList(request.param(QStringLiteral("type")));
    const QStringList verdict = commaList(request.param(QStringLiteral("verdict")));
    const QString assignee = request.param(QStringLiteral("assignee"));
    const QString name = request.param(QStringLiteral("name"));
    const QString overview = request.param(QStringLiteral("overviewContains"));
    const QString escalated = request.param(QStringLiteral("escalated")).toLower();
    const QString after = request.param(QStringLiteral("createdAfter"));
    const QString before = request.param(QStringLiteral("createdBefore"));
    const qint64 afterMs = after.isEmpty() ? -1 : timeOrDuration(after, now());
    const qint64 beforeMs = before.isEmpty() ? -1 : timeOrDuration(before, now());
    if ((!after.isEmpty() && afterMs < 0) || (!before.isEmpty() && beforeMs < 0))
        return badRequest(QStringLiteral("createdAfter/createdBefore need a time or a duration"));

    const auto in = [](const QStringList& wanted, const QString& value) {
        return wanted.isEmpty() || wanted.contains(value.toLower());
    };
    QList<QJsonObject> found;
    for (const QJsonObject& item : std::as_const(tenant.cases)) {
        const qint64 created = parseIsoMs(field(item, "createdAt"));
        const QString who = item.value(QLatin1String("assignee"))[QLatin1String("name")].toString();
        if (in(status, field(item, "status")) && in(severity, field(item, "severity"))
            && in(managedBy, field(item, "managedBy")) && in(type, field(item, "type"))
            && in(verdict, field(item, "verdict"))
            && (assignee.isEmpty()
                || (assignee.compare(QLatin1String("Unassigned"), Qt::CaseInsensitive) == 0
                        ? who.isEmpty()
                        : who.compare(assignee, Qt::CaseInsensitive) == 0))
            && field(item, "name").contains(name, Qt::CaseInsensitive)
            && field(item, "overview").contains(overview, Qt::CaseInsensitive)
            && (escalated.isEmpty()
                || (escalated == QLatin1String("true"))
                       == item.value(QLatin1String("escalated")).toBool())
            && (afterMs < 0 || created >= afterMs) && (beforeMs < 0 || created < beforeMs))
            found.append(item);
    }
    const QString sort = request.param(QStringLiteral("sort"));
    sortCases(found, sort.isEmpty() ? QStringLiteral("createdAt:desc") : sort);

    const NumberPage page = numberPage(request, found.size(), CaseLimits);
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (qsizetype n = page.first; n < page.first + page.count; ++n)
        items.append(found.at(n));
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::caseCreate(ApiRequest& request, TenantData& tenant)
{
    QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (field(body, "name").trimmed().isEmpty())
        return badRequest(QStringLiteral("'name' is required"));
    const QString managedBy =
        body.take(QStringLiteral("managedBy")).toString(QStringLiteral("self"));
    if (managedBy != QLatin1String("self"))
        return badRequest(QStringLiteral("Only self-managed cases can be created"));
    QStringList detectionIds;
    if (body.contains(QLatin1String("initialDetectionId")))
        detectionIds.append(body.take(QStringLiteral("initialDetectionId")).toString());
    for (const QJsonValue& id : body.take(QStringLiteral("otherDetectionIds")).toArray())
        detectionIds.append(id.toString());

    const QString id = newUuid();
    const QString at = isoMs(now());
    QJsonObject item{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), QStringLiteral("investigation")},
        {QStringLiteral("managedBy"), managedBy},
        {QStringLiteral("status"), QStringLiteral("new")},
        {QStringLiteral("severity"), QStringLiteral("notSet")},
        {QStringLiteral("escalated"), false},
        {QStringLiteral("tenant"),
         QJsonObject{{QStringLiteral("id"), tenant.id()}, {QStringLiteral("name"), tenant.name()}}},
        {QStringLiteral("createdAt"), at},
        {QStringLiteral("updatedAt"), at},
        {QStringLiteral("createdBy"), callerRef()}};
    if (auto error = applyCaseFields(item, body))
        return *error;

    // Detections named at creation are linked when this tenant has them in another case.
    QList<QJsonObject> linked;
    for (const QString& detectionId : std::as_const(detectionIds)) {
        for (const QList<QJsonObject>& list : std::as_const(tenant.caseDetections)) {
            for (const QJsonObject& detection : list) {
                if (field(detection, "id") == detectionId && !linked.contains(detection))
                    linked.append(detection);
            }
        }
    }
    if (!linked.isEmpty())
        item.insert(QStringLiteral("initialDetection"), linked.first());
    item.insert(QStringLiteral("detectionCount"), qint64(linked.size()));
    tenant.caseDetections.insert(id, linked);
    tenant.cases.append(item);
    return jsonResponse(201, item);
}

ApiResponse CentralApi::caseGet(ApiRequest& request, TenantData& tenant)
{
    const int index = caseIndex(tenant, request.args.value(0));
    return index < 0 ? caseNotFound() : jsonResponse(200, tenant.cases.at(index));
}

ApiResponse CentralApi::casePatch(ApiRequest& request, TenantData& tenant)
{
    const int index = caseIndex(tenant, request.args.value(0));
    if (index < 0)
        return caseNotFound();
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject() || document.object().isEmpty())
        return badRequest(QStringLiteral("Body must be a JSON object with fields to update"));
    QJsonObject item = tenant.cases.at(index);
    if (auto error = applyCaseFields(item, document.object()))
        return *error;
    const QString at = isoMs(now());
    item.insert(QStringLiteral("updatedAt"), at);
    if (document.object().contains(QLatin1String("status")))
        item.insert(QStringLiteral("resolvedAt"),
                    field(item, "status") == QLatin1String("resolved")
                        ? QJsonValue(at)
                        : QJsonValue(QJsonValue::Null));
    if (document.object().contains(QLatin1String("assignee")))
        item.insert(QStringLiteral("assignedAt"), at);
    tenant.cases[index] = item;
    return jsonResponse(200, item);
}

ApiResponse CentralApi::caseDelete(ApiRequest& request, TenantData& tenant)
{
    const int index = caseIndex(tenant, request.args.value(0));
    if (index < 0)
        return caseNotFound();
    tenant.caseDetections.remove(request.args.value(0));
    tenant.cases.removeAt(index);
    ApiResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

ApiResponse CentralApi::caseDetections(ApiRequest& request, TenantData& tenant)
{
    if (caseIndex(tenant, request.args.value(0)) < 0)
        return caseNotFound();
    QList<QJsonObject> detections = tenant.caseDetections.value(request.args.value(0));
    const QString sort = request.param(QStringLiteral("sort"));
    sortCases(detections, sort.isEmpty() ? QStringLiteral("time:asc") : sort);
    const NumberPage page = numberPage(request, detections.size(), CaseLimits);
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (qsizetype n = page.first; n < page.first + page.count; ++n)
        items.append(detections.at(n));
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::caseDetection(ApiRequest& request, TenantData& tenant)
{
    if (caseIndex(tenant, request.args.value(0)) < 0)
        return caseNotFound();
    for (const QJsonObject& detection : tenant.caseDetections.value(request.args.value(0))) {
        if (field(detection, "id") == request.args.value(1))
            return jsonResponse(200, detection);
    }
    return apiError(404, QStringLiteral("resourceNotFound"), QStringLiteral("Detection not found"));
}

ApiResponse CentralApi::caseEntities(ApiRequest& request, TenantData& tenant)
{
    const QString caseId = request.args.value(0);
    if (caseIndex(tenant, caseId) < 0)
        return caseNotFound();
    // The entities are what the case's detections touched: devices, users and addresses.
    QList<QJsonObject> entities;
    const auto add = [&entities](const QJsonObject& value) {
        if (!entities.contains(value))
            entities.append(value);
    };
    for (const QJsonObject& detection : tenant.caseDetections.value(caseId)) {
        const QJsonObject device = detection.value(QLatin1String("device")).toObject();
        if (!device.isEmpty()) {
            QJsonObject value = entity(caseId, QStringLiteral("device"), field(device, "entity"));
            value.insert(QStringLiteral("deviceId"), device.value(QLatin1String("id")));
            add(value);
        }
        const QJsonObject raw = detection.value(QLatin1String("rawData")).toObject();
        if (!field(raw, "user").isEmpty())
            add(entity(caseId, QStringLiteral("user"), field(raw, "user")));
        if (!field(raw, "remote_ip").isEmpty())
            add(entity(caseId, QStringLiteral("ipAddress"), field(raw, "remote_ip")));
    }
    const QString id = request.param(QStringLiteral("id"));
    const QString name = request.param(QStringLiteral("name"));
    const QStringList type = commaList(request.param(QStringLiteral("type")));
    QList<QJsonObject> found;
    for (const QJsonObject& value : std::as_const(entities)) {
        if ((id.isEmpty() || field(value, "id") == id)
            && field(value, "name").contains(name, Qt::CaseInsensitive)
            && (type.isEmpty() || type.contains(field(value, "type").toLower())))
            found.append(value);
    }
    const NumberPage page = numberPage(request, found.size(), CaseLimits);
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (qsizetype n = page.first; n < page.first + page.count; ++n)
        items.append(found.at(n));
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::caseMitre(ApiRequest& request, TenantData& tenant)
{
    const QString caseId = request.args.value(0);
    if (caseIndex(tenant, caseId) < 0)
        return caseNotFound();
    QList<QJsonObject> tactics;
    for (const QJsonObject& detection : tenant.caseDetections.value(caseId)) {
        for (const QJsonValue& attack : detection.value(QLatin1String("mitreAttacks")).toArray()) {
            const QJsonObject tactic = attack[QLatin1String("tactic")].toObject();
            auto it = std::find_if(tactics.begin(), tactics.end(), [&](const QJsonObject& t) {
                return t.value(QLatin1String("id")) == tactic.value(QLatin1String("id"));
            });
            if (it == tactics.end()) {
                tactics.append({{QStringLiteral("id"), tactic.value(QLatin1String("id"))},
                                {QStringLiteral("name"), tactic.value(QLatin1String("name"))},
                                {QStringLiteral("detectionCount"), 0},
                                {QStringLiteral("techniques"), QJsonArray()}});
                it = tactics.end() - 1;
            }
            it->insert(QStringLiteral("detectionCount"),
                       it->value(QLatin1String("detectionCount")).toInt() + 1);
            QJsonArray techniques = it->value(QLatin1String("techniques")).toArray();
            for (const QJsonValue& technique :
                 tactic.value(QLatin1String("techniques")).toArray()) {
                if (!techniques.contains(technique))
                    techniques.append(technique);
            }
            it->insert(QStringLiteral("techniques"), techniques);
        }
    }
    QJsonArray out;
    for (const QJsonObject& tactic : std::as_const(tactics))
        out.append(tactic);
    return jsonResponse(200, {{QStringLiteral("tactics"), out}});
}

} // namespace mtr::simulator
