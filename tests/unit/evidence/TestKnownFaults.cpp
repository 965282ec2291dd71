// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "EvidenceTestData.h"
#include "evidence/ColumnTable.h"
#include "evidence/CsvTimelineReader.h"
#include "evidence/IndicatorExtractor.h"
#include "evidence/JsonRecordFramer.h"
#include "evidence/LiveResponseReader.h"

#include <QJsonValue>
#include <QTest>

using namespace mtr::evidence;

namespace {

QStringList valuesOf(const QString& text, mtr::domain::Indicator::Type type)
{
    QStringList values;
    for (const auto& indicator : IndicatorExtractor::extract(text)) {
        if (indicator.type == type) {
            values.append(indicator.value);
        }
    }
    return values;
}

QStringList split(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char('|'));
}

} // namespace

/// ../shared/cases/known-faults.md K1..K7: each example, plus more of the same kind.
class TestKnownFaults : public QObject
{
    Q_OBJECT

private slots:
    void k1NetstatProgramWithSpaceAndEmptyState();
    void k1WholeKind_data();
    void k1WholeKind();
    void k2HxxpsKeepsScheme_data();
    void k2HxxpsKeepsScheme();
    void k3DefangedColon_data();
    void k3DefangedColon();
    void k4BareIpIsNotUrl_data();
    void k4BareIpIsNotUrl();
    void k5IpBoundaries_data();
    void k5IpBoundaries();
    void k6JsonFraming_data();
    void k6JsonFraming();
    void k7TimeNeverTruncated();
};

void TestKnownFaults::k1NetstatProgramWithSpaceAndEmptyState()
{
    const QString text = QStringLiteral(
        "Active Internet connections (only servers)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       "
        "PID/Program name\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd: "
        "/usr/sbin\n"
        "udp        0      0 0.0.0.0:5353            0.0.0.0:*                           "
        "604/avahi-daemon: r\n"
        "udp6       0      0 :::546                  :::*                                -\n");
    const auto out = LiveResponseReader::read(text);
    QVERIFY(out.recognised);
    QVERIFY(out.diagnostics.isEmpty());
    QCOMPARE(out.rows.size(), 3);

    const auto& r1 = out.rows.at(0);
    QCOMPARE(r1.value(QLatin1String("proto")).toString(), QStringLiteral("tcp"));
    QCOMPARE(r1.value(QLatin1String("local_address")).toString(), QStringLiteral("0.0.0.0"));
    QCOMPARE(r1.value(QLatin1String("local_port")).toString(), QStringLiteral("22"));
    QCOMPARE(r1.value(QLatin1String("foreign_port")).toString(), QStringLiteral("*"));
    QCOMPARE(r1.value(QLatin1String("state")).toString(), QStringLiteral("LISTEN"));
    QCOMPARE(r1.value(QLatin1String("pid")).toInteger(), 812);
    QCOMPARE(r1.value(QLatin1String("program_name")).toString(), QStringLiteral("sshd: /usr/sbin"));

    const auto& r2 = out.rows.at(1);
    QCOMPARE(r2.value(QLatin1String("state")).toString(), QString());
    QCOMPARE(r2.value(QLatin1String("pid")).toInteger(), 604);
    QCOMPARE(r2.value(QLatin1String("program_name")).toString(), QStringLiteral("avahi-daemon: r"));

    const auto& r3 = out.rows.at(2);
    QCOMPARE(r3.value(QLatin1String("local_address")).toString(), QStringLiteral("::"));
    QCOMPARE(r3.value(QLatin1String("local_port")).toString(), QStringLiteral("546"));
    QCOMPARE(r3.value(QLatin1String("state")).toString(), QString());
    QVERIFY(r3.value(QLatin1String("pid")).isNull());
    QVERIFY(r3.value(QLatin1String("program_name")).isNull());
}

void TestKnownFaults::k1WholeKind_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QStringList>("cells");

    const QString lsof = QStringLiteral("COMMAND     PID   TID             USER   FD      TYPE     "
                                        "        DEVICE SIZE/OFF       NODE NAME");
    QTest::addRow("lsof-empty-tid-right-aligned-user")
        << lsof
        << "systemd       1                   root  txt       REG                8,2  1595792     "
           "668802 /lib/systemd/systemd"
        << split("systemd|1||root|txt|REG|8,2|1595792|668802|/lib/systemd/systemd");
    QTest::addRow("lsof-name-with-spaces")
        << lsof
        << "bash       2310              www-data  cwd       DIR                8,1     4096    "
           "1048577 /home/a b/c d"
        << split("bash|2310||www-data|cwd|DIR|8,1|4096|1048577|/home/a b/c d");
    const QString netstat =
        QStringLiteral("Proto Recv-Q Send-Q Local Address           Foreign Address         State  "
                       "     User       Inode      PID/Program name");
    QTest::addRow("netstat-user-overflows-into-inode")
        << netstat
        << "udp        0      0 127.0.0.53:53           0.0.0.0:*                           "
           "systemd-resolve 26984      893/systemd-resolve"
        << split("udp|0|0|127.0.0.53:53|0.0.0.0:*||systemd-resolve|26984|893/systemd-resolve");
    QTest::addRow("wide-right-aligned-number")
        << QStringLiteral("USER       PID COMMAND") << "root   1234567 /usr/bin/x --flag"
        << split("root|1234567|/usr/bin/x --flag");
}

