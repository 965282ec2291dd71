// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// central-sim over real sockets (plain HTTP): tokens, whoami, authorisation, the three paging
/// styles and tenant isolation.

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
class TestCentralSimApi : public QObject
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

    void tokenEndpoint()
    {
        const QByteArray form = "grant_type=client_credentials&client_id=demo-client&client_secret="
                                "demo-secret&scope=token";
        const Reply ok = m_sim.call("POST",
                                    QStringLiteral("/api/v2/oauth2/token"),
                                    {},
                                    form,
                                    "application/x-www-form-urlencoded");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json()[QLatin1String("expires_in")].toInt(), 3600);
        QCOMPARE(str(ok.json()[QLatin1String("token_type")]), QStringLiteral("bearer"));
        QCOMPARE(str(ok.json()[QLatin1String("errorCode")]), QStringLiteral("success"));
        QVERIFY(!str(ok.json()[QLatin1String("refresh_token")]).isEmpty());

        const Reply bad =
            m_sim.call("POST",
                       QStringLiteral("/api/v2/oauth2/token"),
                       {},
                       "grant_type=client_credentials&client_id=demo-client&client_secret=nope",
                       "application/x-www-form-urlencoded");
        QCOMPARE(bad.status, 401);
        QCOMPARE(str(bad.json()[QLatin1String("errorCode")]),
                 QStringLiteral("oauth.invalid_client_secret"));
        QVERIFY(!str(bad.json()[QLatin1String("trackingId")]).isEmpty());
        QVERIFY(!bad.json().contains(QLatin1String("error")));
        QCOMPARE(m_sim.token(QStringLiteral("demo-client"), QStringLiteral("wrong")), QByteArray());

        const Reply grant =
            m_sim.call("POST",
                       QStringLiteral("/api/v2/oauth2/token"),
                       {},
                       "grant_type=password&client_id=demo-client&client_secret=demo-secret",
                       "application/x-www-form-urlencoded");
        QCOMPARE(grant.status, 400);
    }

    void whoamiPartner()
    {
        const Reply reply = m_sim.call("GET",
                                       QStringLiteral("/whoami/v1"),
                                       {{"Authorization", "Bearer " + m_token}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(str(reply.json()[QLatin1String("idType")]), QStringLiteral("partner"));
        QCOMPARE(str(reply.json()[QLatin1String("id")]), PartnerId);
        QCOMPARE(str(reply.json()[QLatin1String("apiHosts")][QLatin1String("global")]),
                 m_sim.baseUrl);

        const Reply tenants = m_sim.call(
            "GET",
            QStringLiteral("/partner/v1/tenants/") + TenantB,
            {{"Authorization", "Bearer " + m_token}, {"X-Partner-ID", PartnerId.toLatin1()}});
        QCOMPARE(tenants.status, 200);
        QCOMPARE(str(tenants.json()[QLatin1String("apiHost")]), m_sim.baseUrl);
        QCOMPARE(str(tenants.json()[QLatin1String("partner")][QLatin1String("id")]), PartnerId);
    }

    void authorisation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("bearer");
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<int>("status");
        const QByteArray good = "good";
        QTest::addRow("no-bearer") << "/common/v1/alerts" << QByteArray()
                                   << QByteArray("X-Tenant-ID") << TenantA.toLatin1() << 401;
        QTest::addRow("unknown-bearer") << "/common/v1/alerts" << QByteArray("abc")
                                        << QByteArray("X-Tenant-ID") << TenantA.toLatin1() << 401;
        QTest::addRow("no-tenant-header")
            << "/common/v1/alerts" << good << QByteArray() << QByteArray() << 401;
        QTest::addRow("tenant-not-uuid") << "/siem/v1/events" << good << QByteArray("X-Tenant-ID")
                                         << QByteArray("contoso") << 401;
        QTest::addRow("foreign-tenant")
            << "/endpoint/v1/endpoints" << good << QByteArray("X-Tenant-ID")
            << QByteArray("00000000-1111-2222-3333-444444444444") << 403;
        QTest::addRow("no-partner-header")
            << "/partner/v1/tenants" << good << QByteArray() << QByteArray() << 401;
        QTest::addRow("wrong-partner")
            << "/partner/v1/tenants" << good << QByteArray("X-Partner-ID")
            << QByteArray("00000000-1111-2222-3333-444444444444") << 403;
        QTest::addRow("whoami-no-bearer")
            << "/whoami/v1" << QByteArray() << QByteArray() << QByteArray() << 401;
    }

    void authorisation()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, bearer);
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(int, status);
        Headers headers;
        if (!bearer.isEmpty())
            headers.append({"Authorization", "Bearer " + (bearer == "good" ? m_token : bearer)});
        if (!headerName.isEmpty())
            headers.append({headerName, headerValue});
        const Reply reply = m_sim.call("GET", path, headers);
        QCOMPARE(reply.status, status);
        for (const char* key : {"error", "message", "correlationId", "requestId"})
            QVERIFY2(reply.json().contains(QLatin1String(key)), key);
    }

    void keyPagingAlerts()
    {
        const Reply first =
            m_sim.call("GET",
                       QStringLiteral("/common/v1/alerts?pageSize=1000&pageTotal=true"),
                       tenant(TenantA));
        QCOMPARE(first.status, 200);
        const QJsonObject pages = first.json()[QLatin1String("pages")].toObject();
        QCOMPARE(pages[QLatin1String("items")].toInt(), 5008);
        QCOMPARE(pages[QLatin1String("total")].toInt(), 6);
        QCOMPARE(pages[QLatin1String("maxSize")].toInt(), 1000);
        QCOMPARE(first.items().size(), 1000);

        const QString next = str(pages[QLatin1String("nextKey")]);
        const Reply second =
            m_sim.call("GET",
                       QStringLiteral("/common/v1/alerts?pageSize=1000&pageFromKey=") + next,
                       tenant(TenantA));
        QVERIFY(!second.json()[QLatin1String("pages")].toObject().contains(QLatin1String("total")));
        QVERIFY(!second.json()[QLatin1String("pages")].toObject().contains(QLatin1String("items")));
        QCOMPARE(str(second.json()[QLatin1String("pages")][QLatin1String("fromKey")]), next);

        int pageCount = 0;
        const QJsonArray all = m_sim.allAlerts(m_token, TenantA, &pageCount);
        QCOMPARE(pageCount, 6);
        QCOMPARE(all.size(), 5008);
        QSet<QString> ids;
        QString previous = QStringLiteral("9999");
        for (const QJsonValue& alert : all) {
            ids.insert(str(alert[QLatin1String("id")]));
            const QString raised = str(alert[QLatin1String("raisedAt")]);
            QVERIFY2(raised <= previous, qPrintable(raised));
            previous = raised;
        }
        QCOMPARE(ids.size(), 5008);
        QCOMPARE(m_sim
                     .call("GET",
                           QStringLiteral("/common/v1/alerts?pageFromKey=garbage"),
                           tenant(TenantA))
                     .status,
                 400);
    }

    void keyPagingEndpoints()
    {
        QStringList seen;
        QString key;
        int pages = 0;
        do {
            const Reply reply = m_sim.call(
                "GET",
                QStringLiteral("/endpoint/v1/endpoints?pageSize=2&pageTotal=true")
                    + (key.isEmpty() ? QString() : QStringLiteral("&pageFromKey=") + key),
                tenant(TenantA));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json()[QLatin1String("pages")][QLatin1String("total")].toInt(), 3);
            for (const QJsonValue& e : reply.items())
                seen.append(str(e[QLatin1String("id")]));
            key = str(reply.json()[QLatin1String("pages")][QLatin1String("nextKey")]);
            ++pages;
        } while (!key.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 5);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 5);
    }

    void pageSizeLimits_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("alerts") << "/common/v1/alerts?pageSize=1001";
        QTest::addRow("endpoints") << "/endpoint/v1/endpoints?pageSize=501";
        QTest::addRow("cases") << "/cases/v1/cases?pageSize=101";
        QTest::addRow("siem") << "/siem/v1/events?limit=1001";
        QTest::addRow("zero") << "/common/v1/alerts?pageSize=0";
    }

    void pageSizeLimits()
    {
        QFETCH(QString, path);
        const Reply reply = m_sim.call("GET", path, tenant(TenantA));
        QCOMPARE(reply.status, 400);
        QCOMPARE(str(reply.json()[QLatin1String("error")]), QStringLiteral("badRequest"));
    }

    void pageNumberPaging()
    {
        const Headers partner{{"Authorization", "Bearer " + m_token},
                              {"X-Partner-ID", PartnerId.toLatin1()}};
        QStringList ids;
        for (int page = 1; page <= 3; ++page) {
            const Reply reply = m_sim.call(
                "GET",
                QStringLiteral("/partner/v1/tenants?pageSize=1&pageTotal=true&page=%1").arg(page),
                partner);
            QCOMPARE(reply.status, 200);
            const QJsonObject pages = reply.json()[QLatin1String("pages")].toObject();
            QCOMPARE(pages[QLatin1String("current")].toInt(), page);
            QCOMPARE(pages[QLatin1String("total")].toInt(), 3);
            QCOMPARE(pages[QLatin1String("items")].toInt(), 3);
            QCOMPARE(reply.items().size(), 1);
            ids.append(str(reply.items()[0][QLatin1String("id")]));
        }
        QCOMPARE(ids, (QStringList{TenantA, TenantB, TenantC}));
        const Reply past =
            m_sim.call("GET", QStringLiteral("/partner/v1/tenants?pageSize=1&page=4"), partner);
        QCOMPARE(past.items().size(), 0);
        QVERIFY(!past.json()[QLatin1String("pages")].toObject().contains(QLatin1String("total")));

        QStringList detections;
        for (int page = 1; page <= 3; ++page) {
            const Reply reply = m_sim.call(
                "GET",
                QStringLiteral("/cases/v1/cases/%1/detections?pageSize=3&page=%2&pageTotal=true")
                    .arg(MdrCase)
                    .arg(page),
                tenant(TenantA));
            QCOMPARE(reply.json()[QLatin1String("pages")][QLatin1String("items")].toInt(), 7);
            for (const QJsonValue& d : reply.items())
                detections.append(str(d[QLatin1String("id")]));
        }
        QCOMPARE(detections.size(), 7);
    }

    void siemCursorPaging()
    {
        QString cursor;
        int pages = 0;
        int count = 0;
        bool more = true;
        QString previous;
        while (more && pages < 20) {
            const Reply reply = m_sim.call(
                "GET",
                QStringLiteral("/siem/v1/events?limit=1000&from_date_offset_minutes=5")
                    + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                tenant(TenantB));
            QCOMPARE(reply.status, 200);
            more = reply.json()[QLatin1String("has_more")].toBool();
            cursor = str(reply.json()[QLatin1String("next_cursor")]);
            QVERIFY(!cursor.isEmpty());
            QVERIFY(QByteArray::fromBase64Encoding(cursor.toLatin1(),
                                                   QByteArray::AbortOnBase64DecodingErrors));
            for (const QJsonValue& event : reply.items()) {
                QVERIFY(str(event[QLatin1String("created_at")]) >= previous);
                previous = str(event[QLatin1String("created_at")]);
            }
            count += int(reply.items().size());
            ++pages;
        }
        QVERIFY(pages >= 4);
        QCOMPARE(count, 3000 + 11);
        // At the end: no items, has_more false, and still a cursor to resume from.
        const Reply end =
            m_sim.call("GET", QStringLiteral("/siem/v1/events?cursor=") + cursor, tenant(TenantB));
        QCOMPARE(end.items().size(), 0);
        QCOMPARE(end.json()[QLatin1String("has_more")].toBool(), false);
        QVERIFY(!str(end.json()[QLatin1String("next_cursor")]).isEmpty());
        // from_date is ignored when a cursor is given (this one alone would be a 400).
        QCOMPARE(m_sim
                     .call("GET",
                           QStringLiteral("/siem/v1/events?from_date=1000&cursor=") + cursor,
                           tenant(TenantB))
                     .status,
                 200);
        QCOMPARE(
            m_sim.call("GET", QStringLiteral("/siem/v1/events?from_date=1000"), tenant(TenantB))
                .status,
            400);
        // A cursor of another tenant is refused.
        QCOMPARE(
            m_sim.call("GET", QStringLiteral("/siem/v1/events?cursor=") + cursor, tenant(TenantA))
                .status,
            400);

        const QString excluded =
            QStringLiteral("Event::Endpoint::UpdateSuccess,Event::Endpoint::WebControlViolation");
        const Reply filtered =
            m_sim.call("GET",
                       QStringLiteral("/siem/v1/events?limit=1000&exclude_types=") + excluded,
                       tenant(TenantB));
        QCOMPARE(filtered.items().size(), 1000);
        for (const QJsonValue& event : filtered.items())
            QVERIFY(!excluded.contains(str(event[QLatin1String("type")])));

        const Reply alerts =
            m_sim.call("GET", QStringLiteral("/siem/v1/alerts?limit=1000"), tenant(TenantB));
        QCOMPARE(alerts.status, 200);
        QVERIFY(alerts.json()[QLatin1String("has_more")].toBool());
    }

    void tenantIsolation()
    {
        QSet<QString> seenAlertIds;
        for (const QString& id : {TenantA, TenantB, TenantC}) {
            const QStringList endpoints = m_sim.endpointIds(m_token, id);
            QCOMPARE(endpoints.size(), 5);
            const QJsonArray alerts = m_sim.allAlerts(m_token, id);
            QCOMPARE(alerts.size(), 5008);
            for (const QJsonValue& alert : alerts) {
                QCOMPARE(str(alert[QLatin1String("tenant")][QLatin1String("id")]), id);
                const QString agent =
                    str(alert[QLatin1String("managedAgent")][QLatin1String("id")]);
                QVERIFY2(agent.isEmpty() || endpoints.contains(agent), qPrintable(agent));
                const QString alertId = str(alert[QLatin1String("id")]);
                QVERIFY2(!seenAlertIds.contains(alertId), qPrintable(alertId));
                seenAlertIds.insert(alertId);
            }
            const Reply events =
                m_sim.call("GET", QStringLiteral("/siem/v1/events?limit=1000"), tenant(id));
            for (const QJsonValue& event : events.items()) {
                QCOMPARE(str(event[QLatin1String("customer_id")]), id);
                QVERIFY(endpoints.contains(str(event[QLatin1String("endpoint_id")])));
            }
            const Reply siemAlerts =
                m_sim.call("GET", QStringLiteral("/siem/v1/alerts?limit=50"), tenant(id));
            for (const QJsonValue& alert : siemAlerts.items()) {
                QCOMPARE(str(alert[QLatin1String("customer_id")]), id);
                QVERIFY(endpoints.contains(
                    str(alert[QLatin1String("data")][QLatin1String("endpoint_id")])));
            }
            const Reply cases = m_sim.call("GET", QStringLiteral("/cases/v1/cases"), tenant(id));
            QVERIFY(cases.items().size() >= 2);
            for (const QJsonValue& item : cases.items()) {
                QCOMPARE(str(item[QLatin1String("tenant")][QLatin1String("id")]), id);
                const QString caseId = str(item[QLatin1String("id")]);
                const Reply detections =
                    m_sim.call("GET",
                               QStringLiteral("/cases/v1/cases/%1/detections").arg(caseId),
                               tenant(id));
                for (const QJsonValue& d : detections.items())
                    QVERIFY(
                        endpoints.contains(str(d[QLatin1String("device")][QLatin1String("id")])));
            }
        }
        // Another tenant's alert is not found through this tenant.
        const QString alertOfA = str(m_sim.allAlerts(m_token, TenantA).at(0)[QLatin1String("id")]);
        QCOMPARE(m_sim.call("GET", QStringLiteral("/common/v1/alerts/") + alertOfA, tenant(TenantA))
                     .status,
                 200);
        QCOMPARE(m_sim.call("GET", QStringLiteral("/common/v1/alerts/") + alertOfA, tenant(TenantB))
                     .status,
                 404);
        QCOMPARE(
            m_sim.call("GET", QStringLiteral("/cases/v1/cases/") + MdrCase, tenant(TenantC)).status,
            404);
    }
};

QTEST_GUILESS_MAIN(TestCentralSimApi)
#include "TestCentralSimApi.moc"
