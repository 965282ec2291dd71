// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/TimelineBuilder.h"

#include "evidence/CentralRecordReader.h"

#include <algorithm>

namespace mtr::evidence {

namespace {

int portOf(const QJsonValue& value)
{
    bool ok = false;
    const int port = CentralRecordReader::looseString(value).toInt(&ok);
    return ok ? port : -1;
}

qint64 pidOf(const QJsonValue& value)
{
    bool ok = false;
    const qint64 pid = CentralRecordReader::looseString(value).toLongLong(&ok);
    return ok ? pid : -1;
}

/// Wildcard or unspecified addresses say nothing about the peer.
bool isSpecific(const QString& address)
{
    return !address.isEmpty() && address != QLatin1String("*")
           && address != QLatin1String("0.0.0.0") && address != QLatin1String("::");
}

QString connectionKey(const QString& address, int port)
{
    return address.toLower() + QLatin1Char('|') + QString::number(port);
}

} // namespace

void TimelineBuilder::addAlert(const domain::Alert& alert, const QString& sourceId)
{
    domain::TimelineEvent event;
    event.id = QStringLiteral("ev:") + sourceId;
    event.tenantId = alert.tenantId;
    event.timeUtc = alert.raisedAt;
    event.originalTime = CentralRecordReader::looseString(alert.raw.value(
        alert.raw.contains(QLatin1String("raisedAt")) ? QLatin1String("raisedAt")
                                                      : QLatin1String("created_at")));
    event.source = QStringLiteral("detection");
    event.host = alert.raw.value(QLatin1String("location")).toString();
    event.summary = alert.description;
    event.sourceId = sourceId;
    event.attributes.insert(QStringLiteral("type"), alert.type);
    m_events.append(event);
}

void TimelineBuilder::addSiemEvent(const domain::SiemEvent& siem, const QString& sourceId)
{
    domain::TimelineEvent event;
    event.id = QStringLiteral("ev:") + sourceId;
    event.tenantId = siem.tenantId;
    event.timeUtc = siem.when.isValid() ? siem.when : siem.createdAt;
    event.originalTime = CentralRecordReader::looseString(
        siem.raw.value(siem.when.isValid() ? QLatin1String("when") : QLatin1String("created_at")));
    event.source = QStringLiteral("siem");
    event.host = siem.location;
    event.summary = siem.name;
    event.sourceId = sourceId;
    event.attributes.insert(QStringLiteral("type"), siem.type);

    const QJsonObject amsi = siem.raw.value(QLatin1String("amsi_threat_data")).toObject();
    event.pid = pidOf(amsi.value(QLatin1String("processId")));
    event.parentPid = pidOf(amsi.value(QLatin1String("parentProcessId")));
    event.processName = amsi.value(QLatin1String("processName")).toString();
    const QJsonObject ips = siem.raw.value(QLatin1String("ips_threat_data")).toObject();
    if (!ips.isEmpty()) {
        event.remoteAddress = ips.value(QLatin1String("remoteIp")).toString();
        event.remotePort = portOf(ips.value(QLatin1String("remotePort")));
        event.localPort = portOf(ips.value(QLatin1String("localPort")));
        if (event.pid < 0) {
            event.pid = pidOf(ips.value(QLatin1String("executablePid")));
        }
    }
    event.localAddress = siem.raw.value(QLatin1String("source_info"))
                             .toObject()
                             .value(QLatin1String("ip"))
                             .toString();
    m_events.append(event);
}

void TimelineBuilder::addFirewallRecord(const FirewallRecord& record, const QString& sourceId)
{
    domain::TimelineEvent event;
    event.id = QStringLiteral("ev:") + sourceId;
    event.timeUtc = record.timeUtc;
    event.originalTime = record.originalTime;
    event.source = QStringLiteral("firewall");
    event.host = record.value(QStringLiteral("device_name"));
    const auto either = [&record](const char* a, const char* b) {
        const QString first = record.value(QLatin1String(a));
        return first.isEmpty() ? record.value(QLatin1String(b)) : first;
    };
    event.localAddress = either("src_ip", "sourceip");
    event.localPort = portOf(record.value(QStringLiteral("src_port")));
    event.remoteAddress = either("dst_ip", "destinationip");
    event.remotePort = portOf(record.value(QStringLiteral("dst_port")));
    event.summary = QStringLiteral("%1 %2 %3")
                        .arg(record.value(QStringLiteral("log_type")),
                             record.value(QStringLiteral("log_component")),
                             record.value(QStringLiteral("log_subtype")));
    event.sourceId = sourceId;
    event.attributes.insert(QStringLiteral("protocol"), record.value(QStringLiteral("protocol")));
    m_events.append(event);
}

void TimelineBuilder::addCommandOutput(const CommandOutput& output,
                                       const QDateTime& collectedAt,
                                       const QString& host,
                                       const QString& sourceId)
{
    const bool network = output.command.startsWith(QLatin1String("netstat"))
                         || output.command == QLatin1String("ss");
    const bool process = output.command.startsWith(QLatin1String("ps-"))
                         || output.command == QLatin1String("tasklist");
    for (qsizetype i = 0; i < output.rows.size(); ++i) {
        domain::TimelineEvent event;
        event.sourceId = QStringLiteral("%1#row%2").arg(sourceId, QString::number(i + 1));
        event.id = QStringLiteral("ev:") + event.sourceId;
        event.timeUtc = collectedAt.toUTC();
        event.originalTime = collectedAt.toString(Qt::ISODate);
        event.source = QStringLiteral("live-response");
        event.host = host;
        event.attributes.insert(QStringLiteral("command"), output.command);
        if (network) {
            addNetworkRow(output.rows.at(i), event);
        } else if (process) {
            addProcessRow(output.rows.at(i), event);
        }
    }
}

void TimelineBuilder::addNetworkRow(const QJsonObject& row, domain::TimelineEvent event)
{
    if (row.value(QLatin1String("kind")).toString() == QLatin1String("socket")) {
        return; // UNIX sockets have no address to place or correlate
    }
    event.localAddress = row.value(QLatin1String("local_address")).toString();
    event.localPort = portOf(row.value(QLatin1String("local_port")));
    event.remoteAddress = row.value(QLatin1String("foreign_address")).toString();
    event.remotePort = portOf(row.value(QLatin1String("foreign_port")));
    event.pid = pidOf(row.value(QLatin1String("pid")));
    event.processName = row.value(QLatin1String("program_name")).toString();
    event.summary = QStringLiteral("%1 %2:%3 -> %4:%5 %6")
                        .arg(row.value(QLatin1String("proto")).toString(), event.localAddress)
                        .arg(event.localPort)
                        .arg(event.remoteAddress)
                        .arg(event.remotePort)
                        .arg(row.value(QLatin1String("state")).toString());
    m_events.append(event);
}

void TimelineBuilder::addProcessRow(const QJsonObject& row, domain::TimelineEvent event)
{
    event.pid = pidOf(row.value(QLatin1String("pid")));
    event.parentPid =
        row.contains(QLatin1String("ppid")) ? pidOf(row.value(QLatin1String("ppid"))) : -1;
    event.processName = row.contains(QLatin1String("image_name"))
                            ? row.value(QLatin1String("image_name")).toString()
                            : row.value(QLatin1String("command")).toString();
    event.summary = event.processName;
    event.attributes.insert(QStringLiteral("snapshot"), true);
    m_events.append(event);
}

void TimelineBuilder::addCsvRow(const CsvTimelineRow& row,
                                const QString& host,
                                const QString& sourceId)
{
    domain::TimelineEvent event;
    event.id = QStringLiteral("ev:") + sourceId;
    event.timeUtc = row.timeUtc;
    event.originalTime = row.originalTime;
    event.source = QStringLiteral("csv");
    event.host = host;
    event.summary = row.message;
    event.sourceId = sourceId;
    event.attributes.insert(QStringLiteral("time_us"),
                            CsvTimelineReader::isoMicros(row.epochMicros));
    m_events.append(event);
}

QList<domain::TimelineEvent> TimelineBuilder::events() const
{
    QList<domain::TimelineEvent> sorted = m_events;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        if (a.timeUtc.isValid() != b.timeUtc.isValid()) {
            return a.timeUtc.isValid();
        }
        return a.timeUtc < b.timeUtc;
    });
    return sorted;
}

