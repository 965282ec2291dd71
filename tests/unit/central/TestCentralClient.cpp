// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "Await.h"
#include "FakeCentral.h"
#include "central/CentralClient.h"

#include <QJsonArray>
#include <QTest>

using namespace mtr;
using namespace mtr::central;
using namespace mtr::central::test;

namespace {

QJsonObject parse(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

/// Caller discovery and the request shapes of the typed APIs.
class TestCentralClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void callerDiscovery_data();
    void callerDiscovery();
    void endpointIsolationAndScan();
    void caseUpdateSendsOnlyChangedFields();
    void liveDiscoverRunLifecycle();
    void dataLakeRunBody();

private:
    domain::Tenant tenant() const
    {
        return {QStringLiteral("t-1"), {}, {}, {}, m_fake->baseUrl()};
    }

    std::unique_ptr<FakeCentral> m_fake;
    std::unique_ptr<CentralClient> m_client;
};

void TestCentralClient::init()
{
    m_fake = std::make_unique<FakeCentral>();
    QVERIFY(m_fake->start());
    CentralConfig config;
    config.identityBase = config.globalBase = m_fake->baseUrl();
    config.clientId = QStringLiteral("c");
    config.retry.scale = 0.001;
    m_client = std::make_unique<CentralClient>(config);
}

void TestCentralClient::cleanup()
{
    m_client.reset();
    m_fake.reset();
}

void TestCentralClient::callerDiscovery_data()
{
    QTest::addColumn<QString>("idType");
    QTest::addColumn<QString>("listPath");
    QTest::addColumn<QByteArray>("idHeader");
    QTest::addColumn<int>("tenants");

    QTest::addRow("tenant") << QStringLiteral("tenant") << QString() << QByteArray() << 1;
    QTest::addRow("partner") << QStringLiteral("partner") << QStringLiteral("/partner/v1/tenants")
                             << QByteArray("x-partner-id") << 5;
    QTest::addRow("organization") << QStringLiteral("organization")
                                  << QStringLiteral("/organization/v1/tenants")
                                  << QByteArray("x-organization-id") << 5;
}

void TestCentralClient::callerDiscovery()
{
    QFETCH(QString, idType);
    QFETCH(QString, listPath);
    QFETCH(QByteArray, idHeader);
    QFETCH(int, tenants);
    const QString base = m_fake->baseUrl();
    m_fake->setHandler([&](const FakeRequest& r) {
        if (r.path == QLatin1String("/whoami/v1")) {
            const QJsonObject hosts{{QStringLiteral("global"), base + u'/'},
                                    {QStringLiteral("dataRegion"), base + u'/'}};
            return FakeReply::json(
                QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("me")},
                                          {QStringLiteral("idType"), idType},
                                          {QStringLiteral("apiHosts"), hosts}})
                    .toJson());
        }
        const int page = r.query.queryItemValue(QStringLiteral("page")).toInt();
        QJsonArray items;
        for (int i = 0; i < (page < 3 ? 2 : 1); ++i) {
            items.append(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("t-%1-%2").arg(page).arg(i)},
                            {QStringLiteral("apiHost"), base + u'/'}});
        }
        const QJsonObject pages{{QStringLiteral("current"), page}, {QStringLiteral("total"), 3}};
        return FakeReply::json(QJsonDocument(QJsonObject{{QStringLiteral("items"), items},
                                                         {QStringLiteral("pages"), pages}})
                                   .toJson());
    });
    Await<QList<domain::Tenant>> got;
    m_client->tenants(this, got.callback());
    QTRY_VERIFY(got.done());
    QVERIFY2(got.result().ok(),
             qPrintable(got.result().ok() ? QString() : got.result().error().message));
    QCOMPARE(got.result()->size(), tenants);
    for (const domain::Tenant& t : got.result().value()) {
        QCOMPARE(t.apiHost, base); // trailing slash dropped
    }
    if (!listPath.isEmpty()) {
        const QList<FakeRequest> lists = m_fake->requestsTo(listPath);
        QCOMPARE(lists.size(), 3);
        QCOMPARE(lists.first().header(idHeader.constData()), QByteArray("me"));
        QVERIFY(lists.first().header("x-tenant-id").isEmpty());
    } else {
        QCOMPARE(got.result()->first().id, QStringLiteral("me"));
    }
}

