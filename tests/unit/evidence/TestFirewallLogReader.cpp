// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "EvidenceTestData.h"
#include "evidence/FirewallLogReader.h"

#include <QTest>

using mtr::evidence::FirewallLogReader;
using mtr::evidence::ReadDiagnostic;
using mtr::evidence::test::evidenceText;

/// Sophos Firewall (SFOS 18.5) key=value lines from the elastic/integrations samples.
class TestFirewallLogReader : public QObject
{
    Q_OBJECT

private slots:
    void files_data();
    void files();
    void fields_data();
    void fields();
    void quirks_data();
    void quirks();
};

void TestFirewallLogReader::files_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("warnings");

    QTest::addRow("firewall-rule-and-dos") << "sfos18.5-firewall-rule-and-dos.log" << 9 << 1;
    QTest::addRow("atp-c2") << "sfos18.5-atp-c2.log" << 2 << 0;
    QTest::addRow("idp-ips") << "sfos18.5-idp-ips.log" << 4 << 0;
    QTest::addRow("sandstorm") << "sfos18.5-sandstorm-sandbox.log" << 4 << 0;
    QTest::addRow("authentication") << "sfos18.5-event-authentication.log" << 3 << 0;
    QTest::addRow("antivirus-web") << "sfos18.5-antivirus-web.log" << 2 << 0;
}

void TestFirewallLogReader::files()
{
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(int, warnings);

    const auto result = FirewallLogReader::read(evidenceText(QStringLiteral("firewall/") + file));
    QCOMPARE(result.records.size(), records);
    QCOMPARE(result.diagnostics.size(), warnings);
    for (const auto& record : result.records) {
        QVERIFY(record.timeUtc.isValid());
        QCOMPARE(record.timeUtc.timeSpec(), Qt::UTC);
        QVERIFY(!record.originalTime.isEmpty());
        QCOMPARE(record.value(QStringLiteral("device")), QStringLiteral("SFW"));
        QVERIFY(record.has(QStringLiteral("log_id")));
    }
}

void TestFirewallLogReader::fields_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    const QString rules = QStringLiteral("sfos18.5-firewall-rule-and-dos.log");
    QTest::addRow("space-inside-unquoted-device-id") << rules << 0 << "device_id"
                                                     << "C44313350024- P29PUA";
    QTest::addRow("quoted-value-with-space") << rules << 0 << "user_gp"
                                             << "Open Group";
    QTest::addRow("empty-unquoted-value") << rules << 0 << "tran_dst_ip" << QString();
    QTest::addRow("empty-quoted-value") << rules << 0 << "dir_disp" << QString();
    QTest::addRow("value-after-empty-value") << rules << 0 << "tran_dst_port"
                                             << "0";
    QTest::addRow("unterminated-quote-value") << rules << 1 << "appresolvedby"
                                              << "Signature";
    QTest::addRow("leading-space-trimmed") << "sfos18.5-atp-c2.log" << 0 << "protocol"
                                           << "ICMP";
    QTest::addRow("atp-destination") << "sfos18.5-atp-c2.log" << 0 << "destinationip"
                                     << "203.0.113.193";
    QTest::addRow("ipv6-mac-filter") << rules << 6 << "log_component"
                                     << "MAC Filter";
}

void TestFirewallLogReader::fields()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(QString, key);
    QFETCH(QString, value);

    const auto result = FirewallLogReader::read(evidenceText(QStringLiteral("firewall/") + file));
    QVERIFY(index < result.records.size());
    const auto& record = result.records.at(index);
    QVERIFY2(record.has(key), qPrintable(key));
    QCOMPARE(record.value(key), value);
}

void TestFirewallLogReader::quirks_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("warnings");

    QTest::addRow("ist-to-utc") << "date=2017-01-31 time=14:16:19 timezone=\"IST\" src_ip=10.0.0.1"
                                << "2017-01-31T08:46:19Z"
                                << "src_ip"
                                << "10.0.0.1" << 0;
    QTest::addRow("bst-to-utc") << "date=2018-06-01 time=10:55:41 timezone=\"BST\" x=1"
                                << "2018-06-01T09:55:41Z"
                                << "x"
                                << "1" << 0;
    QTest::addRow("cest-to-utc") << "date=2020-06-05 time=03:45:23 timezone=\"CEST\" x=1"
                                 << "2020-06-05T01:45:23Z"
                                 << "x"
                                 << "1" << 0;
    QTest::addRow("iana-zone") << "date=2020-01-05 time=03:45:23 timezone=\"Europe/Berlin\" x=1"
                               << "2020-01-05T02:45:23Z"
                               << "x"
                               << "1" << 0;
    QTest::addRow("unknown-zone-is-reported")
        << "date=2020-06-05 time=03:45:23 timezone=\"XYZT\" x=1" << QString() << "x"
        << "1" << 1;
    QTest::addRow("double-spaces")
        << "date=2020-06-05  time=03:45:23   timezone=\"UTC\"  msg=\"a  b\""
        << "2020-06-05T03:45:23Z"
        << "msg"
        << "a  b" << 0;
    QTest::addRow("quote-inside-quoted")
        << "date=2020-06-05 time=03:45:23 timezone=\"UTC\" message=\"User \"jdoe\" failed\" x=2"
        << "2020-06-05T03:45:23Z"
        << "message"
        << "User \"jdoe\" failed" << 0;
    QTest::addRow("stray-text") << "date=2020-06-05 time=03:45:23 timezone=\"UTC\" <13>garbage x=3"
                                << "2020-06-05T03:45:23Z"
                                << "x"
                                << "3" << 1;
    QTest::addRow("malformed-time")
        << "date=2020-06-05 time=03-45-23 timezone=\"UTC\" x=4" << QString() << "x"
        << "4" << 1;
}

void TestFirewallLogReader::quirks()
{
    QFETCH(QString, line);
    QFETCH(QString, utc);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(int, warnings);

    mtr::evidence::ReadDiagnostics diagnostics;
    const auto record = FirewallLogReader::parseLine(line, 7, diagnostics);
    QCOMPARE(record.value(key), value);
    QCOMPARE(diagnostics.size(), warnings);
    for (const auto& d : diagnostics) {
        QCOMPARE(d.line, qint64(7));
    }
    QCOMPARE(record.timeUtc.isValid(), !utc.isEmpty());
    if (!utc.isEmpty()) {
        QCOMPARE(record.timeUtc.toString(Qt::ISODate), utc);
        QVERIFY(record.originalTime.startsWith(record.value(QStringLiteral("date"))));
    }
}

QTEST_GUILESS_MAIN(TestFirewallLogReader)
#include "TestFirewallLogReader.moc"
