// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "EvidenceTestData.h"
#include "evidence/CentralRecordReader.h"
#include "evidence/FirewallLogReader.h"
#include "evidence/LiveResponseReader.h"
#include "evidence/TimelineBuilder.h"

#include <QTest>
#include <QTimeZone>

using namespace mtr::evidence;
using mtr::evidence::test::evidenceBytes;
using mtr::evidence::test::evidenceText;

namespace {

const QString s_host = QStringLiteral("CONTOSO-WKS-0042");

/// The composed case: one SIEM event, three firewall lines, netstat and tasklist from the host.
QList<mtr::domain::TimelineEvent> composedCase(QHash<QString, QStringList>* tree = nullptr)
{
    TimelineBuilder builder;
    const auto siem = CentralRecordReader::readSiemEvents(
        evidenceBytes(QStringLiteral("composed/case-siem-event.json")));
    for (const auto& event : siem.events) {
        builder.addSiemEvent(event, QStringLiteral("siem-event:") + event.id);
    }
    const auto firewall =
        FirewallLogReader::read(evidenceText(QStringLiteral("composed/case-firewall.log")));
    for (const auto& record : firewall.records) {
        builder.addFirewallRecord(record,
                                  QStringLiteral("file:case-firewall.log:%1").arg(record.line));
    }
    const QDateTime collected(QDate(2026, 11, 30), QTime(8, 45, 0), QTimeZone::utc());
    builder.addCommandOutput(
        LiveResponseReader::read(evidenceText(QStringLiteral("composed/netstat-ano-de.out"))),
        collected,
        s_host,
        QStringLiteral("lr:netstat"));
    builder.addCommandOutput(
        LiveResponseReader::read(evidenceText(QStringLiteral("composed/tasklist-v-en.out"))),
        collected,
        s_host,
        QStringLiteral("lr:tasklist"));
    auto events = builder.events();
    TimelineBuilder::correlateConnections(events, 600);
    const auto children = TimelineBuilder::buildProcessTree(events);
    if (tree) {
        *tree = children;
    }
    return events;
}

const mtr::domain::TimelineEvent* bySource(const QList<mtr::domain::TimelineEvent>& events,
                                           const QString& sourceId)
{
    for (const auto& event : events) {
        if (event.sourceId == sourceId) {
            return &event;
        }
    }
    return nullptr;
}

/// The web server's `ps -ef` output collected by Live Response, filed under `sourceId`.
QList<mtr::domain::TimelineEvent> linuxPsEvents(const QString& sourceId)
{
    TimelineBuilder builder;
    const QDateTime collected(QDate(2026, 11, 30), QTime(8, 45, 0), QTimeZone::utc());
    builder.addCommandOutput(
        LiveResponseReader::read(evidenceText(QStringLiteral("composed/ps-ef-tree.out"))),
        collected,
        QStringLiteral("web01"),
        sourceId);
    return builder.events();
}

} // namespace

/// The case timeline: one clock, links back to the source, process trees and correlation.
class TestTimelineBuilder : public QObject
{
    Q_OBJECT

private slots:
    void everyEventOnUtcWithItsSource();
    void correlatesConnections_data();
    void correlatesConnections();
    void rebuildsProcessTrees();
    void linuxProcessTree();
    void sourceIdsKeepPercentSigns();
    void filters_data();
    void filters();
};

void TestTimelineBuilder::everyEventOnUtcWithItsSource()
{
    const auto events = composedCase();
    QCOMPARE(events.size(), 1 + 3 + 5 + 5);
    QDateTime previous;
    for (const auto& event : events) {
        QVERIFY(event.timeUtc.isValid());
        QCOMPARE(event.timeUtc.timeSpec(), Qt::UTC);
        QVERIFY(!event.sourceId.isEmpty());
        QVERIFY(!event.originalTime.isEmpty());
        QVERIFY(!previous.isValid() || previous <= event.timeUtc);
        previous = event.timeUtc;
    }
    const auto* line1 = bySource(events, QStringLiteral("file:case-firewall.log:1"));
    QVERIFY(line1);
    QCOMPARE(line1->originalTime, QStringLiteral("2026-11-30 09:41:20 CET"));
    QCOMPARE(line1->timeUtc, QDateTime(QDate(2026, 11, 30), QTime(8, 41, 20), QTimeZone::utc()));
    const auto* siem =
        bySource(events, QStringLiteral("siem-event:c0a8e3b2-5d1e-4f5a-9a61-2f3c4b5a6d70"));
    QVERIFY(siem);
    QCOMPARE(siem->originalTime, QStringLiteral("2026-11-30T08:41:15.000Z"));
    QCOMPARE(siem->host, s_host);
}

