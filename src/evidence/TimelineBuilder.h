// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"
#include "domain/Types.h"
#include "evidence/CsvTimelineReader.h"
#include "evidence/FirewallLogReader.h"
#include "evidence/LiveResponseReader.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace mtr::evidence {

/// Assembles a case timeline from every source on one UTC clock, keeping each source's own time
/// text beside it and a link (sourceId) back to the raw record. Then rebuilds process trees from
/// parent/child ids and correlates endpoint connections with firewall lines.
class TimelineBuilder
{
public:
    /// A Central alert; `sourceId` is its EvidenceItem id.
    void addAlert(const domain::Alert& alert, const QString& sourceId);

    /// A SIEM event, with AMSI process ids and IPS connection data when present.
    void addSiemEvent(const domain::SiemEvent& event, const QString& sourceId);

    /// A firewall line (src/dst address and port; UTC from the device's zone).
    void addFirewallRecord(const FirewallRecord& record, const QString& sourceId);

    /// A Live Response output taken at `collectedAt` on `host`: netstat/ss rows become network
    /// events, ps/tasklist rows process events. Each row's sourceId is `sourceId#row<N>`.
    void addCommandOutput(const CommandOutput& output,
                          const QDateTime& collectedAt,
                          const QString& host,
                          const QString& sourceId);

    /// A CSV timeline row.
    void addCsvRow(const CsvTimelineRow& row, const QString& host, const QString& sourceId);

    /// Every event so far, in time order (events without a time last, in insertion order).
    QList<domain::TimelineEvent> events() const;

    /// Links processes to their parents on the same host (attributes "parent_event_id") and
    /// returns parent event id -> child event ids. Snapshot rows (ps, tasklist) and AMSI data
    /// both count; a pid seen twice on one host keeps its latest event.
    static QHash<QString, QStringList> buildProcessTree(QList<domain::TimelineEvent>& events);

    /// Fills correlatedIds both ways between events from different sources that describe the
    /// same connection: same remote address and port, same local port when both know it, within
    /// `windowSeconds` of each other. Returns the number of links made.
    static int correlateConnections(QList<domain::TimelineEvent>& events, qint64 windowSeconds);

    /// Events whose source is in `sources` (all when empty) and whose time lies in [from, to)
    /// (either bound may be invalid to leave that side open).
    static QList<domain::TimelineEvent> filter(const QList<domain::TimelineEvent>& events,
                                               const QSet<QString>& sources,
                                               const QDateTime& from,
                                               const QDateTime& to);

private:
    QList<domain::TimelineEvent> m_events;

    void addNetworkRow(const QJsonObject& row, domain::TimelineEvent event);
    void addProcessRow(const QJsonObject& row, domain::TimelineEvent event);
};

} // namespace mtr::evidence
