// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/Generators.h"

#include "simulator/SimTypes.h"

#include <QJsonArray>

namespace mtr::simulator {
namespace {

quint64 mix(quint64 x)
{
    // splitmix64: cheap, well-spread and the same on every platform.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

QString hex(quint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 16, QLatin1Char('0')).right(width);
}

struct AlertKind
{
    const char* type;
    const char* category;
    const char* severity;
    const char* product;
    const char* actions; // comma list
};

constexpr AlertKind AlertKinds[] = {
    {"Event::Endpoint::Threat::Detected", "malware", "high", "endpoint", "acknowledge,cleanVirus"},
    {"Event::Endpoint::PUADetected", "pua", "medium", "endpoint", "acknowledge,authPua,cleanPua"},
    {"Event::Endpoint::Threat::HIPSDetected",
     "runtimeDetections",
     "high",
     "endpoint",
     "acknowledge,clearHmpa"},
    {"Event::Endpoint::OutOfDate", "updating", "medium", "endpoint", "acknowledge"},
    {"Event::Endpoint::Application::Blocked", "applicationControl", "low", "endpoint", ""},
    {"Event::Endpoint::NonCompliant", "policy", "low", "server", "acknowledge"},
    {"Event::Endpoint::Threat::CleanupFailed",
     "malware",
     "high",
     "endpoint",
     "acknowledge,clearThreat"},
    {"Event::Mobile::ApnsCertificateRenewed", "mobiles", "low", "mobile", "acknowledge"},
    {"Event::Endpoint::Denc::EncryptionSuspended", "denc", "medium", "encryption", "acknowledge"},
};
constexpr int AlertKindCount = int(std::size(AlertKinds));

struct EventKind
{
    const char* type;
    const char* group;
    const char* severity;
};

constexpr EventKind EventKinds[] = {
    {"Event::Endpoint::Threat::Detected", "MALWARE", "high"},
    {"Event::Endpoint::Threat::CleanedUp", "MALWARE", "low"},
    {"Event::Endpoint::Threat::HIPSDetected", "MALWARE", "high"},
    {"Event::Endpoint::Threat::PuaDetected", "PUA", "medium"},
    {"Event::Endpoint::UpdateSuccess", "UPDATING", "low"},
    {"Event::Endpoint::UpdateFailure", "UPDATING", "medium"},
    {"Event::Endpoint::SavScanComplete", "PROTECTION", "low"},
    {"Event::Endpoint::WebControlViolation", "WEB", "low"},
    {"Event::Endpoint::WebFilteringBlocked", "WEB", "low"},
    {"Event::Endpoint::Device::AlertedOnly", "PERIPHERALS", "low"},
    {"Event::Endpoint::Application::Allowed", "APPLICATION_CONTROL", "low"},
    {"Event::Endpoint::UserAutoCreated", "PROTECTION", "low"},
    {"Event::Endpoint::NonCompliant", "POLICY", "low"},
    {"Event::Endpoint::Compliant", "POLICY", "low"},
};
constexpr int EventKindCount = int(std::size(EventKinds));

const QStringList& puaNames()
{
    static const QStringList names{QStringLiteral("PsExec"),
                                   QStringLiteral("AnyDesk"),
                                   QStringLiteral("NirSoft ネットワークツール"),
                                   QStringLiteral("Cain & Abel"),
                                   QStringLiteral("Mimikatz")};
    return names;
}

const QStringList& fileNames()
{
    static const QStringList names{QStringLiteral("Bestellübersicht_%1.exe"),
                                   QStringLiteral("Facture_été_%1.pdf.exe"),
                                   QStringLiteral("請求書_%1.scr"),
                                   QStringLiteral("invoice-%1.js"),
                                   QStringLiteral("Lieferschein_Nr.%1 ✉.zip.exe")};
    return names;
}

const EndpointRef& endpointFor(const GenContext& context, quint64 h)
{
    static const EndpointRef none;
    if (context.endpoints.isEmpty())
        return none;
    return context.endpoints.at(int(h % quint64(context.endpoints.size())));
}

QString userPath(const EndpointRef& endpoint)
{
    const QString user = endpoint.user.section(QLatin1Char('\\'), -1);
    if (endpoint.platform == QLatin1String("macOS"))
        return QStringLiteral("/Users/%1/Downloads/").arg(user);
    if (endpoint.platform == QLatin1String("linux"))
        return QStringLiteral("/home/%1/").arg(user);
    return QStringLiteral("C:\\Users\\%1\\Downloads\\").arg(user);
}

QString alertDescription(int kind, qint64 i, quint64 h, const EndpointRef& endpoint)
{
    const QString n = QString::number(i);
    switch (kind) {
    case 0:
        return QStringLiteral("Malware detected: 'Troj/Agent-%1' at '%2%3'")
            .arg(hex(h, 4).toUpper(), userPath(endpoint), fileNames().at(int(h % 5)).arg(n));
    case 1: {
        const QString pua = puaNames().at(int(h % 5));
        return QStringLiteral("PUA detected: '%1' at 'C:\\Tools\\%1.exe'").arg(pua);
    }
    case 2:
        return QStringLiteral("Malicious behavior detected in 'C:\\Windows\\System32\\%1' "
                              "(Mal/Behav-%2)")
            .arg(h % 2 ? QStringLiteral("rundll32.exe") : QStringLiteral("mshta.exe"))
            .arg(200 + h % 90);
    case 3:
        return QStringLiteral("%1 is out of date.").arg(endpoint.hostname);
    case 4:
        return QStringLiteral("Controlled application blocked: '%1' ❌ (policy: Büro-Standard)")
            .arg(puaNames().at(int(h % 5)));
    case 5:
        return QStringLiteral("Policy non-compliance on %1").arg(endpoint.hostname);
    case 6:
        return QStringLiteral("Manual cleanup required: 'Mal/Generic-%1' at '%2%3'")
            .arg(QChar(QLatin1Char(char('A' + h % 26))),
                 userPath(endpoint),
                 fileNames().at(int(h % 5)).arg(n));
    case 7:
        return QStringLiteral("Your APNs certificate was renewed");
    default:
        return QStringLiteral("Verschlüsselung auf %1 angehalten 🔒").arg(endpoint.hostname);
    }
}

QString userId(quint64 h)
{
    return hex(mix(h ^ 0x75736572ULL), 16) + hex(h, 8);
}

} // namespace

GenAlertFacts generatedAlertFacts(qint64 i)
{
    const AlertKind& kind = AlertKinds[mix(quint64(i)) % AlertKindCount];
    return {QString::fromLatin1(kind.type),
            QString::fromLatin1(kind.category),
            QString::fromLatin1(kind.severity),
            QString::fromLatin1(kind.product)};
}

QString generatedId(int tenantIndex, char kind, qint64 i)
{
    return QStringLiteral("5eed%1-%2-4%3-a%4-%5")
        .arg(hex(quint64(tenantIndex), 4),
             hex(quint64(uchar(kind)), 4),
             hex(0, 3),
             hex(0, 3),
             hex(quint64(i), 12));
}

std::optional<qint64> parseGeneratedId(int tenantIndex, char kind, const QString& id)
{
    const QString prefix = generatedId(tenantIndex, kind, 0).left(24);
    if (id.size() != 36 || !id.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const qint64 i = id.mid(24).toLongLong(&ok, 16);
    return ok ? std::optional<qint64>(i) : std::nullopt;
}

QJsonObject generatedAlert(const GenContext& context, qint64 i, qint64 raisedMs)
{
    const quint64 h = mix(quint64(i));
    const int kindIndex = int(h % AlertKindCount);
    const AlertKind& kind = AlertKinds[kindIndex];
    const quint64 h2 = mix(h ^ quint64(context.tenantIndex));
    const EndpointRef& endpoint = endpointFor(context, h2);

    QJsonArray actions;
    for (const QString& action :
         QString::fromLatin1(kind.actions).split(QLatin1Char(','), Qt::SkipEmptyParts))
        actions.append(action);
    QJsonObject alert{{QStringLiteral("id"), generatedId(context.tenantIndex, 'a', i)},
                      {QStringLiteral("type"), QString::fromLatin1(kind.type)},
                      {QStringLiteral("category"), QString::fromLatin1(kind.category)},
                      {QStringLiteral("severity"), QString::fromLatin1(kind.severity)},
                      {QStringLiteral("product"), QString::fromLatin1(kind.product)},
                      {QStringLiteral("description"), alertDescription(kindIndex, i, h2, endpoint)},
                      {QStringLiteral("raisedAt"), isoMs(raisedMs)},
                      {QStringLiteral("allowedActions"), actions},
                      {QStringLiteral("groupKey"),
                       QString::fromLatin1(QByteArray("1," + QByteArray(kind.type) + ",")
                                               .toBase64(QByteArray::OmitTrailingEquals))},
                      {QStringLiteral("tenant"),
                       QJsonObject{{QStringLiteral("id"), context.tenantId},
                                   {QStringLiteral("name"), context.tenantName}}}};
    if (kindIndex != 7) { // mobile alerts carry no managedAgent
        alert.insert(QStringLiteral("managedAgent"),
                     QJsonObject{{QStringLiteral("id"), endpoint.id},
                                 {QStringLiteral("type"), endpoint.type}});
        if (h2 % 3 != 0)
            alert.insert(QStringLiteral("person"),
                         QJsonObject{{QStringLiteral("id"),
                                      generatedId(context.tenantIndex, 'p', qint64(h2 % 97))}});
    }
    return alert;
}

QJsonObject generatedSiemAlert(const GenContext& context, qint64 i, qint64 raisedMs)
{
    const QJsonObject alert = generatedAlert(context, i, raisedMs);
    const quint64 h2 = mix(mix(quint64(i)) ^ quint64(context.tenantIndex));
    const EndpointRef& endpoint = endpointFor(context, h2);
    const QString id = alert.value(QLatin1String("id")).toString();
    QJsonObject data{{QStringLiteral("endpoint_id"), endpoint.id},
                     {QStringLiteral("endpoint_java_id"), endpoint.id},
                     {QStringLiteral("endpoint_platform"), endpoint.platform},
                     {QStringLiteral("endpoint_type"), endpoint.type},
                     {QStringLiteral("created_at"), raisedMs - 900},
                     {QStringLiteral("inserted_at"), raisedMs - 400}};
    if (!endpoint.ip.isEmpty())
        data.insert(QStringLiteral("source_info"),
                    QJsonObject{{QStringLiteral("ip"), endpoint.ip}});
    // The feed's shape drifted over the years: threat_id was a hex string, later an object.
    if (i % 2 == 0)
        data.insert(QStringLiteral("threat_id"), hex(h2, 24));
    else
        data.insert(QStringLiteral("threat_id"),
                    QJsonObject{{QStringLiteral("timestamp"), raisedMs / 1000},
                                {QStringLiteral("machineIdentifier"), qint64(h2 % 16777216)},
                                {QStringLiteral("counter"), qint64(i % 16777216)}});
    QJsonObject item{{QStringLiteral("id"), id},
                     {QStringLiteral("customer_id"), context.tenantId},
                     {QStringLiteral("severity"), alert.value(QLatin1String("severity"))},
                     {QStringLiteral("created_at"), isoMs(raisedMs - 400)},
                     {QStringLiteral("when"), isoMs(raisedMs - 1000)},
                     {QStringLiteral("type"), alert.value(QLatin1String("type"))},
                     {QStringLiteral("description"), alert.value(QLatin1String("description"))},
                     {QStringLiteral("location"), endpoint.hostname},
                     {QStringLiteral("event_service_event_id"), id},
                     {QStringLiteral("data"), data}};
    if (alert.value(QLatin1String("category")).toString() == QLatin1String("malware")) {
        item.insert(QStringLiteral("threat"),
                    QStringLiteral("Troj/Agent-%1").arg(hex(h2, 4).toUpper()));
        item.insert(QStringLiteral("threat_cleanable"), i % 3 != 0);
        item.insert(QStringLiteral("source"), endpoint.user);
    }
    return item;
}

QString generatedSiemEventType(qint64 i)
{
    return QString::fromLatin1(EventKinds[mix(quint64(i) ^ 0x5151ULL) % EventKindCount].type);
}

QJsonObject generatedSiemEvent(const GenContext& context, qint64 i, qint64 createdMs)
{
    const quint64 h = mix(quint64(i) ^ 0x5151ULL);
    const int kindIndex = int(h % EventKindCount);
    const EventKind& kind = EventKinds[kindIndex];
    const quint64 h2 = mix(h ^ quint64(context.tenantIndex));
    const EndpointRef& endpoint = endpointFor(context, h2);
    const QString n = QString::number(i);

    QString name;
    QString threat;
    switch (kindIndex) {
    case 0:
    case 1:
        threat = QStringLiteral("Troj/Agent-%1").arg(hex(h2, 4).toUpper());
        name = QStringLiteral("%1: '%2' at '%3%4'")
                   .arg(kindIndex == 0 ? QStringLiteral("Malware detected")
                                       : QStringLiteral("Malware cleaned up"),
                        threat,
                        userPath(endpoint),
                        fileNames().at(int(h2 % 5)).arg(n));
        break;
    case 2:
        threat = QStringLiteral("Mal/Behav-%1").arg(200 + h2 % 90);
        name =
            QStringLiteral("Malicious behavior detected in 'C:\\Windows\\System32\\rundll32.exe' "
                           "(%1)")
                .arg(threat);
        break;
    case 3:
        threat = puaNames().at(int(h2 % 5));
        name = QStringLiteral("PUA detected: '%1' at 'C:\\Tools\\%1.exe'").arg(threat);
        break;
    case 4:
        name = QStringLiteral("Update succeeded");
        break;
    case 5:
        name = QStringLiteral("Failed to install Sophos Endpoint Agent update");
        break;
    case 6:
        name = QStringLiteral("Scan 'Vollständiger Systemscan' completed");
        break;
    case 7:
        name =
            QStringLiteral("Website 'https://games.example.net/%1' blocked: category Games").arg(n);
        break;
    case 8:
        name = QStringLiteral("Access to 'http://malware.example.net/%1' blocked ⛔").arg(n);
        break;
    case 9:
        name = QStringLiteral("Peripheral allowed: 'USB-Stick Größe 32 GB'");
        break;
    case 10:
        name = QStringLiteral("Application allowed: 'TeamViewer 15'");
        break;
    case 11:
        name = QStringLiteral("New user added automatically: %1").arg(endpoint.user);
        break;
    case 12:
        name = QStringLiteral("Computer non-compliant: %1").arg(endpoint.hostname);
        break;
    default:
        name = QStringLiteral("Computer compliant again: %1").arg(endpoint.hostname);
        break;
    }

    QJsonObject event{{QStringLiteral("id"), generatedId(context.tenantIndex, 'e', i)},
                      {QStringLiteral("type"), QString::fromLatin1(kind.type)},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("severity"), QString::fromLatin1(kind.severity)},
                      {QStringLiteral("created_at"), isoMs(createdMs)},
                      {QStringLiteral("when"), isoMs(createdMs - 500)},
                      {QStringLiteral("customer_id"), context.tenantId},
                      {QStringLiteral("endpoint_id"), endpoint.id},
                      {QStringLiteral("endpoint_type"), endpoint.type},
                      {QStringLiteral("location"), endpoint.hostname},
                      {QStringLiteral("group"), QString::fromLatin1(kind.group)},
                      {QStringLiteral("user_id"), userId(h2)}};
    if (h2 % 4 != 0)
        event.insert(QStringLiteral("source"), endpoint.user);
    if (!threat.isEmpty())
        event.insert(QStringLiteral("threat"), threat);
    if (!endpoint.ip.isEmpty() && h2 % 2 == 0)
        event.insert(QStringLiteral("source_info"),
                     QJsonObject{{QStringLiteral("ip"), endpoint.ip}});
    return event;
}

} // namespace mtr::simulator
