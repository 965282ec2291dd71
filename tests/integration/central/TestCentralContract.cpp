// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "Await.h"
#include "SimProcess.h"
#include "central/CentralClient.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace mtr;
using namespace mtr::central;
using namespace mtr::central::test;

/// One contract test per endpoint family: the client against the separately written
/// simulator, as a partner with three customer tenants, over HTTPS with the simulator's CA.
class TestCentralContract : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tenantsAcrossNumberPages();
    void alertsAcrossKeyPagesNeverMixTenants();
    void alertFilters();
    void alertGetAndAction();
    void endpointsInventoryIsolationScan();
    void casesReadAndUpdate();
    void liveDiscoverRun();
    void dataLakeRun();
    void siemEventsCursorAndResume();
    void siemAlerts();

private:
    template <typename T>
    bool wait(const Await<T>& a)
    {
        return QTest::qWaitFor(
            [&a] {
                return a.done();
            },
            30000);
    }

    QList<domain::Alert>
    allAlerts(const domain::Tenant& tenant, const AlertFilter& filter, int* pages);

    template <typename T>
    static QString describe(const Result<T>& r)
    {
        return r.ok() ? QString() : r.error().message;
    }

    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<CentralClient> m_client;
    QList<domain::Tenant> m_tenants;
};

void TestCentralContract::initTestCase()
{
    m_sim = std::make_unique<SimProcess>(QStringList{QStringLiteral("--alerts"),
                                                     QStringLiteral("120"),
                                                     QStringLiteral("--siem-events"),
                                                     QStringLiteral("250")});
    const QString error = m_sim->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CentralConfig config = m_sim->config();
    config.tenantPageSize = 1; // three tenants -> three pages
    m_client = std::make_unique<CentralClient>(config);
}

void TestCentralContract::tenantsAcrossNumberPages()
{
    QVERIFY(m_sim->clearRequests());
    Await<QList<domain::Tenant>> got;
    m_client->tenants(this, got.callback());
    QVERIFY(wait(got));
    QVERIFY2(got.result().ok(), qPrintable(describe(got.result())));
    m_tenants = got.result().value();
    QCOMPARE(m_tenants.size(), 3);
    QSet<QString> ids;
    for (const domain::Tenant& t : std::as_const(m_tenants)) {
        ids.insert(t.id);
        QCOMPARE(t.apiHost, m_sim->baseUrl());
        QVERIFY(!t.name.isEmpty());
    }
    QCOMPARE(ids.size(), 3);
    int tenantPages = 0;
    for (const QJsonValue& r : m_sim->requests()) {
        if (r[QLatin1String("path")].toString() == QLatin1String("/partner/v1/tenants")) {
            ++tenantPages;
            QCOMPARE(r[QLatin1String("status")].toInt(), 200);
        }
    }
    QCOMPARE(tenantPages, 3);
}

QList<domain::Alert>
TestCentralContract::allAlerts(const domain::Tenant& tenant, const AlertFilter& filter, int* pages)
{
    PageCollector<domain::Alert> got;
    m_client->alerts(tenant).list(filter,
                                  this,
                                  got.onPage<Page<domain::Alert>>(),
                                  got.finished.callback());
    if (!wait(got.finished) || !got.finished.result().ok()) {
        return {};
    }
    if (pages) {
        *pages = int(got.pages.size());
    }
    return got.all();
}

void TestCentralContract::alertsAcrossKeyPagesNeverMixTenants()
{
    QCOMPARE(m_tenants.size(), 3);
    QVERIFY(m_sim->clearRequests());
    // All three tenants at once, interleaved on the wire.
    std::array<PageCollector<domain::Alert>, 3> got;
    AlertFilter filter;
    filter.pageSize = 50;
    for (int i = 0; i < 3; ++i) {
        m_client->alerts(m_tenants[i])
            .list(filter, this, got[i].onPage<Page<domain::Alert>>(), got[i].finished.callback());
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return got[0].finished.done() && got[1].finished.done() && got[2].finished.done();
        },
        60000));

    QSet<QString> seenAnywhere;
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(got[i].finished.result().ok(), qPrintable(describe(got[i].finished.result())));
        QVERIFY2(got[i].pages.size() >= 3, qPrintable(QString::number(got[i].pages.size())));
        for (const domain::Alert& a : got[i].all()) {
            QCOMPARE(a.tenantId, m_tenants[i].id);
            QVERIFY2(!seenAnywhere.contains(a.id), "an alert appeared twice or under two tenants");
            seenAnywhere.insert(a.id);
        }
    }
    QSet<QString> loggedTenants;
    for (const QJsonValue& r : m_sim->requests()) {
        if (r[QLatin1String("path")].toString() == QLatin1String("/common/v1/alerts")) {
            QVERIFY(!r[QLatin1String("tenant")].toString().isEmpty());
            loggedTenants.insert(r[QLatin1String("tenant")].toString());
        }
    }
    QCOMPARE(loggedTenants.size(), 3);
}