void TestCentralClient::endpointIsolationAndScan()
{
    m_fake->setHandler([](const FakeRequest& r) {
        if (r.path.endsWith(QLatin1String("/scans"))) {
            return FakeReply::json(
                R"({"id":"s1","status":"requested","requestedAt":"2026-11-30T08:45:00.120Z"})",
                201);
        }
        if (r.path == QLatin1String("/endpoint/v1/endpoints/isolation")) {
            return FakeReply::json(R"({"items":[{"id":"e1"},{"id":"e2"}]})", 202);
        }
        return FakeReply::json(
            R"({"enabled":true,"comment":"case 4711","lastEnabledAt":"2026-11-30T08:50:00.000"})");
    });
    const EndpointsApi api = m_client->endpoints(tenant());
    Await<QJsonArray> bulk;
    api.setIsolationBulk({QStringLiteral("e1"), QStringLiteral("e2")},
                         true,
                         QStringLiteral("case 4711"),
                         this,
                         bulk.callback());
    Await<domain::IsolationState> single;
    api.setIsolation(QStringLiteral("e1"),
                     false,
                     QStringLiteral("released"),
                     this,
                     single.callback());
    Await<domain::ScanRequest> scan;
    api.scan(QStringLiteral("e1"), this, scan.callback());
    QTRY_VERIFY(bulk.done() && single.done() && scan.done());
    QCOMPARE(bulk.result()->size(), 2);
    QVERIFY(single.result()->enabled);
    QCOMPARE(single.result()->lastEnabledAt.toString(Qt::ISODate),
             QStringLiteral("2026-11-30T08:50:00Z"));
    QCOMPARE(scan.result()->status, QStringLiteral("requested"));

    const QJsonObject bulkBody =
        parse(m_fake->requestsTo(QStringLiteral("/endpoint/v1/endpoints/isolation")).first().body);
    QCOMPARE(bulkBody.value(QLatin1String("ids")).toArray().size(), 2);
    QCOMPARE(bulkBody.value(QLatin1String("comment")).toString(), QStringLiteral("case 4711"));
    const FakeRequest patch =
        m_fake->requestsTo(QStringLiteral("/endpoint/v1/endpoints/e1/isolation")).first();
    QCOMPARE(patch.method, QByteArray("PATCH"));
    QCOMPARE(parse(patch.body).value(QLatin1String("enabled")).toBool(true), false);
}

void TestCentralClient::caseUpdateSendsOnlyChangedFields()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json(
            R"({"id":"c1","status":"investigating","tenant":{"id":"t-1"},"assignee":{"name":"MDR Ops"}})");
    });
    CaseUpdate update;
    update.status = QStringLiteral("investigating");
    Await<domain::Case> updated;
    m_client->cases(tenant()).update(QStringLiteral("c1"), update, this, updated.callback());
    QTRY_VERIFY(updated.done());
    QCOMPARE(updated.result()->assignee, QStringLiteral("MDR Ops"));
    const FakeRequest sent = m_fake->requestsTo(QStringLiteral("/cases/v1/cases/c1")).first();
    QCOMPARE(sent.method, QByteArray("PATCH"));
    QCOMPARE(sent.body, QByteArray(R"({"status":"investigating"})"));

    Await<domain::Case> empty;
    m_client->cases(tenant()).update(QStringLiteral("c1"), {}, this, empty.callback());
    QTRY_VERIFY(empty.done());
    QCOMPARE(empty.result().error().code, Error::Code::InvalidInput);
}

