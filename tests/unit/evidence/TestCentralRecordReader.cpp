// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "EvidenceTestData.h"
#include "evidence/CentralRecordReader.h"

#include <QTest>

using mtr::evidence::CentralRecordReader;
using mtr::evidence::test::evidenceBytes;

/// Central alerts and SIEM items read tolerantly from the real-format fixtures.
class TestCentralRecordReader : public QObject
{
    Q_OBJECT

private slots:
    void alertFiles_data();
    void alertFiles();
    void eventFiles_data();
    void eventFiles();
    void tolerantFields_data();
    void tolerantFields();
};

void TestCentralRecordReader::alertFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstRaisedAt");
    QTest::addColumn<QString>("firstEndpoint");

    QTest::addRow("common-api-page")
        << "central/common-alerts-page1.json" << 4 << "2026-11-30T08:41:17.553Z"
        << "6b0d549b-6f03-475a-9600-a35a099950d8";
    QTest::addRow("siem-alerts-page")
        << "central/siem-alerts-page1.json" << 2 << "2026-11-30T08:41:16.120Z" << QString();
    QTest::addRow("elastic-siem-alert-ndjson")
        << "central/siem-alert-items-elastic-pua-cleanup-failed.ndjson" << 3
        << "2022-11-24T07:07:52.094Z"
        << "0320820b-84b4-41ea-95fd-5893fb17e420";
    QTest::addRow("elastic-siem-alert-jsonl")
        << "process/elastic-sophos-central-alert-test-pipeline-activity.jsonl" << 1 << QString()
        << QString();
}

void TestCentralRecordReader::alertFiles()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, firstRaisedAt);
    QFETCH(QString, firstEndpoint);

    const auto result = CentralRecordReader::readAlerts(evidenceBytes(file));
    QCOMPARE(result.alerts.size(), count);
    QCOMPARE(result.offsets.size(), count);
    for (const auto& d : result.diagnostics) {
        QVERIFY2(d.level != mtr::evidence::ReadDiagnostic::Level::Error, qPrintable(d.message));
    }
    const auto& first = result.alerts.first();
    QVERIFY(!first.id.isEmpty());
    QVERIFY(first.raisedAt.isValid());
    QCOMPARE(first.raisedAt.timeSpec(), Qt::UTC);
    if (!firstRaisedAt.isEmpty()) {
        QCOMPARE(first.raisedAt.toString(Qt::ISODateWithMs), firstRaisedAt);
    }
    if (!firstEndpoint.isEmpty()) {
        QCOMPARE(first.endpointId, firstEndpoint);
    }
    QVERIFY(first.severity != mtr::domain::Severity::Unknown);
}

void TestCentralRecordReader::eventFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstLocation");

    QTest::addRow("siem-events-page1")
        << "central/siem-events-page1.json" << 3 << "CONTOSO-WKS-0042";
    QTest::addRow("siem-events-page2") << "central/siem-events-page2.json" << 3 << QString();
    QTest::addRow("siem-events-empty") << "central/siem-events-empty.json" << 0 << QString();
    QTest::addRow("elastic-siem-event-ndjson")
        << "central/siem-event-items-elastic-user-auto-created.ndjson" << 3 << QString();
    QTest::addRow("elastic-siem-event-jsonl")
        << "process/elastic-sophos-central-event-test-pipeline-activity.jsonl" << 1 << QString();
}

void TestCentralRecordReader::eventFiles()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, firstLocation);

    const auto result = CentralRecordReader::readSiemEvents(evidenceBytes(file));
    QCOMPARE(result.events.size(), count);
    QVERIFY(result.diagnostics.isEmpty());
    for (const auto& event : result.events) {
        QVERIFY(!event.id.isEmpty());
        QVERIFY(event.when.isValid() || event.createdAt.isValid());
        QVERIFY(!event.tenantId.isEmpty());
    }
    if (!firstLocation.isEmpty()) {
        QCOMPARE(result.events.first().location, firstLocation);
    }
}

void TestCentralRecordReader::tolerantFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("raisedAt");
    QTest::addColumn<QString>("endpointId");
    QTest::addColumn<int>("warnings");

    QTest::addRow("raisedAt-without-z") << QByteArray(
        R"({"id":"1","type":"t","severity":"LOW","raisedAt":"2026-11-30T08:41:17.553"})")
                                        << "2026-11-30T08:41:17.553Z" << QString() << 0;
    QTest::addRow("managedAgent-empty-object") << QByteArray(
        R"({"id":"2","type":"t","raisedAt":"2026-11-30T08:00:00Z","managedAgent":{}})")
                                               << "2026-11-30T08:00:00.000Z" << QString() << 0;
    QTest::addRow("siem-data-epoch-ms-only") << QByteArray(
        R"({"id":"3","type":"t","customer_id":"c","data":{"created_at":1669273672085,"endpoint_id":"e"}})")
                                             << "2022-11-24T07:07:52.085Z"
                                             << "e" << 0;
    QTest::addRow("siem-data-threat-id-as-object") << QByteArray(
        R"({"id":"4","type":"t","customer_id":"c","created_at":"2022-11-24T07:07:52.085Z",)"
        R"("data":{"threat_id":{"timestamp":1,"machineIdentifier":2},"endpoint_id":"e"}})")
                                                   << "2022-11-24T07:07:52.085Z"
                                                   << "e" << 0;
    QTest::addRow("malformed-time-is-a-warning-not-a-guess")
        << QByteArray(R"({"id":"5","type":"t","raisedAt":"30/11/2026 08:41"})") << QString()
        << QString() << 1;
}

void TestCentralRecordReader::tolerantFields()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, raisedAt);
    QFETCH(QString, endpointId);
    QFETCH(int, warnings);

    const auto result = CentralRecordReader::readAlerts(json);
    QCOMPARE(result.alerts.size(), 1);
    QCOMPARE(result.diagnostics.size(), warnings);
    const auto& alert = result.alerts.first();
    QCOMPARE(alert.raisedAt.isValid(), !raisedAt.isEmpty());
    if (!raisedAt.isEmpty()) {
        QCOMPARE(alert.raisedAt.toString(Qt::ISODateWithMs), raisedAt);
    }
    QCOMPARE(alert.endpointId, endpointId);
    QCOMPARE(CentralRecordReader::looseString(alert.raw.value(QLatin1String("id"))), alert.id);
}

QTEST_GUILESS_MAIN(TestCentralRecordReader)
#include "TestCentralRecordReader.moc"