void TestCentralContract::alertFilters()
{
    QVERIFY(!m_tenants.isEmpty());
    AlertFilter filter;
    filter.severities = {QStringLiteral("high")};
    filter.pageSize = 100;
    const QList<domain::Alert> high = allAlerts(m_tenants[0], filter, nullptr);
    QVERIFY(!high.isEmpty());
    for (const domain::Alert& a : high) {
        QCOMPARE(a.severity, domain::Severity::High);
    }
    AlertFilter byCategory;
    byCategory.categories = {high.first().category};
    for (const domain::Alert& a : allAlerts(m_tenants[0], byCategory, nullptr)) {
        QCOMPARE(a.category, high.first().category);
    }
    AlertFilter recent;
    recent.from = high.first().raisedAt;
    for (const domain::Alert& a : allAlerts(m_tenants[0], recent, nullptr)) {
        QVERIFY(a.raisedAt >= recent.from);
    }
}

void TestCentralContract::alertGetAndAction()
{
    QVERIFY(!m_tenants.isEmpty());
    const domain::Tenant tenant = m_tenants[1];
    const QList<domain::Alert> alerts = allAlerts(tenant, {}, nullptr);
    const auto it = std::find_if(alerts.begin(), alerts.end(), [](const domain::Alert& a) {
        return a.allowedActions.contains(QStringLiteral("acknowledge"));
    });
    QVERIFY(it != alerts.end());

    Await<domain::Alert> fetched;
    m_client->alerts(tenant).get(it->id, this, fetched.callback());
    QVERIFY(wait(fetched));
    QVERIFY2(fetched.result().ok(), qPrintable(describe(fetched.result())));
    QCOMPARE(fetched.result()->id, it->id);
    QVERIFY(fetched.result()->raisedAt.isValid());

    QVERIFY(m_sim->clearRequests());
    Await<domain::AlertActionResult> acted;
    m_client->alerts(tenant).act(fetched.result().value(),
                                 domain::AlertAction::Acknowledge,
                                 QStringLiteral("reviewed"),
                                 this,
                                 acted.callback());
    QVERIFY(wait(acted));
    QVERIFY2(acted.result().ok(), qPrintable(describe(acted.result())));
    QCOMPARE(acted.result()->action, QStringLiteral("acknowledge"));
    QVERIFY(!acted.result()->status.isEmpty());
    int posts = 0;
    for (const QJsonValue& r : m_sim->requests()) {
        if (r[QLatin1String("method")].toString() == QLatin1String("POST")
            && r[QLatin1String("path")].toString().endsWith(QLatin1String("/actions"))) {
            ++posts;
            QCOMPARE(r[QLatin1String("tenant")].toString(), tenant.id);
            QCOMPARE(r[QLatin1String("status")].toInt(), 201);
        }
    }
    QCOMPARE(posts, 1);
}

