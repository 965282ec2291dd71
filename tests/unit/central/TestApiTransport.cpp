// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "Await.h"
#include "FakeCentral.h"
#include "central/ApiTransport.h"
#include "central/CentralClient.h"
#include "central/TokenProvider.h"
#include "log/Log.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mtr;
using namespace mtr::central;
using namespace mtr::central::test;

namespace {

const QString Tenant1 = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QByteArray Secret1 = QByteArrayLiteral("canary-secret-7f3e");

QByteArray alertJson(const QString& id)
{
    return QStringLiteral(R"({"id":"%1","severity":"high","tenant":{"id":"%2"},)"
                          R"("allowedActions":["acknowledge","clearThreat"]})")
        .arg(id, Tenant1)
        .toUtf8();
}

} // namespace

/// The transport's rules over a real socket: token handling, 429, 5xx, dropped writes, TLS
/// policy, error bodies and what reaches the log.
class TestApiTransport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tokenFormAndHeaders();
    void tokenCachedAndRenewedBeforeExpiry();
    void retryAfterHonoured();
    void backoffWithoutRetryAfter();
    void rateLimitStormGivesUp();
    void serverErrorRetriedForReads();
    void serverErrorNotRetriedForWrites();
    void writeDroppedAfterSendIsOutcomeUnknown();
    void readDroppedIsRetried();
    void writeRetriedOn429();
    void unauthorizedRefreshesTokenOnce();
    void unauthorizedTwiceGivesUp();
    void badClientSecret();
    void plainHttpToRemoteHostRefused();
    void emptySuccessBodyIsClearError();
    void actionNotAllowedIsRefusedLocally();
    void logHasNoSecretsOrCustomerText();

private:
    domain::Tenant tenant() const;
    Result<domain::Alert> getAlert(const QString& id);

    std::unique_ptr<FakeCentral> m_fake;
    std::unique_ptr<CentralClient> m_client;
    CentralConfig m_config;
};

void TestApiTransport::init()
{
    m_fake = std::make_unique<FakeCentral>();
    QVERIFY(m_fake->start());
    m_config = CentralConfig{};
    m_config.identityBase = m_fake->baseUrl();
    m_config.globalBase = m_fake->baseUrl() + u'/';
    m_config.clientId = QStringLiteral("client-1");
    m_config.clientSecret = Secret(QString::fromLatin1(Secret1));
    m_config.retry.scale = 0.001;
    m_config.retry.jitter = [] {
        return 1.0;
    };
    m_client = std::make_unique<CentralClient>(m_config);
}

void TestApiTransport::cleanup()
{
    m_client.reset();
    m_fake.reset();
}

domain::Tenant TestApiTransport::tenant() const
{
    domain::Tenant t;
    t.id = Tenant1;
    t.apiHost = m_fake->baseUrl();
    return t;
}

Result<domain::Alert> TestApiTransport::getAlert(const QString& id)
{
    Await<domain::Alert> got;
    m_client->alerts(tenant()).get(id, this, got.callback());
    if (!QTest::qWaitFor(
            [&] {
                return got.done();
            },
            10000)) {
        return Error::make(Error::Code::Timeout, QStringLiteral("test timed out"));
    }
    return got.result();
}

void TestApiTransport::tokenFormAndHeaders()
{
    m_fake->setHandler([](const FakeRequest& r) {
        return FakeReply::json(alertJson(r.path.section(u'/', -1)));
    });
    const Result<domain::Alert> a = getAlert(QStringLiteral("a1"));
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
    QCOMPARE(a->id, QStringLiteral("a1"));

    const FakeRequest token = m_fake->requests().at(0);
    QCOMPARE(token.method, QByteArray("POST"));
    QCOMPARE(token.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
    const QUrlQuery form(QString::fromUtf8(token.body));
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("client_credentials"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_id")), QStringLiteral("client-1"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_secret")), QString::fromLatin1(Secret1));
    QCOMPARE(form.queryItemValue(QStringLiteral("scope")), QStringLiteral("token"));

    const FakeRequest api = m_fake->requests().at(1);
    QCOMPARE(api.path, QStringLiteral("/common/v1/alerts/a1"));
    QCOMPARE(api.header("authorization"), QByteArray("Bearer tok-1"));
    QCOMPARE(api.header("x-tenant-id"), Tenant1.toUtf8());
}

