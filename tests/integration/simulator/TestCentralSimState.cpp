// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// central-sim over real sockets (plain HTTP): state that lasts for the process: alert actions,
/// isolation, cases, and Live Discover / XDR query runs that progress.

#include "SimHarness.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

using namespace mtr::simulator::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString str(const QJsonValue& value)
{
    return value.toString();
}

} // namespace

/// The tests share one simulator with 5000 generated alerts and 3000 SIEM events per tenant.
class TestCentralSimState : public QObject
{
    Q_OBJECT

private:
    SimHarness m_sim;
    QByteArray m_token;

    Headers tenant(const QString& id) const
    {
        return m_sim.tenantHeaders(m_token, id);
    }

private slots:

    void initTestCase()
    {
        QVERIFY(m_sim.start({QStringLiteral("--http"),
                             QStringLiteral("--alerts"),
                             QStringLiteral("5000"),
                             QStringLiteral("--siem-events"),
                             QStringLiteral("3000"),
                             QStringLiteral("--action-delay"),
                             QStringLiteral("200"),
                             QStringLiteral("--run-duration"),
                             QStringLiteral("60000")}));
        QVERIFY(m_sim.baseUrl.startsWith(QLatin1String("http://127.0.0.1:")));
        m_token = m_sim.token();
        QVERIFY(!m_token.isEmpty());
    }

