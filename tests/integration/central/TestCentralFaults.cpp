// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "Await.h"
#include "SimProcess.h"
#include "central/CentralClient.h"
#include "central/TokenProvider.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace mtr;
using namespace mtr::central;
using namespace mtr::central::test;

namespace {

QJsonObject rule(const char* method, const char* path, const char* kind, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("method"), QLatin1String(method));
    extra.insert(QStringLiteral("path"), QLatin1String(path));
    extra.insert(QStringLiteral("kind"), QLatin1String(kind));
    return extra;
}

} // namespace

/// Faults injected by the simulator: 429 storms, token expiry in the middle of paging, 5xx,
/// empty error bodies, timestamps without Z, and writes whose connection drops after they
/// were applied. Every listing must still yield each alert exactly once.
class TestCentralFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void rateLimitStormWithRetryAfter();
    void rateLimitStormWithoutRetryAfter();
    void tokenExpiryMidPaging();
    void droppedAlertActionIsOutcomeUnknownAndNotRetried();
    void droppedCaseUpdateWasAppliedOnce();
    void serverErrorOnReadRetried();
    void serverErrorOnWriteNotRetried();
    void emptyErrorBody();
    void timestampsWithoutZ();

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

    template <typename T>
    static QString describe(const Result<T>& r)
    {
        return r.ok() ? QString() : r.error().message;
    }

    QList<domain::Alert> listAll(QString* error);
    int countRequests(const QString& method, const QString& pathPart, int status = -1);

    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<CentralClient> m_client;
    domain::Tenant m_tenant;
    QStringList m_baseline; ///< alert ids of m_tenant without faults, in order
};

void TestCentralFaults::initTestCase()
{
    m_sim = std::make_unique<SimProcess>(
        QStringList{QStringLiteral("--alerts"), QStringLiteral("150")});
    const QString error = m_sim->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_client = std::make_unique<CentralClient>(m_sim->config());
    Await<QList<domain::Tenant>> tenants;
    m_client->tenants(this, tenants.callback());
    QVERIFY(wait(tenants));
    QVERIFY2(tenants.result().ok(), qPrintable(describe(tenants.result())));
    m_tenant = tenants.result()->first();

    QString listError;
    for (const domain::Alert& a : listAll(&listError)) {
        m_baseline.append(a.id);
    }
    QVERIFY2(listError.isEmpty(), qPrintable(listError));
    QVERIFY(m_baseline.size() >= 150);
    QCOMPARE(QSet<QString>(m_baseline.begin(), m_baseline.end()).size(), m_baseline.size());
}

void TestCentralFaults::init()
{
    QVERIFY(m_sim->clearFaults());
    QVERIFY(m_sim->clearRequests());
}

QList<domain::Alert> TestCentralFaults::listAll(QString* error)
{
    PageCollector<domain::Alert> got;
    AlertFilter filter;
    filter.pageSize = 25;
    m_client->alerts(m_tenant).list(filter,
                                    this,
                                    got.onPage<Page<domain::Alert>>(),
                                    got.finished.callback());
    if (!wait(got.finished)) {
        *error = QStringLiteral("timed out");
        return {};
    }
    *error = describe(got.finished.result());
    return got.all();
}

int TestCentralFaults::countRequests(const QString& method, const QString& pathPart, int status)
{
    int n = 0;
    for (const QJsonValue& r : m_sim->requests()) {
        if (r[QLatin1String("method")].toString() == method
            && r[QLatin1String("path")].toString().contains(pathPart)
            && (status < 0 || r[QLatin1String("status")].toInt() == status)) {
            ++n;
        }
    }
    return n;
}

