// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/DemoData.h"

#include "simulator/SimTypes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace mtr::simulator {
namespace {

// The composed fixtures are written around this moment; it is moved to "now" at start-up.
constexpr qint64 FixtureAnchorMs = 1796029200000; // 2026-11-30T09:00:00Z
constexpr qint64 HourMs = 3600 * 1000;

const QString ContosoId = QStringLiteral("6513270e-269e-4d37-b2a7-4de452e6b438");
const QString ContosoWorkstation = QStringLiteral("6b0d549b-6f03-475a-9600-a35a099950d8");
const QString MdrCaseId = QStringLiteral("1a358ca0-0d75-485d-99c9-4309570dc195");

QByteArray readResource(const QString& name)
{
    QFile file(QStringLiteral(":/demo/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("central-sim: missing demo resource %s", qPrintable(name));
    return file.readAll();
}

QJsonObject readObject(const QString& name)
{
    return QJsonDocument::fromJson(readResource(name)).object();
}

QList<QJsonObject> readItems(const QStringList& names)
{
    QList<QJsonObject> items;
    for (const QString& name : names) {
        for (const QJsonValue& value : readObject(name).value(QLatin1String("items")).toArray())
            items.append(value.toObject());
    }
    return items;
}

QList<QJsonObject> readNdjson(const QString& name)
{
    QList<QJsonObject> items;
    for (const QByteArray& line : readResource(name).split('\n')) {
        if (!line.trimmed().isEmpty())
            items.append(QJsonDocument::fromJson(line).object());
    }
    return items;
}

QJsonArray toArray(const QList<QJsonObject>& items)
{
    QJsonArray array;
    for (const QJsonObject& item : items)
        array.append(item);
    return array;
}

QList<QJsonObject> fromArray(const QJsonValue& value)
{
    QList<QJsonObject> items;
    for (const QJsonValue& item : value.toArray())
        items.append(item.toObject());
    return items;
}

/// The Elastic SIEM samples come from another customer and another year: give them to the
/// demo workstation and place them in the demo timeline; ids of the repeated lines are made
/// unique so that the feed has no duplicates.
QList<QJsonObject> adoptElastic(const QList<QJsonObject>& items, qint64 firstMs, bool isAlert)
{
    QList<QJsonObject> adopted;
    for (int n = 0; n < items.size(); ++n) {
        QJsonObject item = items.at(n);
        const qint64 created = firstMs + n * 61000;
        item.insert(QStringLiteral("customer_id"), ContosoId);
        item.insert(QStringLiteral("location"), QStringLiteral("CONTOSO-WKS-0042"));
        item.insert(QStringLiteral("created_at"), isoMs(created));
        item.insert(QStringLiteral("when"), isoMs(created - 3000));
        if (n > 0) {
            const QString id = QUuid::createUuidV5(QUuid(ContosoId), QString::number(n))
                                   .toString(QUuid::WithoutBraces);
            item.insert(QStringLiteral("id"), id);
            if (isAlert)
                item.insert(QStringLiteral("event_service_event_id"), id);
        }
        if (isAlert) {
            QJsonObject data = item.value(QLatin1String("data")).toObject();
            data.insert(QStringLiteral("endpoint_id"), ContosoWorkstation);
            data.insert(QStringLiteral("endpoint_java_id"), ContosoWorkstation);
            data.insert(QStringLiteral("created_at"), created - 9);
            data.insert(QStringLiteral("inserted_at"), created - 9);
            data.insert(QStringLiteral("make_actionable_at"), created + 1000);
            item.insert(QStringLiteral("data"), data);
        } else {
            item.insert(QStringLiteral("endpoint_id"), ContosoWorkstation);
        }
        adopted.append(item);
    }
    return adopted;
}

/// The first tenant's records, as one JSON bundle that can be rewritten as text.
QJsonObject baseBundle()
{
    QList<QJsonObject> cases;
    const QJsonObject mdrCase = readObject(QStringLiteral("case-get-mdr.json"));
    for (QJsonObject item : readItems({QStringLiteral("cases-page1.json")})) {
        if (item.value(QLatin1String("tenant"))[QLatin1String("id")].toString() != ContosoId)
            continue;
        if (item.value(QLatin1String("id")).toString() == MdrCaseId)
            item = mdrCase;
        cases.append(item);
    }
    QJsonObject detections = readObject(QStringLiteral("demo-case-detections.json"));
    detections.remove(QStringLiteral("_comment"));
    QJsonObject isolation{{QStringLiteral("90c192cf-d3ac-44af-8f21-ddb66cad4a26"),
                           readObject(QStringLiteral("endpoint-isolation-settings.json"))}};

    QList<QJsonObject> events = readItems({QStringLiteral("siem-events-page1.json"),
                                           QStringLiteral("siem-events-page2.json"),
                                           QStringLiteral("siem-events-page3.json")});
    events += adoptElastic(
        readNdjson(QStringLiteral("siem-event-items-elastic-user-auto-created.ndjson")),
        FixtureAnchorMs - 50 * 60000,
        false);
    QList<QJsonObject> siemAlerts = readItems({QStringLiteral("siem-alerts-page1.json")});
    siemAlerts += adoptElastic(
        readNdjson(QStringLiteral("siem-alert-items-elastic-pua-cleanup-failed.ndjson")),
        FixtureAnchorMs - 47 * 60000,
        true);

    return QJsonObject{{QStringLiteral("alerts"),
                        toArray(readItems({QStringLiteral("common-alerts-page1.json"),
                                           QStringLiteral("common-alerts-page2.json")}))},
                       {QStringLiteral("endpoints"),
                        toArray(readItems({QStringLiteral("endpoints-page1.json"),
                                           QStringLiteral("endpoints-page2.json")}))},
                       {QStringLiteral("isolation"), isolation},
                       {QStringLiteral("cases"), toArray(cases)},
                       {QStringLiteral("caseDetections"), detections},
                       {QStringLiteral("siemEvents"), toArray(events)},
                       {QStringLiteral("siemAlerts"), toArray(siemAlerts)}};
}

using Replacements = QList<QPair<QString, QString>>;

Replacements replacementsFor(int index, const QString& name)
{
    const QString domain = index == 1 ? QStringLiteral("NORTHWIND") : QStringLiteral("FABRIKAM");
    if (index == 1)
        return {{QStringLiteral("Contoso Logistik GmbH"), name},
                {QStringLiteral("CONTOSO"), domain},
                {QStringLiteral("corp.example.com"), QStringLiteral("northwind.example.com")},
                {QStringLiteral("営業-PC-12"), QStringLiteral("Kassen-PC-Café-12")},
                {QStringLiteral("QA-MacBook-Pro"), QStringLiteral("Büro-MacBook-Air")},
                {QStringLiteral("ubuntu-build-07"), QStringLiteral("ubuntu-pos-03")},
                {QStringLiteral("qa-tester"), QStringLiteral("buero.mac")},
                {QStringLiteral("prüfer01"), QStringLiteral("bäcker01")},
                {QStringLiteral("pruefer01"), QStringLiteral("baecker01")},
                {QStringLiteral("eigyo12"), QStringLiteral("kasse12")},
                {QStringLiteral("Finance Laptops"), QStringLiteral("Filial-Laptops")},
                {QStringLiteral("10.20."), QStringLiteral("10.30.")},
                {QStringLiteral("192.168.30."), QStringLiteral("192.168.40.")},
                {QStringLiteral("fd00:20:"), QStringLiteral("fd00:30:")}};
    return {{QStringLiteral("Contoso Logistik GmbH"), name},
            {QStringLiteral("CONTOSO"), domain},
            {QStringLiteral("corp.example.com"), QStringLiteral("fabrikam.example.jp")},
            {QStringLiteral("営業-PC-12"), QStringLiteral("製造-PC-07")},
            {QStringLiteral("QA-MacBook-Pro"), QStringLiteral("設計-MacBook-Pro")},
            {QStringLiteral("ubuntu-build-07"), QStringLiteral("ubuntu-plc-11")},
            {QStringLiteral("qa-tester"), QStringLiteral("sekkei.mac")},
            {QStringLiteral("prüfer01"), QStringLiteral("tanaka.k")},
            {QStringLiteral("pruefer01"), QStringLiteral("tanaka.k")},
            {QStringLiteral("eigyo12"), QStringLiteral("seizo07")},
            {QStringLiteral("Finance Laptops"), QStringLiteral("経理ノートPC")},
            {QStringLiteral("10.20."), QStringLiteral("10.40.")},
            {QStringLiteral("192.168.30."), QStringLiteral("192.168.50.")},
            {QStringLiteral("fd00:20:"), QStringLiteral("fd00:40:")}};
}

/// Tenant `index` gets the base bundle with every id, name, host and address replaced.
QJsonObject deriveBundle(const QJsonObject& base,
                         int index,
                         const QString& tenantId,
                         const QString& tenantName,
                         const QStringList& keepIds)
{
    QString text = QString::fromUtf8(QJsonDocument(base).toJson(QJsonDocument::Compact));
    text.replace(ContosoId, tenantId);
    for (const auto& [from, to] : replacementsFor(index, tenantName))
        text.replace(from, to);

    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    static const QRegularExpression detectionId(QStringLiteral("\\b[0-9a-f]{11}_[0-9a-f]{9}\\b"));
    const QUuid ns = QUuid(tenantId);
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = uuid.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString old = match.captured();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += keepIds.contains(old) ? old
                                     : QUuid::createUuidV5(ns, old).toString(QUuid::WithoutBraces);
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    text = out;

    out.clear();
    last = 0;
    it = detectionId.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString mapped =
            QUuid::createUuidV5(ns, match.captured()).toString(QUuid::Id128).left(20);
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += mapped.left(11) + QLatin1Char('_') + mapped.mid(11, 9);
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

/// Moves every fixture time by `shiftMs`: ISO strings, epoch milliseconds and epoch seconds.
QJsonValue shifted(const QJsonValue& value, qint64 shiftMs)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = shifted(it.value(), shiftMs);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = shifted(*it, shiftMs);
        return array;
    }
    if (value.isString()) {
        const QString text = value.toString();
        const qint64 ms = text.size() >= 19 && text.size() <= 24 ? parseIsoMs(text) : -1;
        return ms < 0 ? value : QJsonValue(isoMs(ms + shiftMs));
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number > 1.5e12 && number < 2.5e12)
            return qint64(number) + shiftMs;
    }
    return value;
}

QList<EndpointRef> endpointRefs(const QList<QJsonObject>& endpoints)
{
    QList<EndpointRef> refs;
    for (const QJsonObject& endpoint : endpoints) {
        EndpointRef ref;
        ref.id = endpoint.value(QLatin1String("id")).toString();
        ref.hostname = endpoint.value(QLatin1String("hostname")).toString();
        ref.type = endpoint.value(QLatin1String("type")).toString();
        ref.platform = endpoint.value(QLatin1String("os"))[QLatin1String("platform")].toString();
        ref.ip = endpoint.value(QLatin1String("ipv4Addresses"))[0].toString();
        ref.user =
            endpoint.value(QLatin1String("associatedPerson"))[QLatin1String("name")].toString();
        if (ref.user.isEmpty())
            ref.user = ref.type == QLatin1String("server") ? QStringLiteral("NT AUTHORITY\\SYSTEM")
                                                           : QStringLiteral("\\local.admin");
        refs.append(ref);
    }
    return refs;
}

std::vector<SiemItem> siemItems(const QJsonValue& items)
{
    std::vector<SiemItem> out;
    for (const QJsonValue& value : items.toArray()) {
        const QJsonObject item = value.toObject();
        out.push_back({parseIsoMs(item.value(QLatin1String("created_at")).toString()), item});
    }
    std::stable_sort(out.begin(), out.end(), [](const SiemItem& a, const SiemItem& b) {
        return a.createdMs < b.createdMs;
    });
    return out;
}

void buildAlertSlots(TenantData& tenant, qint64 nowMs, qint64 extraAlerts)
{
    tenant.generatedAlerts = extraAlerts;
    // Generated alerts fill the last 20 hours, newest first, at most one a minute.
    const qint64 step =
        extraAlerts > 0 ? std::clamp<qint64>(20 * HourMs / extraAlerts, 1, 60000) : 1;
    std::vector<AlertSlot> ordered;
    ordered.reserve(size_t(tenant.baseAlerts.size() + extraAlerts));
    for (qsizetype n = 0; n < tenant.baseAlerts.size(); ++n)
        ordered.push_back(
            {parseIsoMs(tenant.baseAlerts.at(n)[QLatin1String("raisedAt")].toString()),
             n,
             false,
             false});
    for (qint64 i = 0; i < extraAlerts; ++i)
        ordered.push_back({nowMs - 60000 - i * step, i, true, false});
    std::stable_sort(ordered.begin(), ordered.end(), [](const AlertSlot& a, const AlertSlot& b) {
        return a.raisedMs > b.raisedMs;
    });
    tenant.generatedAlertSlot.assign(size_t(extraAlerts), -1);
    for (qint64 s = 0; s < qint64(ordered.size()); ++s) {
        const AlertSlot& slot = ordered[size_t(s)];
        if (slot.generated)
            tenant.generatedAlertSlot[size_t(slot.index)] = s;
        else
            tenant.baseAlertSlot.insert(
                tenant.baseAlerts.at(slot.index)[QLatin1String("id")].toString(),
                s);
    }
    tenant.alertSlots = std::move(ordered);
}

void fillTenant(TenantData& tenant, const QJsonObject& bundle, const DemoOptions& options)
{
    tenant.baseAlerts = fromArray(bundle.value(QLatin1String("alerts")));
    tenant.endpoints = fromArray(bundle.value(QLatin1String("endpoints")));
    tenant.cases = fromArray(bundle.value(QLatin1String("cases")));
    const QJsonObject detections = bundle.value(QLatin1String("caseDetections")).toObject();
    for (auto it = detections.begin(); it != detections.end(); ++it)
        tenant.caseDetections.insert(it.key(), fromArray(it.value()));
    const QJsonObject isolation = bundle.value(QLatin1String("isolation")).toObject();
    for (const QJsonObject& endpoint : std::as_const(tenant.endpoints)) {
        const QString id = endpoint.value(QLatin1String("id")).toString();
        const QJsonObject state = endpoint.value(QLatin1String("isolation")).toObject();
        QJsonObject settings = isolation.value(id).toObject();
        if (settings.isEmpty())
            settings = {{QStringLiteral("enabled"),
                         state.value(QLatin1String("adminIsolated")).toBool(false)},
                        {QStringLiteral("comment"), QString()}};
        tenant.isolation.insert(id, settings);
    }
    tenant.siemEvents = siemItems(bundle.value(QLatin1String("siemEvents")));
    tenant.siemAlerts = siemItems(bundle.value(QLatin1String("siemAlerts")));

    tenant.gen.tenantIndex = tenant.index;
    tenant.gen.tenantId = tenant.id();
    tenant.gen.tenantName = tenant.name();
    tenant.gen.endpoints = endpointRefs(tenant.endpoints);
    buildAlertSlots(tenant, options.nowMs, options.extraAlerts);

    // Generated SIEM events spread over the last 23 hours, oldest first.
    tenant.generatedEvents = options.extraSiemEvents;
    tenant.eventStartMs = options.nowMs - 23 * HourMs;
    tenant.eventStepMs = options.extraSiemEvents > 0
                             ? std::clamp<qint64>(23 * HourMs / options.extraSiemEvents, 1, 60000)
                             : 1;
}

} // namespace

