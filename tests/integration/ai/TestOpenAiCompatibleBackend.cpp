// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/OpenAiCompatibleBackend.h"
#include "support/FakeLlmServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslKey>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mtr::ai;
using mtr::test::FakeLlmServer;

/// The OpenAI-compatible backend over real HTTP against the fake server: streaming, request
/// shape per flavor, retries, timeouts, drops, cancel and the http-only-to-loopback rule.
class TestOpenAiCompatibleBackend : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void streamsIncrementally();
    void requestShape();
    void azureUrlAndKeyHeader();
    void nonStreamingAnswer();
    void retriesAfter429();
    void serverErrorAfterRetries();
    void slowServerTimesOut();
    void droppedStreamKeepsPartialText();
    void cancelStops();
    void tlsUntrustedServerIsRefused();
    void tlsWithTrustedCaWorks();
    void urlRules_data();
    void urlRules();

private:
    OpenAiConfig config() const;
    static LlmRequest request();
    static std::unique_ptr<FakeLlmServer> tlsServer();
    static LlmAnswer run(OpenAiCompatibleBackend& backend);

    std::unique_ptr<FakeLlmServer> m_server;
};

void TestOpenAiCompatibleBackend::init()
{
    m_server = std::make_unique<FakeLlmServer>();
    QVERIFY(m_server->listen());
}

OpenAiConfig TestOpenAiCompatibleBackend::config() const
{
    OpenAiConfig c;
    c.baseUrl = m_server->baseUrl();
    c.model = u"fake-model"_s;
    c.apiKey = u"sk-test-secret"_s;
    c.backoffBaseMs = 20;
    c.firstByteTimeoutMs = 5000;
    c.idleTimeoutMs = 5000;
    return c;
}

LlmRequest TestOpenAiCompatibleBackend::request()
{
    LlmRequest r;
    r.messages = {{u"system"_s, u"be brief"_s}, {u"user"_s, u"hello"_s}};
    r.jsonSchema = QJsonObject{{u"type"_s, u"object"_s}};
    return r;
}

LlmAnswer TestOpenAiCompatibleBackend::run(OpenAiCompatibleBackend& backend)
{
    QSignalSpy finished(&backend, &LlmBackend::finished);
    backend.start(request());
    if (!finished.wait(15000)) {
        return {};
    }
    return finished.first().first().value<LlmAnswer>();
}

void TestOpenAiCompatibleBackend::streamsIncrementally()
{
    auto reply = FakeLlmServer::answer(u"one two three four five"_s, 5);
    reply.chunkDelayMs = 40;
    m_server->enqueue(reply);
    OpenAiCompatibleBackend backend(config());
    QSignalSpy chunks(&backend, &LlmBackend::chunkReceived);
    QSignalSpy finished(&backend, &LlmBackend::finished);
    backend.start(request());
    QVERIFY(chunks.wait(5000));
    QVERIFY(finished.isEmpty()); // text arrives before the answer is complete
    QVERIFY(finished.wait(5000));
    QCOMPARE(chunks.size(), 5);
    const auto answer = finished.first().first().value<LlmAnswer>();
    QVERIFY(answer.ok);
    QVERIFY(answer.streamed);
    QCOMPARE(answer.text, u"one two three four five"_s);
}

void TestOpenAiCompatibleBackend::requestShape()
{
    m_server->enqueue(FakeLlmServer::answer(u"ok"_s, 1));
    OpenAiCompatibleBackend backend(config());
    const auto answer = run(backend);
    QVERIFY(answer.ok);
    QCOMPARE(m_server->requests().size(), 1);
    const auto req = m_server->requests().first();
    QCOMPARE(req.target, QByteArray("/v1/chat/completions"));
    QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer sk-test-secret"));
    QCOMPARE(req.body, answer.requestBody);
    const QJsonObject body = QJsonDocument::fromJson(req.body).object();
    QCOMPARE(body.value(u"model"_s).toString(), u"fake-model"_s);
    QCOMPARE(body.value(u"stream"_s).toBool(), true);
    QCOMPARE(body.value(u"response_format"_s).toObject().value(u"type"_s).toString(),
             u"json_schema"_s);
    QCOMPARE(body.value(u"messages"_s).toArray().size(), 2);
}