void TestCentralFaults::rateLimitStormWithRetryAfter()
{
    QVERIFY(m_sim->setFaults({rule("GET",
                                   "/common/v1/alerts",
                                   "status",
                                   {{QStringLiteral("status"), 429},
                                    {QStringLiteral("retryAfter"), 1},
                                    {QStringLiteral("skip"), 1},
                                    {QStringLiteral("count"), 3}})}));
    QString error;
    QStringList ids;
    for (const domain::Alert& a : listAll(&error)) {
        ids.append(a.id);
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(ids, m_baseline); // every alert exactly once, in order
    QCOMPARE(countRequests(QStringLiteral("GET"), QStringLiteral("/common/v1/alerts"), 429), 3);
}

void TestCentralFaults::rateLimitStormWithoutRetryAfter()
{
    QVERIFY(m_sim->setFaults({rule("GET",
                                   "/common/v1/alerts",
                                   "status",
                                   {{QStringLiteral("status"), 429},
                                    {QStringLiteral("skip"), 2},
                                    {QStringLiteral("count"), 4}})}));
    QString error;
    QStringList ids;
    for (const domain::Alert& a : listAll(&error)) {
        ids.append(a.id);
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(ids, m_baseline);
    QCOMPARE(countRequests(QStringLiteral("GET"), QStringLiteral("/common/v1/alerts"), 429), 4);
}

void TestCentralFaults::tokenExpiryMidPaging()
{
    const int tokensBefore = m_client->tokenProvider()->fetchCount();
    QVERIFY(m_sim->setFaults({rule("GET",
                                   "/common/v1/alerts",
                                   "expireToken",
                                   {{QStringLiteral("skip"), 2}, {QStringLiteral("count"), 1}})}));
    QString error;
    QStringList ids;
    for (const domain::Alert& a : listAll(&error)) {
        ids.append(a.id);
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(ids, m_baseline);
    QCOMPARE(m_client->tokenProvider()->fetchCount(), tokensBefore + 1);
    QCOMPARE(countRequests(QStringLiteral("GET"), QStringLiteral("/common/v1/alerts"), 401), 1);
}

void TestCentralFaults::droppedAlertActionIsOutcomeUnknownAndNotRetried()
{
    Await<domain::Alert> alert;
    m_client->alerts(m_tenant).get(m_baseline.first(), this, alert.callback());
    QVERIFY(wait(alert));
    QVERIFY2(alert.result().ok(), qPrintable(describe(alert.result())));
    QVERIFY(!alert.result()->allowedActions.isEmpty());
    const auto action = AlertsApi::actionFromName(alert.result()->allowedActions.first());
    QVERIFY(action.has_value());

    QVERIFY(m_sim->setFaults(
        {rule("POST", "/common/v1/alerts/", "dropAfterApply", {{QStringLiteral("count"), 1}})}));
    Await<domain::AlertActionResult> acted;
    m_client->alerts(m_tenant).act(alert.result().value(), *action, {}, this, acted.callback());
    QVERIFY(wait(acted));
    QVERIFY(!acted.result().ok());
    QCOMPARE(acted.result().error().code, Error::Code::OutcomeUnknown);
    QCOMPARE(acted.calls(), 1);
    QCOMPARE(countRequests(QStringLiteral("POST"), QStringLiteral("/actions")), 1);
}

void TestCentralFaults::droppedCaseUpdateWasAppliedOnce()
{
    PageCollector<domain::Case> cases;
    m_client->cases(m_tenant).list({},
                                   this,
                                   cases.onPage<Page<domain::Case>>(),
                                   cases.finished.callback());
    QVERIFY(wait(cases.finished));
    QVERIFY(!cases.all().isEmpty());
    const QString caseId = cases.all().first().id;

    QVERIFY(m_sim->setFaults(
        {rule("PATCH", "/cases/v1/cases", "dropAfterApply", {{QStringLiteral("count"), 1}})}));
    CaseUpdate update;
    update.overview = QStringLiteral("Host re-imaged by the customer.");
    Await<domain::Case> updated;
    m_client->cases(m_tenant).update(caseId, update, this, updated.callback());
    QVERIFY(wait(updated));
    QCOMPARE(updated.result().error().code, Error::Code::OutcomeUnknown);
    QCOMPARE(countRequests(QStringLiteral("PATCH"), caseId), 1);

    // The simulator did apply it: a blind retry would have applied it twice.
    Await<domain::Case> reread;
    m_client->cases(m_tenant).get(caseId, this, reread.callback());
    QVERIFY(wait(reread));
    QCOMPARE(reread.result()->overview, *update.overview);
}

void TestCentralFaults::serverErrorOnReadRetried()
{
    QVERIFY(
        m_sim->setFaults({rule("GET",
                               "/endpoint/v1/endpoints",
                               "status",
                               {{QStringLiteral("status"), 503}, {QStringLiteral("count"), 2}})}));
    PageCollector<domain::Endpoint> got;
    m_client->endpoints(m_tenant).list({},
                                       this,
                                       got.onPage<Page<domain::Endpoint>>(),
                                       got.finished.callback());
    QVERIFY(wait(got.finished));
    QVERIFY2(got.finished.result().ok(), qPrintable(describe(got.finished.result())));
    QVERIFY(!got.all().isEmpty());
    QCOMPARE(countRequests(QStringLiteral("GET"), QStringLiteral("/endpoint/v1/endpoints"), 503),
             2);
}

void TestCentralFaults::serverErrorOnWriteNotRetried()
{
    PageCollector<domain::Endpoint> got;
    m_client->endpoints(m_tenant).list({},
                                       this,
                                       got.onPage<Page<domain::Endpoint>>(),
                                       got.finished.callback());
    QVERIFY(wait(got.finished));
    QVERIFY(!got.all().isEmpty());
    const QString id = got.all().first().id;

    QVERIFY(
        m_sim->setFaults({rule("PATCH",
                               "/endpoint/v1/endpoints",
                               "status",
                               {{QStringLiteral("status"), 500}, {QStringLiteral("count"), 1}})}));
    Await<domain::IsolationState> isolate;
    m_client->endpoints(m_tenant).setIsolation(id,
                                               true,
                                               QStringLiteral("c"),
                                               this,
                                               isolate.callback());
    QVERIFY(wait(isolate));
    QCOMPARE(isolate.result().error().code, Error::Code::Server);
    QCOMPARE(isolate.result().error().httpStatus, 500);
    QVERIFY(!isolate.result().error().retryable);
    QCOMPARE(countRequests(QStringLiteral("PATCH"), id), 1);
}

void TestCentralFaults::emptyErrorBody()
{
    QVERIFY(m_sim->setFaults({rule("GET",
                                   "/common/v1/alerts/",
                                   "status",
                                   {{QStringLiteral("status"), 403},
                                    {QStringLiteral("emptyBody"), true},
                                    {QStringLiteral("count"), 1}})}));
    Await<domain::Alert> alert;
    m_client->alerts(m_tenant).get(m_baseline.first(), this, alert.callback());
    QVERIFY(wait(alert));
    QVERIFY(!alert.result().ok());
    QCOMPARE(alert.result().error().code, Error::Code::Forbidden);
    QCOMPARE(alert.result().error().httpStatus, 403);
    QVERIFY(alert.result().error().apiCode.isEmpty());
    QVERIFY(alert.result().error().message.contains(QLatin1String("Partner Assistance")));
}

void TestCentralFaults::timestampsWithoutZ()
{
    Await<domain::Alert> normal;
    m_client->alerts(m_tenant).get(m_baseline.first(), this, normal.callback());
    QVERIFY(wait(normal));
    QVERIFY(m_sim->setFaults({rule("GET", "/common/v1/alerts/", "noZ", {})}));
    Await<domain::Alert> noZ;
    m_client->alerts(m_tenant).get(m_baseline.first(), this, noZ.callback());
    QVERIFY(wait(noZ));
    QVERIFY2(noZ.result().ok(), qPrintable(describe(noZ.result())));
    QVERIFY(!noZ.result()->raw.value(QLatin1String("raisedAt")).toString().endsWith(u'Z'));
    QCOMPARE(noZ.result()->raisedAt, normal.result()->raisedAt);
    QCOMPARE(noZ.result()->raisedAt.timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(TestCentralFaults)
#include "TestCentralFaults.moc"