void TestApiTransport::tokenCachedAndRenewedBeforeExpiry()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json(alertJson(QStringLiteral("a")));
    });
    QDateTime now = QDateTime::currentDateTimeUtc();
    m_client->tokenProvider()->setClock([&now] {
        return now;
    });
    for (int i = 0; i < 3; ++i) {
        QVERIFY(getAlert(QStringLiteral("a")).ok());
    }
    QCOMPARE(m_fake->tokensIssued(), 1);

    now = now.addSecs(3600 - 121); // still 121 s left: cached
    QVERIFY(getAlert(QStringLiteral("a")).ok());
    QCOMPARE(m_fake->tokensIssued(), 1);
    now = now.addSecs(2); // inside the 120 s renewal margin
    QVERIFY(getAlert(QStringLiteral("a")).ok());
    QCOMPARE(m_fake->tokensIssued(), 2);
    QCOMPARE(m_fake->requestsTo(QStringLiteral("/common")).last().header("authorization"),
             QByteArray("Bearer tok-2"));
}

void TestApiTransport::retryAfterHonoured()
{
    m_client.reset();
    m_config.retry.scale = 0.05; // Retry-After: 2 -> 100 ms; backoff would be 25 ms
    m_client = std::make_unique<CentralClient>(m_config);
    int calls = 0;
    m_fake->setHandler([&calls](const FakeRequest&) {
        if (++calls <= 2) {
            return FakeReply{429, {}, {{"Retry-After", "2"}}, false};
        }
        return FakeReply::json(alertJson(QStringLiteral("a")));
    });
    QElapsedTimer clock;
    clock.start();
    QVERIFY(getAlert(QStringLiteral("a")).ok());
    QCOMPARE(calls, 3);
    QVERIFY2(clock.elapsed() >= 190, qPrintable(QString::number(clock.elapsed())));
}

void TestApiTransport::backoffWithoutRetryAfter()
{
    int calls = 0;
    m_fake->setHandler([&calls](const FakeRequest&) {
        return ++calls <= 3 ? FakeReply{429, {}, {}, false}
                            : FakeReply::json(alertJson(QStringLiteral("a")));
    });
    QVERIFY(getAlert(QStringLiteral("a")).ok());
    QCOMPARE(calls, 4);
}

void TestApiTransport::rateLimitStormGivesUp()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply{429,
                         R"({"error":"TooManyRequests","requestId":"rq-5"})",
                         {{"Retry-After", "1"}},
                         false};
    });
    const Result<domain::Alert> a = getAlert(QStringLiteral("a"));
    QVERIFY(!a.ok());
    QCOMPARE(a.error().code, Error::Code::RateLimited);
    QCOMPARE(a.error().httpStatus, 429);
    QCOMPARE(a.error().requestId, QStringLiteral("rq-5"));
    QVERIFY(a.error().retryable);
    QCOMPARE(m_fake->requestsTo(QStringLiteral("/common")).size(), m_config.retry.maxAttempts);
}

void TestApiTransport::serverErrorRetriedForReads()
{
    int calls = 0;
    m_fake->setHandler([&calls](const FakeRequest&) {
        return ++calls == 1 ? FakeReply{503, {}, {}, false}
                            : FakeReply::json(alertJson(QStringLiteral("a")));
    });
    QVERIFY(getAlert(QStringLiteral("a")).ok());
    QCOMPARE(calls, 2);

    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply{500, R"({"error":"internalServerError"})", {}, false};
    });
    const Result<domain::Alert> a = getAlert(QStringLiteral("a"));
    QVERIFY(!a.ok());
    QCOMPARE(a.error().code, Error::Code::Server);
    QCOMPARE(a.error().apiCode, QStringLiteral("internalServerError"));
}