void TestCentralContract::endpointsInventoryIsolationScan()
{
    QVERIFY(!m_tenants.isEmpty());
    const EndpointsApi api = m_client->endpoints(m_tenants[0]);
    PageCollector<domain::Endpoint> list;
    EndpointFilter filter;
    filter.pageSize = 2;
    api.list(filter, this, list.onPage<Page<domain::Endpoint>>(), list.finished.callback());
    QVERIFY(wait(list.finished));
    QVERIFY2(list.finished.result().ok(), qPrintable(describe(list.finished.result())));
    QVERIFY(list.pages.size() >= 3);
    const domain::Endpoint first = list.all().first();
    QCOMPARE(first.tenantId, m_tenants[0].id);

    Await<domain::Endpoint> one;
    api.get(first.id, this, one.callback());
    Await<domain::IsolationState> isolate;
    api.setIsolation(first.id,
                     true,
                     QStringLiteral("containment for case 4711"),
                     this,
                     isolate.callback());
    QVERIFY(wait(one) && wait(isolate));
    QCOMPARE(one.result()->hostname, first.hostname);
    QVERIFY2(isolate.result().ok(), qPrintable(describe(isolate.result())));

    Await<domain::IsolationState> status;
    api.isolation(first.id, this, status.callback());
    QVERIFY(wait(status));
    QVERIFY(status.result()->enabled);
    QCOMPARE(status.result()->comment, QStringLiteral("containment for case 4711"));

    Await<QJsonArray> bulk;
    api.setIsolationBulk({first.id}, false, QStringLiteral("released"), this, bulk.callback());
    QVERIFY(wait(bulk));
    QVERIFY2(bulk.result().ok(), qPrintable(describe(bulk.result())));
    Await<domain::IsolationState> after;
    api.isolation(first.id, this, after.callback());
    QVERIFY(wait(after));
    QVERIFY(!after.result()->enabled);

    Await<domain::ScanRequest> scan;
    api.scan(first.id, this, scan.callback());
    QVERIFY(wait(scan));
    QVERIFY2(scan.result().ok(), qPrintable(describe(scan.result())));
    QVERIFY(!scan.result()->status.isEmpty());
}

void TestCentralContract::casesReadAndUpdate()
{
    QVERIFY(!m_tenants.isEmpty());
    const CasesApi api = m_client->cases(m_tenants[0]);
    PageCollector<domain::Case> list;
    CaseFilter filter;
    filter.pageSize = 1;
    api.list(filter, this, list.onPage<Page<domain::Case>>(), list.finished.callback());
    QVERIFY(wait(list.finished));
    QVERIFY2(list.finished.result().ok(), qPrintable(describe(list.finished.result())));
    QVERIFY(!list.all().isEmpty());
    QCOMPARE(list.pages.size(), list.all().size()); // one case per page
    const domain::Case first = list.all().first();

    CaseUpdate update;
    update.status = QStringLiteral("onHold");
    update.overview = QStringLiteral("Waiting for the customer's answer.");
    Await<domain::Case> updated;
    api.update(first.id, update, this, updated.callback());
    QVERIFY(wait(updated));
    QVERIFY2(updated.result().ok(), qPrintable(describe(updated.result())));
    Await<domain::Case> reread;
    api.get(first.id, this, reread.callback());
    QVERIFY(wait(reread));
    QCOMPARE(reread.result()->status, QStringLiteral("onHold"));
    QCOMPARE(reread.result()->overview, *update.overview);

    PageCollector<domain::Detection> detections;
    api.detections(first.id,
                   this,
                   detections.onPage<Page<domain::Detection>>(),
                   detections.finished.callback());
    PageCollector<domain::ImpactedEntity> entities;
    api.impactedEntities(first.id,
                         this,
                         entities.onPage<Page<domain::ImpactedEntity>>(),
                         entities.finished.callback());
    Await<domain::MitreSummary> mitre;
    api.mitreSummary(first.id, this, mitre.callback());
    QVERIFY(wait(detections.finished) && wait(entities.finished) && wait(mitre));
    QVERIFY2(detections.finished.result().ok(), qPrintable(describe(detections.finished.result())));
    QVERIFY2(entities.finished.result().ok(), qPrintable(describe(entities.finished.result())));
    QVERIFY2(mitre.result().ok(), qPrintable(describe(mitre.result())));
    QCOMPARE(detections.finished.result().value(), first.detectionCount);
}