QString TenantData::id() const
{
    return tenant.value(QLatin1String("id")).toString();
}

QString TenantData::name() const
{
    return tenant.value(QLatin1String("name")).toString();
}

QJsonObject TenantData::alertAt(const AlertSlot& slot) const
{
    return slot.generated ? generatedAlert(gen, slot.index, slot.raisedMs)
                          : baseAlerts.at(slot.index);
}

qint64 TenantData::slotOfAlert(const QString& id) const
{
    if (const auto i = parseGeneratedId(index, 'a', id)) {
        return *i < qint64(generatedAlertSlot.size()) ? generatedAlertSlot[size_t(*i)] : -1;
    }
    return baseAlertSlot.value(id, -1);
}

int TenantData::endpointIndex(const QString& id) const
{
    for (int n = 0; n < endpoints.size(); ++n) {
        if (endpoints.at(n).value(QLatin1String("id")).toString() == id)
            return n;
    }
    return -1;
}

qint64 TenantData::generatedEventMs(qint64 j) const
{
    return eventStartMs + j * eventStepMs;
}

DemoData DemoData::build(const DemoOptions& options)
{
    DemoData data;
    data.partnerId =
        readObject(QStringLiteral("whoami-partner.json"))[QLatin1String("id")].toString();
    data.organizationId =
        readObject(QStringLiteral("whoami-organization.json"))[QLatin1String("id")].toString();

    const QList<QJsonObject> tenantObjects =
        readItems({QStringLiteral("partner-tenants-page1.json"),
                   QStringLiteral("partner-tenants-page2.json")});
    const QList<QJsonObject> allCases = readItems({QStringLiteral("cases-page1.json")});
    QStringList keepIds{data.partnerId, data.organizationId};
    for (const QJsonObject& tenant : tenantObjects)
        keepIds.append(tenant.value(QLatin1String("id")).toString());

    const QJsonObject base = baseBundle();
    const qint64 nowMinute = options.nowMs - options.nowMs % 60000;
    const qint64 shiftMs = nowMinute - FixtureAnchorMs;
    for (int index = 0; index < tenantObjects.size() && index < 3; ++index) {
        QJsonObject tenantObject = tenantObjects.at(index);
        tenantObject.remove(QStringLiteral("apiHost")); // filled with the base URL per response
        tenantObject.remove(QStringLiteral("partner"));
        const QString id = tenantObject.value(QLatin1String("id")).toString();
        QJsonObject bundle =
            index == 0 ? base
                       : deriveBundle(base,
                                      index,
                                      id,
                                      tenantObject.value(QLatin1String("name")).toString(),
                                      keepIds);
        // Records that the fixtures give to this tenant directly (not derived).
        QJsonArray cases = bundle.value(QLatin1String("cases")).toArray();
        for (const QJsonObject& item : allCases) {
            if (index > 0
                && item.value(QLatin1String("tenant"))[QLatin1String("id")].toString() == id)
                cases.append(item);
        }
        bundle.insert(QStringLiteral("cases"), cases);
        bundle = shifted(bundle, shiftMs).toObject();

        TenantData tenant;
        tenant.index = index;
        tenant.tenant = tenantObject;
        fillTenant(tenant, bundle, options);
        data.tenants.push_back(std::move(tenant));
    }
    return data;
}

int DemoData::tenantIndex(const QString& id) const
{
    for (const TenantData& tenant : tenants) {
        if (tenant.id() == id)
            return tenant.index;
    }
    return -1;
}

} // namespace mtr::simulator