void TestKnownFaults::k1WholeKind()
{
    QFETCH(QString, header);
    QFETCH(QString, row);
    QFETCH(QStringList, cells);

    static const QRegularExpression space(QStringLiteral("\\s{1,}"));
    QStringList labels = header.trimmed().split(space);
    if (header.contains(QLatin1String("Local Address"))) {
        labels = split(
            "Proto|Recv-Q|Send-Q|Local Address|Foreign Address|State|User|Inode|PID/Program name");
    }
    ColumnTable table;
    QVERIFY(table.setHeader(header, labels));
    QStringList got = table.split(row);
    for (QString& cell : got) {
        cell = cell.trimmed();
    }
    QCOMPARE(got, cells);
}

void TestKnownFaults::k2HxxpsKeepsScheme_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("urls");

    QTest::addRow("known-faults-example")
        << "Stage 2 pulled from hxxps://files.example[.]net/u/payload.bin and "
           "HXXPS://cdn.example[.]org/a.js; "
           "fallback hxxp://203.0.113[.]7/b"
        << split("https://files.example.net/u/payload.bin|https://cdn.example.org/a.js|http://"
                 "203.0.113.7/b");
    QTest::addRow("mixed-case-hXXps")
        << "get hXXps://Files.Example[.]NET/P.bin" << split("https://files.example.net/P.bin");
    QTest::addRow("fxp-for-ftp") << "drop via fxp://203.0.113[.]7/in and FXP://ftp.example[.]com/"
                                 << split("ftp://203.0.113.7/in|ftp://ftp.example.com/");
    QTest::addRow("hxxp-with-defanged-colon")
        << "hxxps[:]//a.example[.]com/x" << split("https://a.example.com/x");
}

void TestKnownFaults::k2HxxpsKeepsScheme()
{
    QFETCH(QString, text);
    QFETCH(QStringList, urls);

    QCOMPARE(valuesOf(text, mtr::domain::Indicator::Type::Url), urls);
    for (const auto& indicator : IndicatorExtractor::extract(text)) {
        QCOMPARE(text.mid(indicator.offset, indicator.length), indicator.original);
    }
    const auto first = IndicatorExtractor::extract(text).first();
    QVERIFY(first.original.contains(QLatin1String("xx"), Qt::CaseInsensitive)
            || first.original.contains(QLatin1String("fxp"), Qt::CaseInsensitive));
}

void TestKnownFaults::k3DefangedColon_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QStringList>("domains");
    QTest::addColumn<QStringList>("ips");

    QTest::addRow("known-faults-example")
        << "C2: http[:]//update.example[.]com/gate.php  backup https[:]//198.51.100[.]44:8443/  "
           "clean http://docs.example.org/"
        << split("http://update.example.com/gate.php|https://198.51.100.44:8443/|http://"
                 "docs.example.org/")
        << split("update.example.com|docs.example.org") << split("198.51.100.44");
    QTest::addRow("bracketed-scheme-separator")
        << "x http[://]a.example[.]com/ y" << split("http://a.example.com/")
        << split("a.example.com") << QStringList();
    QTest::addRow("parenthesised-dots")
        << "hxxp://b.example(.)org/p" << split("http://b.example.org/p") << split("b.example.org")
        << QStringList();
    QTest::addRow("slash-defang") << "http://example.com[/]test" << split("http://example.com/test")
                                  << split("example.com") << QStringList();
}

void TestKnownFaults::k3DefangedColon()
{
    QFETCH(QString, text);
    QFETCH(QStringList, urls);
    QFETCH(QStringList, domains);
    QFETCH(QStringList, ips);

    QCOMPARE(valuesOf(text, mtr::domain::Indicator::Type::Url), urls);
    QCOMPARE(valuesOf(text, mtr::domain::Indicator::Type::Domain), domains);
    QCOMPARE(valuesOf(text, mtr::domain::Indicator::Type::IPv4), ips);
}