void TestCentralContract::liveDiscoverRun()
{
    QVERIFY(!m_tenants.isEmpty());
    const QueryRunsApi api = m_client->liveDiscover(m_tenants[0]);
    Await<domain::QueryRun> created;
    api.createLiveDiscover(QStringLiteral("processes"),
                           QStringLiteral("SELECT name, pid FROM processes"),
                           {},
                           this,
                           created.callback());
    QVERIFY(wait(created));
    QVERIFY2(created.result().ok(), qPrintable(describe(created.result())));
    Await<domain::QueryRun> finished;
    api.waitUntilFinished(created.result()->id, 100, 200, this, finished.callback());
    QVERIFY(wait(finished));
    QVERIFY2(finished.result().ok(), qPrintable(describe(finished.result())));
    QVERIFY(finished.result()->finished());
    PageCollector<domain::QueryRow> rows;
    api.results(created.result()->id,
                1000,
                this,
                rows.onPage<Page<domain::QueryRow>>(),
                rows.finished.callback());
    QVERIFY(wait(rows.finished));
    QVERIFY2(rows.finished.result().ok(), qPrintable(describe(rows.finished.result())));
}

void TestCentralContract::dataLakeRun()
{
    QVERIFY(!m_tenants.isEmpty());
    const QueryRunsApi api = m_client->dataLake(m_tenants[0]);
    Await<domain::QueryRun> created;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    api.createDataLake(QStringLiteral("select meta_hostname from \"xdr_data\" limit 10"),
                       now.addDays(-1),
                       now,
                       this,
                       created.callback());
    QVERIFY(wait(created));
    QVERIFY2(created.result().ok(), qPrintable(describe(created.result())));
    Await<domain::QueryRun> finished;
    api.waitUntilFinished(created.result()->id, 100, 200, this, finished.callback());
    QVERIFY(wait(finished));
    QVERIFY2(finished.result().ok(), qPrintable(describe(finished.result())));
    PageCollector<domain::QueryRow> rows;
    api.results(created.result()->id,
                1000,
                this,
                rows.onPage<Page<domain::QueryRow>>(),
                rows.finished.callback());
    QVERIFY(wait(rows.finished));
    QVERIFY2(rows.finished.result().ok(), qPrintable(describe(rows.finished.result())));
}

void TestCentralContract::siemEventsCursorAndResume()
{
    QVERIFY(!m_tenants.isEmpty());
    const SiemApi api = m_client->siem(m_tenants[2]);
    PageCollector<domain::SiemEvent> first;
    api.drainEvents({},
                    100,
                    this,
                    first.onPage<Page<domain::SiemEvent>>(),
                    first.finished.callback());
    QVERIFY(wait(first.finished));
    QVERIFY2(first.finished.result().ok(), qPrintable(describe(first.finished.result())));
    QVERIFY2(first.pages.size() >= 3, qPrintable(QString::number(first.pages.size())));
    QSet<QString> ids;
    for (const domain::SiemEvent& e : first.all()) {
        QCOMPARE(e.tenantId, m_tenants[2].id);
        QVERIFY(!ids.contains(e.id));
        ids.insert(e.id);
    }
    for (const QString& cursor : std::as_const(first.cursors)) {
        QVERIFY(!cursor.isEmpty());
    }

    // A restart with the saved cursor: no duplicates of what was already read.
    PageCollector<domain::SiemEvent> resumed;
    api.drainEvents({first.cursors.last(), {}},
                    100,
                    this,
                    resumed.onPage<Page<domain::SiemEvent>>(),
                    resumed.finished.callback());
    QVERIFY(wait(resumed.finished));
    QVERIFY2(resumed.finished.result().ok(), qPrintable(describe(resumed.finished.result())));
    for (const domain::SiemEvent& e : resumed.all()) {
        QVERIFY2(!ids.contains(e.id), "resuming from the saved cursor repeated an event");
    }
    QVERIFY(!resumed.cursors.last().isEmpty());
}

void TestCentralContract::siemAlerts()
{
    QVERIFY(!m_tenants.isEmpty());
    Await<Page<domain::Alert>> page;
    m_client->siem(m_tenants[0])
        .alertsPage({{}, QDateTime::currentDateTimeUtc().addSecs(-12 * 3600)},
                    200,
                    this,
                    page.callback());
    QVERIFY(wait(page));
    QVERIFY2(page.result().ok(), qPrintable(describe(page.result())));
    QVERIFY(!page.result()->info.nextCursor.isEmpty());
    for (const domain::Alert& a : page.result()->items) {
        QCOMPARE(a.tenantId, m_tenants[0].id);
    }
}

QTEST_GUILESS_MAIN(TestCentralContract)
#include "TestCentralContract.moc"
