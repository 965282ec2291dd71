// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/Parsers.h"

#include <QTest>

using namespace mtr;
using namespace mtr::central;

/// Tolerant-but-clear parsing of Central's JSON shapes.
class TestParsers : public QObject
{
    Q_OBJECT

private slots:
    void time_data();
    void time();
    void alert_data();
    void alert();
    void siemAlertDataDrift_data();
    void siemAlertDataDrift();
    void page_data();
    void page();
    void whoami_data();
    void whoami();
    void tenantHostNormalised();
    void detectionSeverity_data();
    void detectionSeverity();
};

void TestParsers::time_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QString>("expectedUtc"); // empty = invalid

    QTest::addRow("iso-with-z") << QJsonValue(QStringLiteral("2026-11-30T08:41:17.553Z"))
                                << QStringLiteral("2026-11-30T08:41:17.553Z");
    QTest::addRow("no-z-means-utc") << QJsonValue(QStringLiteral("2021-02-12T15:04:53.780"))
                                    << QStringLiteral("2021-02-12T15:04:53.780Z");
    QTest::addRow("offset") << QJsonValue(QStringLiteral("2026-11-30T10:41:17.553+02:00"))
                            << QStringLiteral("2026-11-30T08:41:17.553Z");
    QTest::addRow("no-millis") << QJsonValue(QStringLiteral("2026-11-30T08:41:17Z"))
                               << QStringLiteral("2026-11-30T08:41:17.000Z");
    QTest::addRow("epoch-ms") << QJsonValue(double(1764492077553LL))
                              << QStringLiteral("2025-11-30T08:41:17.553Z");
    QTest::addRow("epoch-s") << QJsonValue(double(1764492077LL))
                             << QStringLiteral("2025-11-30T08:41:17.000Z");
    QTest::addRow("garbage") << QJsonValue(QStringLiteral("yesterday")) << QString();
    QTest::addRow("null") << QJsonValue() << QString();
    QTest::addRow("object") << QJsonValue(QJsonObject{}) << QString();
}

void TestParsers::time()
{
    QFETCH(QJsonValue, input);
    QFETCH(QString, expectedUtc);
    const QDateTime t = Parsers::time(input);
    if (expectedUtc.isEmpty()) {
        QVERIFY(!t.isValid());
        return;
    }
    QVERIFY(t.isValid());
    QCOMPARE(t.toUTC().toString(Qt::ISODateWithMs), expectedUtc);
}

void TestParsers::alert_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("endpointId");
    QTest::addColumn<int>("severity");

    const QByteArray base = R"("id":"a1","severity":"high","raisedAt":"2026-11-30T08:41:17.553Z",)"
                            R"("tenant":{"id":"t1","name":"Contoso"})";
    QTest::addRow("full") << ("{" + base + R"(,"managedAgent":{"id":"e1","type":"computer"}})")
                          << true << QStringLiteral("e1") << int(domain::Severity::High);
    QTest::addRow("managed-agent-empty") << ("{" + base + R"(,"managedAgent":{}})") << true
                                         << QString() << int(domain::Severity::High);
    QTest::addRow("managed-agent-absent")
        << ("{" + base + "}") << true << QString() << int(domain::Severity::High);
    QTest::addRow("managed-agent-wrong-type") << ("{" + base + R"(,"managedAgent":"x"})") << true
                                              << QString() << int(domain::Severity::High);
    QTest::addRow("upper-case-severity") << QByteArray(R"({"id":"a2","severity":"LOW"})") << true
                                         << QString() << int(domain::Severity::Low);
    QTest::addRow("numeric-id-tolerated")
        << QByteArray(R"({"id":42})") << true << QString() << int(domain::Severity::Unknown);
    QTest::addRow("missing-id") << QByteArray(R"({"severity":"high"})") << false << QString() << 0;
    QTest::addRow("id-wrong-type") << QByteArray(R"({"id":["a"]})") << false << QString() << 0;
}

void TestParsers::alert()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QString, endpointId);
    QFETCH(int, severity);
    const Result<domain::Alert> a = Parsers::alert(QJsonDocument::fromJson(json).object());
    QCOMPARE(a.ok(), ok);
    if (ok) {
        QCOMPARE(a->endpointId, endpointId);
        QCOMPARE(int(a->severity), severity);
        QVERIFY(!a->raw.isEmpty());
    } else {
        QCOMPARE(a.error().code, Error::Code::InvalidInput);
        QVERIFY(a.error().message.contains(QLatin1String("id")));
    }
}

void TestParsers::siemAlertDataDrift_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("endpointId");

    QTest::addRow("2019-strings") << QByteArray(
        R"({"id":"s1","customer_id":"t1","data":{"endpoint_id":"e9",)"
        R"("threat_id":"5f2a9c","user_match_id":"77aa"}})")
                                  << QStringLiteral("e9");
    QTest::addRow("2022-objects") << QByteArray(
        R"({"id":"s2","customer_id":"t1","data":{"endpoint_id":"e9",)"
        R"("threat_id":{"timestamp":1,"machineIdentifier":2},)"
        R"("event_service_id":{"type":3,"data":"AAE="}}})")
                                  << QStringLiteral("e9");
    QTest::addRow("data-is-a-string") << QByteArray(R"({"id":"s3","data":"opaque"})") << QString();
    QTest::addRow("data-absent") << QByteArray(R"({"id":"s4"})") << QString();
}

