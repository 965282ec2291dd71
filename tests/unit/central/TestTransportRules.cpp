// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/ApiTransport.h"
#include "central/ErrorMapper.h"
#include "central/HostUrl.h"
#include "central/RetryPolicy.h"

#include <QTest>

using namespace mtr;
using namespace mtr::central;

/// The pure rules under the transport: backoff, URL policy, host joining, error mapping.
class TestTransportRules : public QObject
{
    Q_OBJECT

private slots:
    void backoff_data();
    void backoff();
    void backoffJitterStaysInRange();
    void urlPolicy_data();
    void urlPolicy();
    void join_data();
    void join();
    void errorBody_data();
    void errorBody();
};

void TestTransportRules::backoff_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("expectedMs");

    QTest::addRow("retry-after-honoured") << 1 << 7 << 1.0 << 7000;
    QTest::addRow("retry-after-zero") << 3 << 0 << 1.0 << 0;
    QTest::addRow("retry-after-scaled") << 1 << 2 << 0.01 << 20;
    QTest::addRow("first-backoff") << 1 << -1 << 1.0 << 500;
    QTest::addRow("third-backoff-doubles-twice") << 3 << -1 << 1.0 << 2000;
    QTest::addRow("capped") << 12 << -1 << 1.0 << 30000;
    QTest::addRow("scaled-backoff") << 2 << -1 << 0.1 << 100;
}

void TestTransportRules::backoff()
{
    QFETCH(int, retry);
    QFETCH(int, retryAfter);
    QFETCH(double, scale);
    QFETCH(int, expectedMs);
    RetryPolicy policy;
    policy.scale = scale;
    policy.jitter = [] {
        return 1.0;
    };
    QCOMPARE(policy.delayMs(retry, retryAfter), expectedMs);
}

void TestTransportRules::backoffJitterStaysInRange()
{
    RetryPolicy policy; // real random jitter
    QSet<int> seen;
    for (int i = 0; i < 200; ++i) {
        const int ms = policy.delayMs(2, -1);
        QVERIFY2(ms >= 500 && ms <= 1000, qPrintable(QString::number(ms)));
        seen.insert(ms);
    }
    QVERIFY2(seen.size() > 10, "jitter should spread retries");
}

void TestTransportRules::urlPolicy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");

    QTest::addRow("https-remote") << QStringLiteral("https://api-eu02.central.sophos.com/x")
                                  << true;
    QTest::addRow("http-127-0-0-1") << QStringLiteral("http://127.0.0.1:8080/x") << true;
    QTest::addRow("http-127-x") << QStringLiteral("http://127.4.5.6/x") << true;
    QTest::addRow("http-ipv6-loopback") << QStringLiteral("http://[::1]:9/x") << true;
    QTest::addRow("http-localhost") << QStringLiteral("http://LocalHost:9/x") << true;
    QTest::addRow("http-remote") << QStringLiteral("http://api.central.sophos.com/x") << false;
    QTest::addRow("http-private-ip") << QStringLiteral("http://10.0.0.5/x") << false;
    QTest::addRow("http-localhost-lookalike")
        << QStringLiteral("http://localhost.evil.com/") << false;
    QTest::addRow("http-127-prefix-name") << QStringLiteral("http://127.0.0.1.nip.io/") << false;
    QTest::addRow("ftp") << QStringLiteral("ftp://127.0.0.1/x") << false;
    QTest::addRow("no-host") << QStringLiteral("https:///x") << false;
}

void TestTransportRules::urlPolicy()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(ApiTransport::checkUrl(QUrl(url)).ok(), allowed);
}

void TestTransportRules::join_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");

    QTest::addRow("plain") << QStringLiteral("https://h") << QStringLiteral("https://h/whoami/v1");
    QTest::addRow("trailing-slash") << QStringLiteral("http://api.central.sophos.com/")
                                    << QStringLiteral("http://api.central.sophos.com/whoami/v1");
    QTest::addRow("many-slashes-and-space")
        << QStringLiteral(" https://h:8443// ") << QStringLiteral("https://h:8443/whoami/v1");
}

void TestTransportRules::join()
{
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(HostUrl::join(base, QStringLiteral("/whoami/v1")).toString(), expected);
}

void TestTransportRules::errorBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("write");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("apiCode");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<bool>("retryable");

    QTest::addRow("api-shape") << 403
                               << QByteArray(R"({"error":"Forbidden","message":"no",)"
                                             R"("correlationId":"c-1","requestId":"r-1"})")
                               << false << int(Error::Code::Forbidden)
                               << QStringLiteral("Forbidden") << QStringLiteral("r-1") << false;
    QTest::addRow("token-shape") << 401
                                 << QByteArray(R"({"errorCode":"oauth.invalid_client_secret",)"
                                               R"("message":"Unauthorized","trackingId":"tr-9"})")
                                 << false << int(Error::Code::Unauthorized)
                                 << QStringLiteral("oauth.invalid_client_secret")
                                 << QStringLiteral("tr-9") << false;
    QTest::addRow("correlation-only")
        << 500 << QByteArray(R"({"correlationId":"c-2"})") << false << int(Error::Code::Server)
        << QString() << QStringLiteral("c-2") << true;
    QTest::addRow("empty-body-404") << 404 << QByteArray() << false << int(Error::Code::NotFound)
                                    << QString() << QString() << false;
    QTest::addRow("html-body-502") << 502 << QByteArray("<html>bad gateway</html>") << false
                                   << int(Error::Code::Server) << QString() << QString() << true;
    QTest::addRow("write-5xx-not-retryable")
        << 503 << QByteArray() << true << int(Error::Code::Server) << QString() << QString()
        << false;
    QTest::addRow("429") << 429 << QByteArray(R"({"error":"TooManyRequests"})") << true
                         << int(Error::Code::RateLimited) << QStringLiteral("TooManyRequests")
                         << QString() << true;
    QTest::addRow("wrong-types") << 400 << QByteArray(R"({"error":5,"requestId":[1]})") << false
                                 << int(Error::Code::InvalidInput) << QString() << QString()
                                 << false;
    QTest::addRow("teapot") << 418 << QByteArray() << false << int(Error::Code::Http) << QString()
                            << QString() << false;
}

void TestTransportRules::errorBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, write);
    QFETCH(int, code);
    QFETCH(QString, apiCode);
    QFETCH(QString, requestId);
    QFETCH(bool, retryable);
    const Error e = ErrorMapper::fromHttp(status, body, QStringLiteral("op"), write);
    QCOMPARE(int(e.code), code);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.apiCode, apiCode);
    QCOMPARE(e.requestId, requestId);
    QCOMPARE(e.retryable, retryable);
    QVERIFY(e.message.contains(QString::number(status)));
}

QTEST_GUILESS_MAIN(TestTransportRules)
#include "TestTransportRules.moc"