void TestCentralClient::liveDiscoverRunLifecycle()
{
    int polls = 0;
    m_fake->setHandler([&polls](const FakeRequest& r) {
        if (r.method == "POST") {
            return FakeReply::json(R"({"id":"run-1","status":"pending","result":"notAvailable"})",
                                   201);
        }
        if (r.path.endsWith(QLatin1String("/results"))) {
            return FakeReply::json(
                R"({"items":[{"endpointId":"e1","hostname":"h","pid":4}],)"
                R"("metadata":{"columns":[{"name":"pid","type":"integer"}]},"pages":{}})");
        }
        ++polls;
        return FakeReply::json(
            polls < 3
                ? R"({"id":"run-1","status":"started"})"
                : R"({"id":"run-1","status":"finished","result":"succeeded","resultCount":1})");
    });
    const QueryRunsApi api = m_client->liveDiscover(tenant());
    Await<domain::QueryRun> created;
    api.createLiveDiscover(QStringLiteral("procs"),
                           QStringLiteral("SELECT pid FROM processes"),
                           {QStringLiteral("e1")},
                           this,
                           created.callback());
    QTRY_VERIFY(created.done());
    QCOMPARE(created.result()->id, QStringLiteral("run-1"));
    const QJsonObject body =
        parse(m_fake->requestsTo(QStringLiteral("/live-discover/v1/queries/runs")).first().body);
    QCOMPARE(body.value(QLatin1String("adHocQuery"))
                 .toObject()
                 .value(QLatin1String("template"))
                 .toString(),
             QStringLiteral("SELECT pid FROM processes"));
    QCOMPARE(body.value(QLatin1String("matchEndpoints"))
                 .toObject()
                 .value(QLatin1String("filters"))
                 .toArray()
                 .size(),
             1);

    Await<domain::QueryRun> finished;
    api.waitUntilFinished(QStringLiteral("run-1"), 5, 10, this, finished.callback());
    QTRY_VERIFY(finished.done());
    QCOMPARE(finished.result()->result, QStringLiteral("succeeded"));
    QCOMPARE(polls, 3);

    PageCollector<domain::QueryRow> rows;
    api.results(QStringLiteral("run-1"),
                1000,
                this,
                rows.onPage<Page<domain::QueryRow>>(),
                rows.finished.callback());
    QTRY_VERIFY(rows.finished.done());
    QCOMPARE(rows.all().first().values.value(QLatin1String("pid")).toInt(), 4);

    polls = -100; // never finishes within the allowed polls
    Await<domain::QueryRun> timedOut;
    api.waitUntilFinished(QStringLiteral("run-1"), 1, 3, this, timedOut.callback());
    QTRY_VERIFY(timedOut.done());
    QCOMPARE(timedOut.result().error().code, Error::Code::Timeout);
}

void TestCentralClient::dataLakeRunBody()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json(R"({"id":"x1","status":"started","result":"notAvailable"})", 201);
    });
    Await<domain::QueryRun> created;
    const QDateTime from =
        QDateTime::fromString(QStringLiteral("2026-11-29T00:00:00Z"), Qt::ISODate);
    m_client->dataLake(tenant()).createDataLake(QStringLiteral("select 1"),
                                                from,
                                                from.addDays(1),
                                                this,
                                                created.callback());
    QTRY_VERIFY(created.done());
    QVERIFY(!created.result()->finished());
    const QJsonObject body =
        parse(m_fake->requestsTo(QStringLiteral("/xdr-query/v1/queries/runs")).first().body);
    QCOMPARE(body.value(QLatin1String("from")).toString(),
             QStringLiteral("2026-11-29T00:00:00.000Z"));
    QCOMPARE(body.value(QLatin1String("to")).toString(),
             QStringLiteral("2026-11-30T00:00:00.000Z"));
}

QTEST_GUILESS_MAIN(TestCentralClient)
#include "TestCentralClient.moc"