void TestKnownFaults::k4BareIpIsNotUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ips");
    QTest::addColumn<QList<int>>("ports");

    QTest::addRow("known-faults-example")
        << "beacon dst 198.51.100[.]23:8443 every 60s; second host 203.0.113[.]9"
        << split("198.51.100.23|203.0.113.9") << QList<int>{8443, -1};
    QTest::addRow("ipv6-with-port") << "to [2001:db8::7]:443 only" << QStringList() << QList<int>();
    QTest::addRow("domain-with-port")
        << "host files.example[.]com:8080 seen" << QStringList() << QList<int>();
}

void TestKnownFaults::k4BareIpIsNotUrl()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ips);
    QFETCH(QList<int>, ports);

    QVERIFY(valuesOf(text, mtr::domain::Indicator::Type::Url).isEmpty());
    QList<int> gotPorts;
    for (const auto& indicator : IndicatorExtractor::extract(text)) {
        if (indicator.type == mtr::domain::Indicator::Type::IPv4) {
            gotPorts.append(indicator.port);
        }
    }
    QCOMPARE(valuesOf(text, mtr::domain::Indicator::Type::IPv4), ips);
    QCOMPARE(gotPorts, ports);
}

void TestKnownFaults::k5IpBoundaries_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ips");

    QTest::addRow("known-faults-example")
        << "SophosFS.exe  FileVersion v2.1.1.108  build 10.0.19041.1 section 4.3.2.1a\n"
           "conn=203.0.113.50:443 peer(198.51.100.7) \"192.0.2.14\""
        << split("203.0.113.50|198.51.100.7|192.0.2.14");
    QTest::addRow("oid-and-five-part-version")
        << "oid 1.3.6.1.4.1.311 ver 1.2.3.4.5" << QStringList();
    QTest::addRow("separators") << "a=192.0.2.1,b:192.0.2.2;[192.0.2.3]/192.0.2.4|'192.0.2.5'"
                                << split("192.0.2.1|192.0.2.2|192.0.2.3|192.0.2.4|192.0.2.5");
    QTest::addRow("sentence-end") << "Seen from 192.0.2.77." << split("192.0.2.77");
    QTest::addRow("underscore-glued") << "host_192.0.2.8 x" << QStringList();
}

void TestKnownFaults::k5IpBoundaries()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ips);
    QCOMPARE(valuesOf(text, mtr::domain::Indicator::Type::IPv4), ips);
}

void TestKnownFaults::k6JsonFraming_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("location");

    QTest::addRow("A-concatenated") << QByteArray(
        R"({"id":"e-001","type":"Event::Endpoint::Threat::Detected","when":"2024-01-05T10:00:00.000Z",)"
        R"("location":"WS-0231","source_info":{"ip":"10.20.1.5"}}{"id":"e-002",)"
        R"("type":"Event::Endpoint::WebControlViolation","when":"2024-01-05T10:00:05.000Z","location":"WS-0231"})")
                                    << split("e-001|e-002") << "WS-0231";
    QTest::addRow("B-pretty-printed")
        << QByteArray("{\n  \"id\": \"e-003\",\n  \"type\": \"Event::Endpoint::CoreDetection\",\n"
                      "  \"when\": \"2024-01-05T10:01:00.000Z\"\n}\n\n")
        << split("e-003") << QString();
}

void TestKnownFaults::k6JsonFraming()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, ids);
    QFETCH(QString, location);

    const auto result = JsonRecordFramer::frame(input);
    QVERIFY(result.diagnostics.isEmpty());
    QStringList got;
    for (const auto& record : result.records) {
        got.append(record.object.value(QLatin1String("id")).toString());
        QVERIFY(record.object.contains(QLatin1String("when")));
    }
    QCOMPARE(got, ids);
    QCOMPARE(result.records.first().object.value(QLatin1String("location")).toString(), location);
}

void TestKnownFaults::k7TimeNeverTruncated()
{
    const auto result = CsvTimelineReader::read(
        mtr::evidence::test::evidenceText(QStringLiteral("composed/timeline-k7.csv")));
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(CsvTimelineReader::isoMicros(result.rows.at(0).epochMicros),
             QStringLiteral("2024-02-11T05:07:28.119860Z"));
    QCOMPARE(result.rows.at(0).timeUtc.time(), QTime(5, 7, 28, 119));
    QCOMPARE(result.rows.at(0).originalTime, QStringLiteral("2024-02-11T05-07-28+00:00"));
    QCOMPARE(CsvTimelineReader::isoMicros(result.rows.at(1).epochMicros),
             QStringLiteral("2024-02-11T05:09:10Z"));

    QCOMPARE(result.diagnostics.size(), 1);
    const auto& warning = result.diagnostics.first();
    QCOMPARE(warning.line, qint64(2));
    QVERIFY(warning.message.contains(QLatin1String("datetime column malformed")));
    QVERIFY(warning.message.contains(QLatin1String("2024-02-11T05-07-28+00:00")));
}

QTEST_GUILESS_MAIN(TestKnownFaults)
#include "TestKnownFaults.moc"
