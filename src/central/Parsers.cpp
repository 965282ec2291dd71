// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/Parsers.h"

#include "central/ErrorMapper.h"
#include "central/HostUrl.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace mtr::central {

namespace {

using namespace domain;

/// A string member, or the text of a number; empty for any other type (never a crash).
QString str(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString()) {
        return v.toString();
    }
    if (v.isDouble()) {
        return QString::number(v.toInteger());
    }
    return {};
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& item : v.toArray()) {
        if (item.isString()) {
            out.append(item.toString());
        } else if (item.isObject()) {
            const QJsonObject o = item.toObject();
            const QString id =
                str(o, "techniqueId").isEmpty() ? str(o, "id") : str(o, "techniqueId");
            out.append(id.isEmpty() ? str(o, "name") : id);
        }
    }
    return out;
}

Error missing(const char* field)
{
    return Error::make(
        Error::Code::InvalidInput,
        QStringLiteral("required field '%1' missing or not a string").arg(QLatin1String(field)));
}

/// A person/assignee that is either an object {name,...} or a plain string (e-mail).
QString personName(const QJsonValue& v)
{
    if (v.isString()) {
        return v.toString();
    }
    const QJsonObject o = v.toObject();
    return str(o, "name").isEmpty() ? str(o, "id") : str(o, "name");
}

} // namespace

QDateTime Parsers::time(const QJsonValue& value)
{
    if (value.isDouble()) {
        const qint64 n = value.toInteger();
        // Ten-digit numbers are seconds (SIEM from_date), longer ones milliseconds.
        return n < 100000000000LL ? QDateTime::fromSecsSinceEpoch(n, QTimeZone::utc())
                                  : QDateTime::fromMSecsSinceEpoch(n, QTimeZone::utc());
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        return {};
    }
    static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    if (!zone.match(text).hasMatch()) {
        t.setTimeZone(QTimeZone::utc()); // Common API examples omit the Z; the API means UTC
    }
    return t.toUTC();
}

Result<CallerIdentity> Parsers::whoami(const QJsonObject& o)
{
    CallerIdentity who;
    who.id = str(o, "id");
    if (who.id.isEmpty()) {
        return missing("id");
    }
    const QString type = str(o, "idType");
    if (type == QLatin1String("tenant")) {
        who.kind = CallerIdentity::Kind::Tenant;
    } else if (type == QLatin1String("partner")) {
        who.kind = CallerIdentity::Kind::Partner;
    } else if (type == QLatin1String("organization")) {
        who.kind = CallerIdentity::Kind::Organization;
    } else {
        return Error::make(Error::Code::InvalidInput, QStringLiteral("unknown idType"));
    }
    const QJsonObject hosts = obj(o, "apiHosts");
    who.globalHost = HostUrl::normalise(str(hosts, "global"));
    who.dataRegionHost = HostUrl::normalise(str(hosts, "dataRegion"));
    if (who.kind == CallerIdentity::Kind::Tenant && who.dataRegionHost.isEmpty()) {
        return missing("apiHosts.dataRegion");
    }
    return who;
}

Result<Tenant> Parsers::tenant(const QJsonObject& o)
{
    Tenant t;
    t.id = str(o, "id");
    if (t.id.isEmpty()) {
        return missing("id");
    }
    t.name = str(o, "name");
    t.dataRegion = str(o, "dataRegion");
    t.dataGeography = str(o, "dataGeography");
    t.apiHost = HostUrl::normalise(str(o, "apiHost"));
    if (t.apiHost.isEmpty()) {
        return missing("apiHost");
    }
    return t;
}

Result<Alert> Parsers::alert(const QJsonObject& o)
{
    Alert a;
    a.id = str(o, "id");
    if (a.id.isEmpty()) {
        return missing("id");
    }
    const QJsonObject tenant = obj(o, "tenant");
    a.tenantId = str(tenant, "id");
    a.tenantName = str(tenant, "name");
    a.type = str(o, "type");
    a.category = str(o, "category");
    a.product = str(o, "product");
    a.severity = severityFromString(str(o, "severity"));
    a.description = str(o, "description");
    a.raisedAt = time(o.value(QLatin1String("raisedAt")));
    a.allowedActions = strings(o.value(QLatin1String("allowedActions")));
    a.groupKey = str(o, "groupKey");
    const QJsonObject agent = obj(o, "managedAgent"); // {} or absent for mobile alerts
    a.endpointId = str(agent, "id");
    a.endpointType = str(agent, "type");
    a.personId = str(obj(o, "person"), "id");
    a.raw = o;
    return a;
}