    void init()
    {
        QVERIFY(m_sim.clearFaults());
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_sim.stop(), 0);
    }

    void alertActionRemovesAlert()
    {
        const QJsonArray alerts =
            m_sim
                .call("GET",
                      QStringLiteral("/common/v1/alerts?category=malware&pageSize=5"),
                      tenant(TenantC))
                .items();
        QVERIFY(!alerts.isEmpty());
        const QString id = str(alerts.at(0)[QLatin1String("id")]);
        const QString path = QStringLiteral("/common/v1/alerts/%1/actions").arg(id);
        QCOMPARE(m_sim.call("POST", path, tenant(TenantC), "{\"action\":\"authPua\"}").status, 400);

        const Reply action = m_sim.call("POST",
                                        path,
                                        tenant(TenantC),
                                        "{\"action\":\"acknowledge\",\"message\":\"geprüft ✓\"}");
        QCOMPARE(action.status, 201);
        QCOMPARE(str(action.json()[QLatin1String("status")]), QStringLiteral("started"));
        QCOMPARE(str(action.json()[QLatin1String("alertId")]), id);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_sim.call("GET", QStringLiteral("/common/v1/alerts/") + id, tenant(TenantC)).status,
            404,
            5000);
        const Reply list = m_sim.call(
            "GET",
            QStringLiteral("/common/v1/alerts?category=malware&pageSize=5&pageTotal=true"),
            tenant(TenantC));
        for (const QJsonValue& alert : list.items())
            QVERIFY(str(alert[QLatin1String("id")]) != id);
        const Reply untouched =
            m_sim.call("GET",
                       QStringLiteral("/common/v1/alerts?pageSize=1&pageTotal=true"),
                       tenant(TenantA));
        QCOMPARE(untouched.json()[QLatin1String("pages")][QLatin1String("items")].toInt(), 5008);
    }

    void isolationChangesEndpoint()
    {
        const QString endpoint = m_sim.endpointIds(m_token, TenantA).at(1);
        const QString isolation =
            QStringLiteral("/endpoint/v1/endpoints/%1/isolation").arg(endpoint);
        const Reply patch = m_sim.call("PATCH",
                                       isolation,
                                       tenant(TenantA),
                                       "{\"enabled\":true,\"comment\":\"Fall 4711\"}");
        QCOMPARE(patch.status, 200);
        QCOMPARE(patch.json()[QLatin1String("enabled")].toBool(), true);
        QCOMPARE(str(patch.json()[QLatin1String("lastEnabledBy")][QLatin1String("accountId")]),
                 PartnerId);
        const Reply isolated = m_sim.call("GET",
                                          QStringLiteral("/endpoint/v1/endpoints/") + endpoint,
                                          tenant(TenantA));
        QCOMPARE(str(isolated.json()[QLatin1String("isolation")][QLatin1String("status")]),
                 QStringLiteral("isolated"));
        QCOMPARE(m_sim
                     .call("GET",
                           QStringLiteral("/endpoint/v1/endpoints?isolationStatus=isolated"),
                           tenant(TenantA))
                     .items()
                     .size(),
                 3);

        const QByteArray bulk =
            QStringLiteral("{\"enabled\":false,\"comment\":\"done\",\"ids\":[\"%1\"]}")
                .arg(endpoint)
                .toUtf8();
        const Reply released = m_sim.call("POST",
                                          QStringLiteral("/endpoint/v1/endpoints/isolation"),
                                          tenant(TenantA),
                                          bulk);
        QCOMPARE(released.status, 202);
        QCOMPARE(str(released.items().at(0)[QLatin1String("id")]), endpoint);
        QCOMPARE(
            m_sim.call("GET", isolation, tenant(TenantA)).json()[QLatin1String("enabled")].toBool(),
            false);
        QCOMPARE(str(m_sim
                         .call("GET",
                               QStringLiteral("/endpoint/v1/endpoints/") + endpoint,
                               tenant(TenantA))
                         .json()[QLatin1String("isolation")][QLatin1String("status")]),
                 QStringLiteral("notIsolated"));
        // Another tenant's endpoint cannot be isolated from here.
        const QByteArray foreign = QStringLiteral("{\"enabled\":true,\"ids\":[\"%1\"]}")
                                       .arg(m_sim.endpointIds(m_token, TenantB).at(0))
                                       .toUtf8();
        QCOMPARE(m_sim
                     .call("POST",
                           QStringLiteral("/endpoint/v1/endpoints/isolation"),
                           tenant(TenantA),
                           foreign)
                     .status,
                 400);
        QCOMPARE(m_sim
                     .call("POST",
                           QStringLiteral("/endpoint/v1/endpoints/%1/scans").arg(endpoint),
                           tenant(TenantA),
                           "{}")
                     .status,
                 201);
    }

    void casesPersist()
    {
        const QString phishing = QStringLiteral("895fd7b3-26b9-4c7f-9118-bb16000f49c8");
        const QString path = QStringLiteral("/cases/v1/cases/") + phishing;
        const Reply patch = m_sim.call("PATCH",
                                       path,
                                       tenant(TenantA),
                                       "{\"status\":\"onHold\",\"assignee\":\"analyst@example."
                                       "com\",\"overview\":\"Wartet auf Rückmeldung\"}");
        QCOMPARE(patch.status, 200);
        const Reply read = m_sim.call("GET", path, tenant(TenantA));
        QCOMPARE(str(read.json()[QLatin1String("status")]), QStringLiteral("onHold"));
        QCOMPARE(str(read.json()[QLatin1String("assignee")][QLatin1String("name")]),
                 QStringLiteral("analyst@example.com"));
        QCOMPARE(str(read.json()[QLatin1String("overview")]),
                 QStringLiteral("Wartet auf Rückmeldung"));
        QCOMPARE(m_sim.call("PATCH", path, tenant(TenantA), "{\"status\":\"bogus\"}").status, 400);
        QCOMPARE(str(m_sim.call("GET", path, tenant(TenantA)).json()[QLatin1String("status")]),
                 QStringLiteral("onHold"));
        QCOMPARE(m_sim.call("GET", QStringLiteral("/cases/v1/cases?status=onHold"), tenant(TenantA))
                     .items()
                     .size(),
                 1);

        const Reply created = m_sim.call("POST",
                                         QStringLiteral("/cases/v1/cases"),
                                         tenant(TenantA),
                                         "{\"name\":\"Test-Fall\",\"severity\":\"low\","
                                         "\"initialDetectionId\":\"2e0cdd5ffec_3bad8fb8f\"}");
        QCOMPARE(created.status, 201);
        const QString id = str(created.json()[QLatin1String("id")]);
        QCOMPARE(created.json()[QLatin1String("detectionCount")].toInt(), 1);
        QCOMPARE(
            m_sim.call("DELETE", QStringLiteral("/cases/v1/cases/") + id, tenant(TenantA)).status,
            204);
        QCOMPARE(m_sim.call("GET", QStringLiteral("/cases/v1/cases/") + id, tenant(TenantA)).status,
                 404);

        const Reply entities = m_sim.call(
            "GET",
            QStringLiteral("/cases/v1/cases/%1/impacted-entities?type=device").arg(MdrCase),
            tenant(TenantA));
        QCOMPARE(entities.items().size(), 2);
        const Reply mitre =
            m_sim.call("GET",
                       QStringLiteral("/cases/v1/cases/%1/mitre-attack-summary").arg(MdrCase),
                       tenant(TenantA));
        QCOMPARE(mitre.json()[QLatin1String("tactics")].toArray().size(), 7);
    }

    void liveDiscoverRunProgresses()
    {
        const Reply created =
            m_sim.call("POST",
                       QStringLiteral("/live-discover/v1/queries/runs"),
                       tenant(TenantA),
                       "{\"adHocQuery\":{\"name\":\"Prozesse\",\"template\":\"SELECT * FROM "
                       "processes\"},\"matchEndpoints\":{\"all\":true}}");
        QCOMPARE(created.status, 201);
        QCOMPARE(str(created.json()[QLatin1String("status")]), QStringLiteral("pending"));
        const QString run = QStringLiteral("/live-discover/v1/queries/runs/")
                            + str(created.json()[QLatin1String("id")]);
        QCOMPARE(m_sim.call("GET", run + QStringLiteral("/results"), tenant(TenantA)).status, 400);
        QStringList statuses;
        for (int poll = 0; poll < 3; ++poll)
            statuses.append(
                str(m_sim.call("GET", run, tenant(TenantA)).json()[QLatin1String("status")]));
        QCOMPARE(statuses,
                 (QStringList{QStringLiteral("pending"),
                              QStringLiteral("pending"),
                              QStringLiteral("finished")}));

        const QStringList endpoints = m_sim.endpointIds(m_token, TenantA);
        QString key;
        int pages = 0;
        int rows = 0;
        do {
            const Reply page = m_sim.call(
                "GET",
                run + QStringLiteral("/results?pageSize=20")
                    + (key.isEmpty() ? QString() : QStringLiteral("&pageFromKey=") + key),
                tenant(TenantA));
            QCOMPARE(page.status, 200);
            QVERIFY(!page.json()[QLatin1String("metadata")][QLatin1String("columns")]
                         .toArray()
                         .isEmpty());
            for (const QJsonValue& row : page.items())
                QVERIFY(endpoints.contains(str(row[QLatin1String("endpointId")])));
            rows += int(page.items().size());
            key = str(page.json()[QLatin1String("pages")][QLatin1String("nextKey")]);
            ++pages;
        } while (!key.isEmpty() && pages < 50);
        QVERIFY(pages >= 3);
        QCOMPARE(
            rows,
            m_sim.call("GET", run, tenant(TenantA)).json()[QLatin1String("resultCount")].toInt());

        const Reply xdr = m_sim.call(
            "POST",
            QStringLiteral("/xdr-query/v1/queries/runs"),
            tenant(TenantA),
            "{\"adHocQuery\":{\"template\":\"select * from \\\"xdr_data\\\" limit 10\"}}");
        QCOMPARE(xdr.status, 201);
        const QString xdrRun =
            QStringLiteral("/xdr-query/v1/queries/runs/") + str(xdr.json()[QLatin1String("id")]);
        QCOMPARE(str(m_sim.call("GET", xdrRun, tenant(TenantA)).json()[QLatin1String("status")]),
                 QStringLiteral("started"));
        QCOMPARE(m_sim.call("GET", QStringLiteral("/xdr-query/v1/queries/runs"), tenant(TenantA))
                     .items()
                     .size(),
                 1);
        const Reply cancelled =
            m_sim.call("POST", xdrRun + QStringLiteral("/cancel"), tenant(TenantA));
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(str(cancelled.json()[QLatin1String("result")]), QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestCentralSimState)
#include "TestCentralSimState.moc"
