// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// central-sim as a program: HTTPS with its own CA (verified with and without trusting it),
/// the CA reused from --data-dir, --caller, --fault on the command line, --help, SIGTERM.

#include "SimHarness.h"

#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>

using namespace mtr::simulator::test;

/// Each test starts its own central-sim with the options under test.
class TestCentralSimCli : public QObject
{
    Q_OBJECT

private:
    static QSslConfiguration trusting(const QString& caFile)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(caFile));
        return config;
    }

private slots:

    void httpsWithCaVerifies()
    {
        QTemporaryDir dir;
        SimHarness sim;
        QVERIFY(sim.start({QStringLiteral("--data-dir"), dir.path()}));
        QVERIFY(sim.baseUrl.startsWith(QLatin1String("https://127.0.0.1:")));
        QCOMPARE(sim.caFile, dir.filePath(QStringLiteral("ca.pem")));
        QCOMPARE(QSslCertificate::fromPath(sim.caFile).size(), 1);

        sim.sslConfiguration = trusting(sim.caFile);
        const QByteArray token = sim.token();
        QVERIFY(!token.isEmpty());
        const Reply whoami =
            sim.call("GET", QStringLiteral("/whoami/v1"), {{"Authorization", "Bearer " + token}});
        QCOMPARE(whoami.error, QNetworkReply::NoError);
        QCOMPARE(str(whoami), sim.baseUrl);

        // localhost is in the certificate too.
        const QString port = sim.baseUrl.section(QLatin1Char(':'), -1);
        sim.baseUrl = QStringLiteral("https://localhost:") + port;
        QCOMPARE(
            sim.call("GET", QStringLiteral("/whoami/v1"), {{"Authorization", "Bearer " + token}})
                .status,
            200);
        QCOMPARE(sim.stop(), 0);

        // A second start reuses the CA in --data-dir, so clients keep trusting it.
        QFile ca(dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(ca.open(QIODevice::ReadOnly));
        const QByteArray before = ca.readAll();
        SimHarness again;
        QVERIFY(again.start({QStringLiteral("--data-dir"), dir.path()}));
        again.sslConfiguration = trusting(again.caFile);
        QVERIFY(!again.token().isEmpty());
        QFile caAfter(again.caFile);
        QVERIFY(caAfter.open(QIODevice::ReadOnly));
        QCOMPARE(caAfter.readAll(), before);
    }

    void httpsWithoutCaFails()
    {
        SimHarness sim;
        QVERIFY(sim.start({}));
        const Reply reply = sim.call("GET", QStringLiteral("/whoami/v1"));
        QCOMPARE(reply.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(reply.status, 0);
        const QString caFile = sim.caFile;
        QVERIFY(QFile::exists(caFile));
        QCOMPARE(sim.stop(), 0);
        QVERIFY2(!QFile::exists(caFile), "the temporary CA folder is removed on SIGTERM");
    }

    void callerTenantAndCommandLineFault()
    {
        SimHarness sim;
        QVERIFY(sim.start(
            {QStringLiteral("--http"),
             QStringLiteral("--caller"),
             QStringLiteral("tenant"),
             QStringLiteral("--client-id"),
             QStringLiteral("ci"),
             QStringLiteral("--client-secret"),
             QStringLiteral("s3cret"),
             QStringLiteral("--fault"),
             QStringLiteral(
                 "kind=status,method=GET,path=/whoami,status=503,retryAfter=1,count=1")}));
        QCOMPARE(sim.token(), QByteArray());
        const QByteArray token = sim.token(QStringLiteral("ci"), QStringLiteral("s3cret"));
        QVERIFY(!token.isEmpty());
        const QJsonArray rules = sim.call("GET", QStringLiteral("/_sim/faults"))
                                     .json()[QLatin1String("rules")]
                                     .toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.at(0)[QLatin1String("status")].toInt(), 503);

        const Headers bearer{{"Authorization", "Bearer " + token}};
        const Reply faulted = sim.call("GET", QStringLiteral("/whoami/v1"), bearer);
        QCOMPARE(faulted.status, 503);
        QCOMPARE(faulted.header("Retry-After"), QByteArray("1"));
        const Reply whoami = sim.call("GET", QStringLiteral("/whoami/v1"), bearer);
        QCOMPARE(whoami.json()[QLatin1String("idType")].toString(), QStringLiteral("tenant"));
        QCOMPARE(whoami.json()[QLatin1String("id")].toString(), TenantA);
        QCOMPARE(whoami.json()[QLatin1String("apiHosts")][QLatin1String("dataRegion")].toString(),
                 sim.baseUrl);
        QCOMPARE(
            sim.call("GET", QStringLiteral("/common/v1/alerts"), sim.tenantHeaders(token, TenantA))
                .status,
            200);
        QCOMPARE(
            sim.call("GET", QStringLiteral("/common/v1/alerts"), sim.tenantHeaders(token, TenantB))
                .status,
            403);
        QCOMPARE(
            sim.call("GET",
                     QStringLiteral("/partner/v1/tenants"),
                     {{"Authorization", "Bearer " + token}, {"X-Partner-ID", PartnerId.toLatin1()}})
                .status,
            403);
    }

    void callerOrganization()
    {
        SimHarness sim;
        QVERIFY(sim.start({QStringLiteral("--http"),
                           QStringLiteral("--caller"),
                           QStringLiteral("organization")}));
        const QByteArray token = sim.token();
        const Reply whoami =
            sim.call("GET", QStringLiteral("/whoami/v1"), {{"Authorization", "Bearer " + token}});
        QCOMPARE(whoami.json()[QLatin1String("idType")].toString(), QStringLiteral("organization"));
        const QByteArray org = whoami.json()[QLatin1String("id")].toString().toLatin1();
        const Reply tenants =
            sim.call("GET",
                     QStringLiteral("/organization/v1/tenants?pageTotal=true"),
                     {{"Authorization", "Bearer " + token}, {"X-Organization-ID", org}});
        QCOMPARE(tenants.status, 200);
        QCOMPARE(tenants.items().size(), 3);
        QCOMPARE(
            tenants.items().at(0)[QLatin1String("organization")][QLatin1String("id")].toString(),
            QString::fromLatin1(org));
        QCOMPARE(tenants.items().at(0)[QLatin1String("apiHost")].toString(), sim.baseUrl);
    }

    void helpDocumentsFaults()
    {
        QProcess help;
        help.start(QStringLiteral(CENTRAL_SIM_PATH), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(10000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput());
        for (const char* word : {"--fault",
                                 "kind=latency",
                                 "dropAfterApply",
                                 "expireToken",
                                 "noZ",
                                 "retryAfter",
                                 "skip=N",
                                 "count=N"})
            QVERIFY2(text.contains(QLatin1String(word)), word);
    }

    void badOptionsFail()
    {
        QProcess sim;
        sim.start(
            QStringLiteral(CENTRAL_SIM_PATH),
            {QStringLiteral("--http"), QStringLiteral("--fault"), QStringLiteral("kind=boom")});
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 2);
        QVERIFY(sim.readAllStandardError().contains("unknown fault kind"));
    }

private:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    static QString str(const Reply& whoami)
    {
        return whoami.json()[QLatin1String("apiHosts")][QLatin1String("global")].toString();
    }
};

QTEST_GUILESS_MAIN(TestCentralSimCli)
#include "TestCentralSimCli.moc"