void TestOpenAiCompatibleBackend::azureUrlAndKeyHeader()
{
    m_server->enqueue(FakeLlmServer::answer(u"ok"_s, 1));
    OpenAiConfig c = config();
    c.flavor = OpenAiConfig::Flavor::Azure;
    c.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->baseUrl().port()));
    c.azureDeployment = u"gpt4o-prod"_s;
    c.azureApiVersion = u"2024-10-21"_s;
    OpenAiCompatibleBackend backend(c);
    QVERIFY(run(backend).ok);
    const auto req = m_server->requests().first();
    QCOMPARE(req.target,
             QByteArray("/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21"));
    QCOMPARE(req.headers.value("api-key"), QByteArray("sk-test-secret"));
    QVERIFY(!req.headers.contains("authorization"));
}

void TestOpenAiCompatibleBackend::nonStreamingAnswer()
{
    m_server->enqueue(FakeLlmServer::answer(u"whole answer"_s, 3));
    OpenAiConfig c = config();
    c.stream = false;
    c.jsonSchema = false;
    OpenAiCompatibleBackend backend(c);
    const auto answer = run(backend);
    QVERIFY(answer.ok);
    QVERIFY(!answer.streamed);
    QCOMPARE(answer.text, u"whole answer"_s);
    QVERIFY(!QJsonDocument::fromJson(m_server->requests().first().body)
                 .object()
                 .contains(u"response_format"_s));
}

void TestOpenAiCompatibleBackend::retriesAfter429()
{
    m_server->enqueue(FakeLlmServer::failure(429, "0"));
    m_server->enqueue(FakeLlmServer::failure(503));
    m_server->enqueue(FakeLlmServer::answer(u"after retries"_s, 2));
    OpenAiCompatibleBackend backend(config());
    QSignalSpy retries(&backend, &LlmBackend::retryScheduled);
    const auto answer = run(backend);
    QVERIFY(answer.ok);
    QCOMPARE(answer.text, u"after retries"_s);
    QCOMPARE(answer.attempts, 3);
    QCOMPARE(retries.size(), 2);
    QCOMPARE(retries.first().at(1).toInt(), 0); // Retry-After: 0 honoured
    QCOMPARE(m_server->requests().size(), 3);
}

void TestOpenAiCompatibleBackend::serverErrorAfterRetries()
{
    m_server->setDefaultReply(FakeLlmServer::failure(500));
    OpenAiConfig c = config();
    c.maxRetries = 2;
    OpenAiCompatibleBackend backend(c);
    const auto answer = run(backend);
    QVERIFY(!answer.ok);
    QCOMPARE(answer.error.code, mtr::Error::Code::Server);
    QCOMPARE(answer.error.httpStatus, 500);
    QCOMPARE(m_server->requests().size(), 3);
    m_server->setDefaultReply(FakeLlmServer::failure(401));
    const auto unauthorized = run(backend);
    QCOMPARE(unauthorized.error.code, mtr::Error::Code::Unauthorized);
    QCOMPARE(m_server->requests().size(), 4); // no retry for 401
}

void TestOpenAiCompatibleBackend::slowServerTimesOut()
{
    auto reply = FakeLlmServer::answer(u"too late"_s, 1);
    reply.firstByteDelayMs = 3000;
    m_server->enqueue(reply);
    OpenAiConfig c = config();
    c.firstByteTimeoutMs = 200;
    OpenAiCompatibleBackend backend(c);
    const auto answer = run(backend);
    QVERIFY(!answer.ok);
    QCOMPARE(answer.error.code, mtr::Error::Code::Timeout);
    QCOMPARE(answer.attempts, 1);
}

void TestOpenAiCompatibleBackend::droppedStreamKeepsPartialText()
{
    auto reply = FakeLlmServer::answer(u"aaaa bbbb cccc dddd"_s, 4);
    reply.dropAfterChunks = 2;
    m_server->enqueue(reply);
    OpenAiCompatibleBackend backend(config());
    const auto answer = run(backend);
    QVERIFY(!answer.ok);
    QCOMPARE(answer.error.code, mtr::Error::Code::Network);
    QCOMPARE(answer.text, u"aaaa bbbb "_s);
    QCOMPARE(m_server->requests().size(), 1); // text had arrived: no retry
}