void TestParsers::siemAlertDataDrift()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, endpointId);
    const Result<domain::Alert> a = Parsers::siemAlert(QJsonDocument::fromJson(json).object());
    QVERIFY(a.ok());
    QCOMPARE(a->endpointId, endpointId);
    QVERIFY(a->raw.contains(QLatin1String("id")));
}

void TestParsers::page_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("items"); // -1 = error expected

    QTest::addRow("two-items") << QByteArray(R"({"items":[{"id":"a"},{"id":"b"}],)"
                                             R"("pages":{"nextKey":"k2","maxSize":1000}})")
                               << 2;
    QTest::addRow("empty-items") << QByteArray(R"({"items":[],"pages":{}})") << 0;
    QTest::addRow("empty-body") << QByteArray() << -1;
    QTest::addRow("whitespace-body") << QByteArray(" \n") << -1;
    QTest::addRow("not-json") << QByteArray("<html>gateway</html>") << -1;
    QTest::addRow("truncated") << QByteArray(R"({"items":[{"id":"a"})") << -1;
    QTest::addRow("top-level-array") << QByteArray(R"([{"id":"a"}])") << -1;
    QTest::addRow("items-not-array") << QByteArray(R"({"items":{"id":"a"}})") << -1;
    QTest::addRow("items-missing") << QByteArray(R"({"pages":{}})") << -1;
    QTest::addRow("one-bad-item-rejects-page")
        << QByteArray(R"({"items":[{"id":"a"},{"severity":"high"},{"id":"c"}]})") << -1;
    QTest::addRow("non-object-item") << QByteArray(R"({"items":[{"id":"a"},3]})") << -1;
}

void TestParsers::page()
{
    QFETCH(QByteArray, body);
    QFETCH(int, items);
    const Result<Page<domain::Alert>> p =
        Parsers::page<domain::Alert>(body, QStringLiteral("alerts.list"), &Parsers::alert);
    if (items < 0) {
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, Error::Code::InvalidInput);
        QVERIFY(p.error().message.startsWith(QLatin1String("alerts.list")));
        return;
    }
    QVERIFY(p.ok());
    QCOMPARE(p->items.size(), items);
}

void TestParsers::whoami_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("dataRegion");

    QTest::addRow("tenant-pm-example") << QByteArray(
        R"({"id":"t1","idType":"tenant","apiHosts":{"global":)"
        R"("http://api.central.sophos.com/","dataRegion":"http://api-us01.central.sophos.com"}})")
                                       << true
                                       << QStringLiteral("http://api-us01.central.sophos.com");
    QTest::addRow("partner") << QByteArray(R"({"id":"p1","idType":"partner","apiHosts":)"
                                           R"({"global":"https://api.central.sophos.com"}})")
                             << true << QString();
    QTest::addRow("tenant-without-region")
        << QByteArray(R"({"id":"t1","idType":"tenant","apiHosts":{}})") << false << QString();
    QTest::addRow("unknown-type") << QByteArray(R"({"id":"x","idType":"reseller"})") << false
                                  << QString();
}

void TestParsers::whoami()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QString, dataRegion);
    const Result<domain::CallerIdentity> who =
        Parsers::whoami(QJsonDocument::fromJson(json).object());
    QCOMPARE(who.ok(), ok);
    if (ok) {
        QCOMPARE(who->dataRegionHost, dataRegion);
        QVERIFY(!who->globalHost.endsWith(u'/'));
    }
}

void TestParsers::tenantHostNormalised()
{
    const Result<domain::Tenant> t = Parsers::tenant(
        QJsonDocument::fromJson(
            R"({"id":"t1","name":"Contoso","apiHost":"http://127.0.0.1:9000//","dataRegion":"eu02"})")
            .object());
    QVERIFY(t.ok());
    QCOMPARE(t->apiHost, QStringLiteral("http://127.0.0.1:9000"));
    QVERIFY(!Parsers::tenant(QJsonObject{{QStringLiteral("id"), QStringLiteral("t")}}).ok());
}

void TestParsers::detectionSeverity_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("score");

    QTest::addRow("integer") << QByteArray(R"({"id":"d","severity":8})") << 8;
    QTest::addRow("word") << QByteArray(R"({"id":"d","severity":"high"})") << 0;
    QTest::addRow("absent") << QByteArray(R"({"id":"d"})") << 0;
}

void TestParsers::detectionSeverity()
{
    QFETCH(QByteArray, json);
    QFETCH(int, score);
    const Result<domain::Detection> d = Parsers::detection(QJsonDocument::fromJson(json).object());
    QVERIFY(d.ok());
    QCOMPARE(d->severityScore, score);
    if (score > 0) {
        QCOMPARE(d->severity, domain::severityFromScore(score));
    }
}

QTEST_GUILESS_MAIN(TestParsers)
#include "TestParsers.moc"