Result<Alert> Parsers::siemAlert(const QJsonObject& o)
{
    Alert a;
    a.id = str(o, "id");
    if (a.id.isEmpty()) {
        return missing("id");
    }
    a.tenantId = str(o, "customer_id");
    a.type = str(o, "type");
    a.severity = severityFromString(str(o, "severity"));
    a.description = str(o, "description");
    a.raisedAt = time(o.value(QLatin1String("created_at")));
    // `data` is loosely typed across versions: read only what is a plain value, keep the rest raw.
    const QJsonObject data = obj(o, "data");
    a.endpointId = str(data, "endpoint_id");
    a.endpointType = str(data, "endpoint_type");
    a.product = str(o, "product");
    a.raw = o;
    return a;
}

Result<SiemEvent> Parsers::siemEvent(const QJsonObject& o)
{
    SiemEvent e;
    e.id = str(o, "id");
    if (e.id.isEmpty()) {
        return missing("id");
    }
    e.tenantId = str(o, "customer_id");
    e.type = str(o, "type");
    e.name = str(o, "name");
    e.severity = severityFromString(str(o, "severity"));
    e.createdAt = time(o.value(QLatin1String("created_at")));
    e.when = time(o.value(QLatin1String("when")));
    e.endpointId = str(o, "endpoint_id");
    e.location = str(o, "location");
    e.source = str(o, "source");
    e.raw = o;
    return e;
}

Result<Endpoint> Parsers::endpoint(const QJsonObject& o)
{
    Endpoint e;
    e.id = str(o, "id");
    if (e.id.isEmpty()) {
        return missing("id");
    }
    e.tenantId = str(obj(o, "tenant"), "id");
    e.type = str(o, "type");
    e.hostname = str(o, "hostname");
    const QJsonObject os = obj(o, "os");
    e.osName = str(os, "name");
    e.osPlatform = str(os, "platform");
    e.isServer = os.value(QLatin1String("isServer")).toBool(e.type == QLatin1String("server"));
    e.ipv4Addresses = strings(o.value(QLatin1String("ipv4Addresses")));
    e.ipv6Addresses = strings(o.value(QLatin1String("ipv6Addresses")));
    e.healthOverall = str(obj(o, "health"), "overall");
    const QJsonObject isolation = obj(o, "isolation");
    e.isolationStatus = str(isolation, "status");
    e.adminIsolated = isolation.value(QLatin1String("adminIsolated")).toBool();
    e.selfIsolated = isolation.value(QLatin1String("selfIsolated")).toBool();
    e.online = o.value(QLatin1String("online")).toBool();
    e.associatedPerson = personName(o.value(QLatin1String("associatedPerson")));
    e.lastSeenAt = time(o.value(QLatin1String("lastSeenAt")));
    e.raw = o;
    return e;
}

Result<Case> Parsers::caseObject(const QJsonObject& o)
{
    Case c;
    c.id = str(o, "id");
    if (c.id.isEmpty()) {
        return missing("id");
    }
    c.tenantId = str(obj(o, "tenant"), "id");
    c.name = str(o, "name");
    c.type = str(o, "type");
    c.status = str(o, "status");
    c.managedBy = str(o, "managedBy");
    c.severity = severityFromString(str(o, "severity"));
    c.assignee = personName(o.value(QLatin1String("assignee")));
    c.overview = str(o, "overview");
    c.detectionCount = o.value(QLatin1String("detectionCount")).toInt();
    c.escalated = o.value(QLatin1String("escalated")).toBool();
    c.verdict = str(o, "verdict");
    c.createdAt = time(o.value(QLatin1String("createdAt")));
    c.updatedAt = time(o.value(QLatin1String("updatedAt")));
    c.raw = o;
    return c;
}

Result<Detection> Parsers::detection(const QJsonObject& o)
{
    Detection d;
    d.id = str(o, "id");
    if (d.id.isEmpty()) {
        return missing("id");
    }
    d.detectionRule = str(o, "detectionRule");
    d.type = str(o, "type");
    const QJsonValue severity = o.value(QLatin1String("severity"));
    if (severity.isDouble()) {
        d.severityScore = severity.toInt();
        d.severity = severityFromScore(d.severityScore);
    } else {
        d.severity = severityFromString(severity.toString());
    }
    d.time = time(o.value(QLatin1String("time")));
    d.mitreAttacks = strings(o.value(QLatin1String("mitreAttacks")));
    d.raw = o;
    return d;
}

Result<ImpactedEntity> Parsers::impactedEntity(const QJsonObject& o)
{
    ImpactedEntity e;
    e.id = str(o, "id");
    e.type = str(o, "type");
    e.name = str(o, "name");
    if (e.id.isEmpty() && e.name.isEmpty()) {
        return missing("id");
    }
    e.raw = o;
    return e;
}