void TestOpenAiCompatibleBackend::cancelStops()
{
    auto reply = FakeLlmServer::answer(u"a b c d e f"_s, 6);
    reply.chunkDelayMs = 300;
    m_server->enqueue(reply);
    OpenAiCompatibleBackend backend(config());
    QSignalSpy chunks(&backend, &LlmBackend::chunkReceived);
    QSignalSpy finished(&backend, &LlmBackend::finished);
    backend.start(request());
    QVERIFY(chunks.wait(5000));
    backend.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<LlmAnswer>().error.code, mtr::Error::Code::Cancelled);
    QVERIFY(!chunks.wait(700)); // a cancelled stream stays silent
    QCOMPARE(finished.size(), 1);
}

std::unique_ptr<FakeLlmServer> TestOpenAiCompatibleBackend::tlsServer()
{
    QFile cert(QStringLiteral(MTR_TEST_DATA_DIR) + u"/ai/fake-llm-cert.pem"_s);
    QFile key(QStringLiteral(MTR_TEST_DATA_DIR) + u"/ai/fake-llm-key.pem"_s);
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        return {};
    }
    auto server = std::make_unique<FakeLlmServer>();
    if (!server->listenTls(QSslCertificate(cert.readAll()), QSslKey(key.readAll(), QSsl::Rsa))) {
        return {};
    }
    return server;
}

void TestOpenAiCompatibleBackend::tlsUntrustedServerIsRefused()
{
    auto server = tlsServer();
    QVERIFY(server);
    server->enqueue(FakeLlmServer::answer(u"must not arrive"_s, 1));
    OpenAiConfig c = config();
    c.baseUrl = server->baseUrl();
    OpenAiCompatibleBackend backend(c);
    const auto answer = run(backend);
    QVERIFY(!answer.ok);
    QCOMPARE(answer.error.code, mtr::Error::Code::Tls);
    QVERIFY(answer.text.isEmpty());
    QVERIFY(server->requests().isEmpty()); // nothing was sent over the unverified channel
}

void TestOpenAiCompatibleBackend::tlsWithTrustedCaWorks()
{
    auto server = tlsServer();
    QVERIFY(server);
    server->enqueue(FakeLlmServer::answer(u"over tls"_s, 2));
    QFile cert(QStringLiteral(MTR_TEST_DATA_DIR) + u"/ai/fake-llm-cert.pem"_s);
    QVERIFY(cert.open(QIODevice::ReadOnly));
    OpenAiConfig c = config();
    c.baseUrl = server->baseUrl();
    c.extraCaCertificates = {QSslCertificate(cert.readAll())};
    OpenAiCompatibleBackend backend(c);
    const auto answer = run(backend);
    QVERIFY2(answer.ok, qPrintable(answer.error.message));
    QCOMPARE(answer.text, u"over tls"_s);
    QCOMPARE(server->requests().size(), 1);
}

void TestOpenAiCompatibleBackend::urlRules_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<bool>("onPremises");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::addRow("openai") << u"https://api.openai.com/v1"_s << false
                            << u"https://api.openai.com/v1/chat/completions"_s;
    QTest::addRow("bare host") << u"https://llm.example.net"_s << false
                               << u"https://llm.example.net/v1/chat/completions"_s;
    QTest::addRow("ollama loopback") << u"http://localhost:11434/v1/"_s << false
                                     << u"http://localhost:11434/v1/chat/completions"_s;
    QTest::addRow("llama.cpp v6 loopback")
        << u"http://[::1]:8080"_s << false << u"http://[::1]:8080/v1/chat/completions"_s;
    QTest::addRow("http remote refused") << u"http://10.0.0.5:8000/v1"_s << false << QString();
    QTest::addRow("http on-premises")
        << u"http://10.0.0.5:8000/v1"_s << true << u"http://10.0.0.5:8000/v1/chat/completions"_s;
    QTest::addRow("ftp refused") << u"ftp://x.example/v1"_s << true << QString();
}

void TestOpenAiCompatibleBackend::urlRules()
{
    QFETCH(QString, base);
    QFETCH(bool, onPremises);
    QFETCH(QString, expected);
    OpenAiConfig c;
    c.baseUrl = QUrl(base);
    c.onPremises = onPremises;
    const auto url = OpenAiCompatibleBackend::endpointUrl(c);
    QCOMPARE(url.ok(), !expected.isEmpty());
    if (url.ok()) {
        QCOMPARE(url->toString(), expected);
    }
}

QTEST_GUILESS_MAIN(TestOpenAiCompatibleBackend)
#include "TestOpenAiCompatibleBackend.moc"
