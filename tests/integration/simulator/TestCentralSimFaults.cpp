// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// central-sim over real sockets (plain HTTP): every fault kind through /_sim/faults, and the
/// request log of /_sim/requests.

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

/// The tests share one simulator with the demo data only.
class TestCentralSimFaults : public QObject
{
    Q_OBJECT

private:
    SimHarness m_sim;
    QByteArray m_token;

    Headers tenant(const QString& id) const
    {
        return m_sim.tenantHeaders(m_token, id);
    }

    void addFault(const QJsonObject& rule)
    {
        QVERIFY(m_sim.addFault(rule));
    }

private slots:

    void initTestCase()
    {
        QVERIFY(m_sim.start({QStringLiteral("--http"),

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

    void faultLatency()
    {
        addFault({{QStringLiteral("path"), QStringLiteral("/whoami")},
                  {QStringLiteral("kind"), QStringLiteral("latency")},
                  {QStringLiteral("ms"), 600},
                  {QStringLiteral("count"), 1}});
        const Headers bearer{{"Authorization", "Bearer " + m_token}};
        const Reply slow = m_sim.call("GET", QStringLiteral("/whoami/v1"), bearer);
        QCOMPARE(slow.status, 200);
        QVERIFY2(slow.elapsedMs >= 550, qPrintable(QString::number(slow.elapsedMs)));
        const Reply fast = m_sim.call("GET", QStringLiteral("/whoami/v1"), bearer);
        QVERIFY2(fast.elapsedMs < 550, qPrintable(QString::number(fast.elapsedMs)));
    }

    void faultStatus()
    {
        addFault({{QStringLiteral("method"), QStringLiteral("GET")},
                  {QStringLiteral("path"), QStringLiteral("/common/v1/alerts")},
                  {QStringLiteral("kind"), QStringLiteral("status")},
                  {QStringLiteral("status"), 429},
                  {QStringLiteral("retryAfter"), 2},
                  {QStringLiteral("skip"), 1},
                  {QStringLiteral("count"), 2}});
        QList<int> statuses;
        for (int n = 0; n < 4; ++n) {
            const Reply reply =
                m_sim.call("GET", QStringLiteral("/common/v1/alerts?pageSize=1"), tenant(TenantA));
            statuses.append(reply.status);
            if (reply.status == 429) {
                QCOMPARE(reply.header("Retry-After"), QByteArray("2"));
                QCOMPARE(str(reply.json()[QLatin1String("error")]),
                         QStringLiteral("tooManyRequests"));
            }
        }
        QCOMPARE(statuses, (QList<int>{200, 429, 429, 200}));

        addFault({{QStringLiteral("path"), QStringLiteral("/endpoint/")},
                  {QStringLiteral("kind"), QStringLiteral("status")},
                  {QStringLiteral("status"), 503},
                  {QStringLiteral("emptyBody"), true},
                  {QStringLiteral("count"), 1}});
        const Reply empty =
            m_sim.call("GET", QStringLiteral("/endpoint/v1/endpoints"), tenant(TenantA));
        QCOMPARE(empty.status, 503);
        QVERIFY(empty.body.isEmpty());
        QVERIFY(empty.header("Retry-After").isNull());

        addFault({{QStringLiteral("path"), QStringLiteral("/api/v2/oauth2/token")},
                  {QStringLiteral("kind"), QStringLiteral("status")},
                  {QStringLiteral("status"), 500},
                  {QStringLiteral("count"), 1}});
        const Reply token = m_sim.call("POST",
                                       QStringLiteral("/api/v2/oauth2/token"),
                                       {},
                                       "grant_type=client_credentials",
                                       "application/x-www-form-urlencoded");
        QCOMPARE(token.status, 500);
        QVERIFY(token.json().contains(QLatin1String("errorCode")));
        QVERIFY(token.json().contains(QLatin1String("trackingId")));
    }

    void faultExpireToken()
    {
        const QByteArray old = m_sim.token();
        addFault({{QStringLiteral("path"), QStringLiteral("/whoami")},
                  {QStringLiteral("kind"), QStringLiteral("expireToken")},
                  {QStringLiteral("count"), 1}});
        const Reply expired =
            m_sim.call("GET", QStringLiteral("/whoami/v1"), {{"Authorization", "Bearer " + old}});
        QCOMPARE(expired.status, 401);
        QCOMPARE(str(expired.json()[QLatin1String("error")]), QStringLiteral("Unauthorized"));
        QVERIFY(expired.json().contains(QLatin1String("correlationId")));
        QCOMPARE(
            m_sim.call("GET", QStringLiteral("/endpoint/v1/endpoints"), tenant(TenantA)).status,
            401);
        m_token = m_sim.token();
        QCOMPARE(
            m_sim.call("GET", QStringLiteral("/endpoint/v1/endpoints"), tenant(TenantA)).status,
            200);
    }

    void faultDropAfterApply()
    {
        const QString endpoint = m_sim.endpointIds(m_token, TenantB).at(0);
        const QString isolation =
            QStringLiteral("/endpoint/v1/endpoints/%1/isolation").arg(endpoint);
        QCOMPARE(
            m_sim.call("GET", isolation, tenant(TenantB)).json()[QLatin1String("enabled")].toBool(),
            false);
        // QNetworkAccessManager resends a request once when the connection closes before any
        // answer. With count=2 both attempts are dropped and the client sees the error.
        addFault({{QStringLiteral("method"), QStringLiteral("PATCH")},
                  {QStringLiteral("path"), QStringLiteral("/endpoint/v1/endpoints/")},
                  {QStringLiteral("kind"), QStringLiteral("dropAfterApply")},
                  {QStringLiteral("count"), 2}});
        QCOMPARE(m_sim.call("DELETE", QStringLiteral("/_sim/requests")).status, 200);
        const Reply dropped = m_sim.call("PATCH",
                                         isolation,
                                         tenant(TenantB),
                                         "{\"enabled\":true,\"comment\":\"drop\"}");
        QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(dropped.status, 0);
        QCOMPARE(
            m_sim.call("GET", isolation, tenant(TenantB)).json()[QLatin1String("enabled")].toBool(),
            true);
        QJsonArray log = m_sim.call("GET", QStringLiteral("/_sim/requests")).items();
        QCOMPARE(log.size(), 3);
        for (int n = 0; n < 2; ++n) {
            QCOMPARE(str(log.at(n)[QLatin1String("method")]), QStringLiteral("PATCH"));
            QCOMPARE(log.at(n)[QLatin1String("status")].toInt(), 0);
        }

        // With count=1 the client's silent resend succeeds: the write reached the server twice.
        addFault({{QStringLiteral("method"), QStringLiteral("PATCH")},
                  {QStringLiteral("path"), QStringLiteral("/endpoint/v1/endpoints/")},
                  {QStringLiteral("kind"), QStringLiteral("dropAfterApply")},
                  {QStringLiteral("count"), 1}});
        QCOMPARE(m_sim.call("DELETE", QStringLiteral("/_sim/requests")).status, 200);
        const Reply resent = m_sim.call("PATCH", isolation, tenant(TenantB), "{\"enabled\":false}");
        QCOMPARE(resent.error, QNetworkReply::NoError);
        log = m_sim.call("GET", QStringLiteral("/_sim/requests")).items();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0)[QLatin1String("status")].toInt(), 0);
        QCOMPARE(log.at(1)[QLatin1String("status")].toInt(), 200);
        QCOMPARE(log.at(0)[QLatin1String("bodyDigest")], log.at(1)[QLatin1String("bodyDigest")]);
    }

    void faultNoZ()
    {
        static const QRegularExpression withoutZ(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$"));
        addFault({{QStringLiteral("path"), QStringLiteral("/common/v1/alerts")},
                  {QStringLiteral("kind"), QStringLiteral("noZ")}});
        const Reply reply =
            m_sim.call("GET", QStringLiteral("/common/v1/alerts?pageSize=20"), tenant(TenantA));
        for (const QJsonValue& alert : reply.items())
            QVERIFY2(withoutZ.match(str(alert[QLatin1String("raisedAt")])).hasMatch(),
                     qPrintable(str(alert[QLatin1String("raisedAt")])));
        QCOMPARE(m_sim.call("DELETE", QStringLiteral("/_sim/faults"))
                     .json()[QLatin1String("rules")]
                     .toArray()
                     .size(),
                 0);
        const Reply normal =
            m_sim.call("GET", QStringLiteral("/common/v1/alerts?pageSize=1"), tenant(TenantA));
        QVERIFY(str(normal.items().at(0)[QLatin1String("raisedAt")]).endsWith(QLatin1Char('Z')));
    }

    void faultControl()
    {
        QCOMPARE(m_sim
                     .call("POST",
                           QStringLiteral("/_sim/faults"),
                           {},
                           "{\"rules\":[{\"kind\":\"explode\"}]}")
                     .status,
                 400);
        QCOMPARE(m_sim
                     .call("POST",
                           QStringLiteral("/_sim/faults"),
                           {},
                           "{\"rules\":[{\"kind\":\"status\",\"status\":299}]}")
                     .status,
                 400);
        addFault({{QStringLiteral("kind"), QStringLiteral("latency")}, {QStringLiteral("ms"), 1}});
        const QJsonArray rules = m_sim.call("GET", QStringLiteral("/_sim/faults"))
                                     .json()[QLatin1String("rules")]
                                     .toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(str(rules.at(0)[QLatin1String("kind")]), QStringLiteral("latency"));
    }

    void requestLog()
    {
        QCOMPARE(m_sim.call("DELETE", QStringLiteral("/_sim/requests")).items().size(), 0);
        const QByteArray body = "{\"name\":\"Log-Test äöü\"}";
        QCOMPARE(
            m_sim.call("POST", QStringLiteral("/cases/v1/cases"), tenant(TenantC), body).status,
            201);
        QCOMPARE(m_sim
                     .call("GET",
                           QStringLiteral("/common/v1/alerts?pageSize=2&severity=high"),
                           tenant(TenantC))
                     .status,
                 200);
        QCOMPARE(
            m_sim.call("GET", QStringLiteral("/common/v1/alerts"), {{"Authorization", "Bearer x"}})
                .status,
            401);
        const QJsonArray log = m_sim.call("GET", QStringLiteral("/_sim/requests")).items();
        QCOMPARE(log.size(), 3);
        const QJsonObject write = log.at(0).toObject();
        QCOMPARE(str(write[QLatin1String("method")]), QStringLiteral("POST"));
        QCOMPARE(str(write[QLatin1String("path")]), QStringLiteral("/cases/v1/cases"));
        QCOMPARE(str(write[QLatin1String("tenant")]), TenantC);
        QCOMPARE(write[QLatin1String("status")].toInt(), 201);
        QCOMPARE(str(write[QLatin1String("bodyDigest")]),
                 QString::fromLatin1(
                     QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(str(write[QLatin1String("body")]), QString::fromUtf8(body));
        const QJsonObject read = log.at(1).toObject();
        QVERIFY(read[QLatin1String("seq")].toInt() > write[QLatin1String("seq")].toInt());
        QCOMPARE(str(read[QLatin1String("query")]), QStringLiteral("pageSize=2&severity=high"));
        QVERIFY(!read.contains(QLatin1String("body")));
        QCOMPARE(log.at(2)[QLatin1String("status")].toInt(), 401);
        QCOMPARE(str(log.at(2)[QLatin1String("tenant")]), QString());

        QVERIFY(!m_sim.token().isEmpty());
        const QJsonArray afterToken = m_sim.call("GET", QStringLiteral("/_sim/requests")).items();
        QVERIFY(
            !str(afterToken.last()[QLatin1String("body")]).contains(QLatin1String("demo-secret")));
    }
};

QTEST_GUILESS_MAIN(TestCentralSimFaults)
#include "TestCentralSimFaults.moc"