Result<MitreSummary> Parsers::mitreSummary(const QJsonObject& o)
{
    const QJsonValue tactics = o.value(QLatin1String("tactics"));
    if (!tactics.isArray() && !tactics.isUndefined()) {
        return Error::make(Error::Code::InvalidInput, QStringLiteral("'tactics' is not an array"));
    }
    MitreSummary m;
    m.tactics = tactics.toArray();
    for (const QJsonValue& t : m.tactics) {
        const QJsonObject tactic = t.toObject();
        const QString name =
            str(tactic, "name").isEmpty() ? str(tactic, "id") : str(tactic, "name");
        if (!name.isEmpty()) {
            m.tacticNames.append(name);
        }
    }
    return m;
}

Result<AlertActionResult> Parsers::actionResult(const QJsonObject& o)
{
    AlertActionResult r;
    r.id = str(o, "id");
    r.alertId = str(o, "alertId");
    r.action = str(o, "action");
    r.status = str(o, "status");
    if (r.status.isEmpty()) {
        return missing("status");
    }
    r.requestedAt = time(o.value(QLatin1String("requestedAt")));
    r.completedAt = time(o.value(QLatin1String("completedAt")));
    r.result = str(o, "result");
    r.raw = o;
    return r;
}

Result<IsolationState> Parsers::isolation(const QJsonObject& o)
{
    const QJsonValue enabled = o.value(QLatin1String("enabled"));
    if (!enabled.isBool()) {
        return missing("enabled");
    }
    IsolationState s;
    s.enabled = enabled.toBool();
    s.comment = str(o, "comment");
    s.lastEnabledAt = time(o.value(QLatin1String("lastEnabledAt")));
    s.lastDisabledAt = time(o.value(QLatin1String("lastDisabledAt")));
    s.raw = o;
    return s;
}

Result<ScanRequest> Parsers::scan(const QJsonObject& o)
{
    ScanRequest s;
    s.id = str(o, "id");
    s.status = str(o, "status");
    if (s.status.isEmpty()) {
        return missing("status");
    }
    s.requestedAt = time(o.value(QLatin1String("requestedAt")));
    s.raw = o;
    return s;
}

Result<BlockedItem> Parsers::blockedItem(const QJsonObject& o)
{
    BlockedItem b;
    b.id = str(o, "id");
    if (b.id.isEmpty()) {
        return missing("id");
    }
    b.type = str(o, "type");
    const QJsonObject properties = obj(o, "properties");
    b.sha256 = str(properties, "sha256");
    b.fileName = str(properties, "fileName");
    b.path = str(properties, "path");
    b.certificateSigner = str(properties, "certificateSigner");
    b.comment = str(o, "comment");
    b.createdAt = time(o.value(QLatin1String("createdAt")));
    b.createdByName = personName(o.value(QLatin1String("createdBy")));
    b.raw = o;
    return b;
}

Result<QueryRun> Parsers::queryRun(const QJsonObject& o)
{
    QueryRun r;
    r.id = str(o, "id");
    if (r.id.isEmpty()) {
        return missing("id");
    }
    r.status = str(o, "status");
    r.result = str(o, "result");
    r.createdAt = time(o.value(QLatin1String("createdAt")));
    r.finishedAt = time(o.value(QLatin1String("finishedAt")));
    const QJsonValue count = o.value(QLatin1String("resultCount"));
    r.resultCount = count.isDouble() ? count.toInt() : -1;
    r.raw = o;
    return r;
}

Result<QueryRow> Parsers::queryRow(const QJsonObject& o)
{
    return QueryRow{o};
}

PageInfo Parsers::pageInfo(const QJsonObject& pages)
{
    PageInfo info;
    info.fromKey = str(pages, "fromKey");
    info.nextKey = str(pages, "nextKey");
    info.current = pages.value(QLatin1String("current")).toInt();
    info.totalPages = pages.value(QLatin1String("total")).toInt(-1);
    info.totalItems = pages.value(QLatin1String("items")).toInt(-1);
    info.size = pages.value(QLatin1String("size")).toInt();
    info.maxSize = pages.value(QLatin1String("maxSize")).toInt();
    return info;
}

Result<QJsonObject> Parsers::object(const QByteArray& body, const QString& operation)
{
    if (body.trimmed().isEmpty()) {
        return ErrorMapper::badPayload(operation, QStringLiteral("empty body"));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ErrorMapper::badPayload(operation,
                                       QStringLiteral("invalid JSON at offset %1: %2")
                                           .arg(parseError.offset)
                                           .arg(parseError.errorString()));
    }
    if (!doc.isObject()) {
        return ErrorMapper::badPayload(operation, QStringLiteral("top level is not an object"));
    }
    return doc.object();
}

Error Parsers::itemError(const QString& operation, int index, const QString& detail)
{
    const QString where = index < 0 ? detail : QStringLiteral("item %1: %2").arg(index).arg(detail);
    return ErrorMapper::badPayload(operation, where);
}

} // namespace mtr::central