void TestApiTransport::serverErrorNotRetriedForWrites()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply{502, {}, {}, false};
    });
    domain::Alert alert;
    alert.id = QStringLiteral("a9");
    alert.allowedActions = {QStringLiteral("acknowledge")};
    Await<domain::AlertActionResult> acted;
    m_client->alerts(tenant()).act(alert,
                                   domain::AlertAction::Acknowledge,
                                   {},
                                   this,
                                   acted.callback());
    QTRY_VERIFY(acted.done());
    QCOMPARE(acted.result().error().code, Error::Code::Server);
    QVERIFY(!acted.result().error().retryable);
    QCOMPARE(m_fake->requestsTo(QStringLiteral("/common")).size(), 1);
}

void TestApiTransport::writeDroppedAfterSendIsOutcomeUnknown()
{
    // A GET first, so the POST travels on a kept-alive connection: the case where Qt itself
    // would silently resend a request whose connection closed.
    m_fake->setHandler([](const FakeRequest& r) {
        if (r.method == "POST") {
            return FakeReply{200, {}, {}, true};
        }
        return FakeReply::json(alertJson(QStringLiteral("a9")));
    });
    const Result<domain::Alert> alert = getAlert(QStringLiteral("a9"));
    QVERIFY(alert.ok());

    Await<domain::AlertActionResult> acted;
    m_client->alerts(tenant()).act(alert.value(),
                                   domain::AlertAction::ClearThreat,
                                   QStringLiteral("done"),
                                   this,
                                   acted.callback());
    QTRY_VERIFY(acted.done());
    QCOMPARE(acted.result().error().code, Error::Code::OutcomeUnknown);
    QVERIFY(!acted.result().error().retryable);
    QVERIFY(acted.result().error().message.contains(QLatin1String("before sending it again")));
    QTest::qWait(100); // a late resend would show up here
    const QList<FakeRequest> posts =
        m_fake->requestsTo(QStringLiteral("/common/v1/alerts/a9/actions"));
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().body, QByteArray(R"({"action":"clearThreat","message":"done"})"));
    QCOMPARE(acted.calls(), 1);
}

void TestApiTransport::readDroppedIsRetried()
{
    int calls = 0;
    m_fake->setHandler([&calls](const FakeRequest&) {
        return ++calls == 1 ? FakeReply{200, {}, {}, true}
                            : FakeReply::json(alertJson(QStringLiteral("a")));
    });
    QVERIFY(getAlert(QStringLiteral("a")).ok());
    QVERIFY(calls >= 2);
}

void TestApiTransport::writeRetriedOn429()
{
    int calls = 0;
    m_fake->setHandler([&calls](const FakeRequest&) {
        if (++calls == 1) {
            return FakeReply{429, {}, {{"Retry-After", "0"}}, false};
        }
        return FakeReply::json(
            R"({"id":"x","alertId":"a9","action":"acknowledge","status":"started"})",
            201);
    });
    domain::Alert alert;
    alert.id = QStringLiteral("a9");
    alert.allowedActions = {QStringLiteral("acknowledge")};
    Await<domain::AlertActionResult> acted;
    m_client->alerts(tenant()).act(alert,
                                   domain::AlertAction::Acknowledge,
                                   {},
                                   this,
                                   acted.callback());
    QTRY_VERIFY(acted.done());
    QVERIFY(acted.result().ok());
    QCOMPARE(acted.result()->status, QStringLiteral("started"));
    QCOMPARE(calls, 2);
}

void TestApiTransport::unauthorizedRefreshesTokenOnce()
{
    m_fake->setHandler([](const FakeRequest& r) {
        if (r.header("authorization") == "Bearer tok-1") {
            return FakeReply::json(R"({"error":"Unauthorized"})", 401);
        }
        return FakeReply::json(alertJson(QStringLiteral("a")));
    });
    QVERIFY(getAlert(QStringLiteral("a")).ok());
    QCOMPARE(m_fake->tokensIssued(), 2);
    QCOMPARE(m_fake->requestsTo(QStringLiteral("/common")).size(), 2);
}