QHash<QString, QStringList> TimelineBuilder::buildProcessTree(QList<domain::TimelineEvent>& events)
{
    QHash<QString, qsizetype> byPid;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).pid >= 0) {
            byPid.insert(events.at(i).host.toLower() + QLatin1Char('|')
                             + QString::number(events.at(i).pid),
                         i);
        }
    }
    QHash<QString, QStringList> children;
    for (auto& event : events) {
        if (event.parentPid < 0 || event.parentPid == event.pid) {
            continue;
        }
        const auto parent = byPid.constFind(event.host.toLower() + QLatin1Char('|')
                                            + QString::number(event.parentPid));
        if (parent == byPid.constEnd()) {
            continue;
        }
        const QString parentId = events.at(parent.value()).id;
        event.attributes.insert(QStringLiteral("parent_event_id"), parentId);
        children[parentId].append(event.id);
    }
    return children;
}

int TimelineBuilder::correlateConnections(QList<domain::TimelineEvent>& events,
                                          qint64 windowSeconds)
{
    QHash<QString, QList<qsizetype>> byRemote;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto& e = events.at(i);
        if (isSpecific(e.remoteAddress) && e.remotePort > 0) {
            byRemote[connectionKey(e.remoteAddress, e.remotePort)].append(i);
        }
    }
    int links = 0;
    for (const QList<qsizetype>& group : std::as_const(byRemote)) {
        for (qsizetype a = 0; a < group.size(); ++a) {
            for (qsizetype b = a + 1; b < group.size(); ++b) {
                auto& x = events[group.at(a)];
                auto& y = events[group.at(b)];
                const bool portsAgree =
                    x.localPort <= 0 || y.localPort <= 0 || x.localPort == y.localPort;
                const bool timesAgree = x.timeUtc.isValid() && y.timeUtc.isValid()
                                        && qAbs(x.timeUtc.secsTo(y.timeUtc)) <= windowSeconds;
                if (x.source == y.source || !portsAgree || !timesAgree) {
                    continue;
                }
                x.correlatedIds.append(y.id);
                y.correlatedIds.append(x.id);
                ++links;
            }
        }
    }
    return links;
}

QList<domain::TimelineEvent> TimelineBuilder::filter(const QList<domain::TimelineEvent>& events,
                                                     const QSet<QString>& sources,
                                                     const QDateTime& from,
                                                     const QDateTime& to)
{
    QList<domain::TimelineEvent> kept;
    for (const auto& event : events) {
        if (!sources.isEmpty() && !sources.contains(event.source)) {
            continue;
        }
        if ((from.isValid() || to.isValid()) && !event.timeUtc.isValid()) {
            continue;
        }
        if ((from.isValid() && event.timeUtc < from) || (to.isValid() && event.timeUtc >= to)) {
            continue;
        }
        kept.append(event);
    }
    return kept;
}

} // namespace mtr::evidence