void TestTimelineBuilder::correlatesConnections_data()
{
    QTest::addColumn<QString>("sourceId");
    QTest::addColumn<QStringList>("correlatedSources");

    QTest::addRow("netstat-row-to-firewall-and-siem")
        << "lr:netstat#row3"
        << QStringList{QStringLiteral("file:case-firewall.log:1"),
                       QStringLiteral("siem-event:c0a8e3b2-5d1e-4f5a-9a61-2f3c4b5a6d70")};
    QTest::addRow("firewall-line-back")
        << "file:case-firewall.log:1"
        << QStringList{QStringLiteral("lr:netstat#row3"),
                       QStringLiteral("siem-event:c0a8e3b2-5d1e-4f5a-9a61-2f3c4b5a6d70")};
    QTest::addRow("other-destination-not-linked") << "file:case-firewall.log:2" << QStringList();
    QTest::addRow("outside-time-window-not-linked") << "file:case-firewall.log:3" << QStringList();
    QTest::addRow("other-netstat-row-not-linked") << "lr:netstat#row2" << QStringList();
}

void TestTimelineBuilder::correlatesConnections()
{
    QFETCH(QString, sourceId);
    QFETCH(QStringList, correlatedSources);

    const auto events = composedCase();
    const auto* event = bySource(events, sourceId);
    QVERIFY2(event, qPrintable(sourceId));
    QStringList got;
    for (const QString& id : event->correlatedIds) {
        for (const auto& other : events) {
            if (other.id == id) {
                got.append(other.sourceId);
            }
        }
    }
    got.sort();
    correlatedSources.sort();
    QCOMPARE(got, correlatedSources);
}

void TestTimelineBuilder::rebuildsProcessTrees()
{
    QHash<QString, QStringList> tree;
    const auto events = composedCase(&tree);
    const auto* explorer = bySource(events, QStringLiteral("lr:tasklist#row3"));
    QVERIFY(explorer);
    QCOMPARE(explorer->processName, QStringLiteral("explorer.exe"));
    const auto* siem =
        bySource(events, QStringLiteral("siem-event:c0a8e3b2-5d1e-4f5a-9a61-2f3c4b5a6d70"));
    QCOMPARE(siem->pid, 6132);
    QCOMPARE(siem->parentPid, 4420);
    QCOMPARE(siem->attributes.value(QLatin1String("parent_event_id")).toString(), explorer->id);
    QVERIFY(tree.value(explorer->id).contains(siem->id));
}

void TestTimelineBuilder::sourceIdsKeepPercentSigns()
{
    // Source ids come from file names an attacker may choose: "%1" in one must stay literal.
    const auto events = linuxPsEvents(QStringLiteral("lr:ps-%1-%2.out"));
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().sourceId, QStringLiteral("lr:ps-%1-%2.out#row1"));
    for (const auto& event : events)
        QVERIFY2(event.sourceId.startsWith(QLatin1String("lr:ps-%1-%2.out#row")),
                 qPrintable(event.sourceId));
}

void TestTimelineBuilder::linuxProcessTree()
{
    auto events = linuxPsEvents(QStringLiteral("lr:ps"));
    const auto tree = TimelineBuilder::buildProcessTree(events);

    // curl (2399) <- bash (2310) <- sshd session (2301) <- sshd (812) <- init (1)
    QStringList chain;
    QString id = bySource(events, QStringLiteral("lr:ps#row5"))->id;
    while (!id.isEmpty()) {
        for (const auto& event : events) {
            if (event.id == id) {
                chain.append(QString::number(event.pid));
                id = event.attributes.value(QLatin1String("parent_event_id")).toString();
                break;
            }
        }
    }
    QCOMPARE(chain, QString::fromLatin1("2399 2310 2301 812 1").split(QLatin1Char(' ')));
    QCOMPARE(tree.size(), 4);
}

void TestTimelineBuilder::filters_data()
{
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("count");

    QTest::addRow("everything") << QStringList() << QString() << QString() << 14;
    QTest::addRow("firewall-only")
        << QStringList{QStringLiteral("firewall")} << QString() << QString() << 3;
    QTest::addRow("firewall-and-siem")
        << QStringList{QStringLiteral("firewall"), QStringLiteral("siem")} << QString() << QString()
        << 4;
    QTest::addRow("time-window") << QStringList() << "2026-11-30T08:41:00Z"
                                 << "2026-11-30T08:42:00Z" << 3;
    QTest::addRow("from-only") << QStringList() << "2026-11-30T08:44:00Z" << QString() << 10;
    QTest::addRow("source-and-window")
        << QStringList{QStringLiteral("live-response")} << "2026-11-30T08:41:00Z"
        << "2026-11-30T08:45:00Z" << 0;
}

void TestTimelineBuilder::filters()
{
    QFETCH(QStringList, sources);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, count);

    const auto events = composedCase();
    const auto kept = TimelineBuilder::filter(events,
                                              QSet<QString>(sources.cbegin(), sources.cend()),
                                              QDateTime::fromString(from, Qt::ISODate),
                                              QDateTime::fromString(to, Qt::ISODate));
    QCOMPARE(kept.size(), count);
}

QTEST_GUILESS_MAIN(TestTimelineBuilder)
#include "TestTimelineBuilder.moc"