void TestApiTransport::unauthorizedTwiceGivesUp()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json(R"({"error":"Unauthorized","message":"Invalid X-Tenant-ID"})", 401);
    });
    const Result<domain::Alert> a = getAlert(QStringLiteral("a"));
    QVERIFY(!a.ok());
    QCOMPARE(a.error().code, Error::Code::Unauthorized);
    QCOMPARE(a.error().httpStatus, 401);
    QCOMPARE(m_fake->requestsTo(QStringLiteral("/common")).size(), 2);
    QCOMPARE(m_fake->tokensIssued(), 2);
}

void TestApiTransport::badClientSecret()
{
    m_fake->setTokenHandler([](const FakeRequest&) {
        return FakeReply::json(
            R"({"errorCode":"oauth.invalid_client_secret","message":"Unauthorized",)"
            R"("trackingId":"5b3c7a10"})",
            401);
    });
    const Result<domain::Alert> a = getAlert(QStringLiteral("a"));
    QVERIFY(!a.ok());
    QCOMPARE(a.error().code, Error::Code::Unauthorized);
    QCOMPARE(a.error().apiCode, QStringLiteral("oauth.invalid_client_secret"));
    QCOMPARE(a.error().requestId, QStringLiteral("5b3c7a10"));
    QVERIFY(m_fake->requestsTo(QStringLiteral("/common")).isEmpty());
}

void TestApiTransport::plainHttpToRemoteHostRefused()
{
    domain::Tenant remote = tenant();
    remote.apiHost = QStringLiteral("http://192.0.2.10"); // TEST-NET-1, never reachable
    Await<domain::Alert> got;
    m_client->alerts(remote).get(QStringLiteral("a"), this, got.callback());
    QTRY_VERIFY(got.done());
    QCOMPARE(got.result().error().code, Error::Code::NotAllowed);
    QVERIFY(got.result().error().message.contains(QLatin1String("loopback")));
    QVERIFY(m_fake->requests().isEmpty()); // not even a token was asked for
}

void TestApiTransport::emptySuccessBodyIsClearError()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json({});
    });
    const Result<domain::Alert> a = getAlert(QStringLiteral("a"));
    QVERIFY(!a.ok());
    QCOMPARE(a.error().code, Error::Code::InvalidInput);
    QVERIFY(a.error().message.contains(QLatin1String("empty body")));
}

void TestApiTransport::actionNotAllowedIsRefusedLocally()
{
    domain::Alert alert;
    alert.id = QStringLiteral("a9");
    alert.allowedActions = {QStringLiteral("acknowledge")};
    Await<domain::AlertActionResult> acted;
    m_client->alerts(tenant()).act(alert,
                                   domain::AlertAction::CleanVirus,
                                   {},
                                   this,
                                   acted.callback());
    QTRY_VERIFY(acted.done());
    QCOMPARE(acted.result().error().code, Error::Code::NotAllowed);
    QVERIFY(m_fake->requests().isEmpty());
}

void TestApiTransport::logHasNoSecretsOrCustomerText()
{
    QTemporaryDir dir;
    log::Options options;
    options.filePath = dir.filePath(QStringLiteral("central.log"));
    options.toStderr = false;
    log::init(options);
    int calls = 0;
    m_fake->setHandler([&calls](const FakeRequest&) {
        if (++calls == 1) {
            return FakeReply{429, {}, {{"Retry-After", "0"}}, false};
        }
        return FakeReply::json(
            R"({"id":"a1","description":"Malware at C:\\Users\\pruefer01\\x.exe",)"
            R"("tenant":{"id":"11111111-1111-1111-1111-111111111111"}})");
    });
    QVERIFY(getAlert(QStringLiteral("a1")).ok());
    log::flush();

    QFile file(options.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("op=alerts.get"));
    QVERIFY(text.contains("status=200"));
    QVERIFY(text.contains("retries=1"));
    QVERIFY(!text.contains(Secret1));
    QVERIFY(!text.contains("tok-1"));
    QVERIFY(!text.contains("Bearer"));
    QVERIFY(!text.contains("pruefer01"));
}

QTEST_GUILESS_MAIN(TestApiTransport)
#include "TestApiTransport.moc"
