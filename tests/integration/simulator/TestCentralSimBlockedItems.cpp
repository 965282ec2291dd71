// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// central-sim over real sockets (plain HTTP): the Endpoint API's blocked items. Validation
/// with Central's error shape, 409 for a hash already blocked, page-number paging, tenants
/// that never see each other's items, and the request log and fault rules on the new route.

#include "SimHarness.h"

#include <QCryptographicHash>

using namespace mtr::simulator::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString Path = QStringLiteral("/endpoint/v1/settings/blocked-items");

/// A distinct, valid SHA-256 in lower-case hex.
QString hashOf(const QByteArray& seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

QByteArray blockBody(const QString& sha256, const QString& comment = QStringLiteral("MTR"))
{
    const QJsonObject body{
        {QStringLiteral("type"), QStringLiteral("sha256")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("sha256"), sha256},
                     {QStringLiteral("fileName"), QStringLiteral("Rechnung.exe")}}},
        {QStringLiteral("comment"), comment}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

/// The tests share one simulator with the demo data only; each uses its own hashes.
class TestCentralSimBlockedItems : public QObject
{
    Q_OBJECT

private:
    SimHarness m_sim;
    QByteArray m_token;

    Headers tenant(const QString& id) const
    {
        return m_sim.tenantHeaders(m_token, id);
    }

    /// Every blocked item of a tenant, walking pages of \p pageSize.
    QJsonArray allItems(const QString& tenantId, int pageSize)
    {
        QJsonArray all;
        for (int page = 1; page < 100; ++page) {
            const Reply reply = m_sim.call(
                "GET",
                Path
                    + QStringLiteral("?pageTotal=true&pageSize=%1&page=%2").arg(pageSize).arg(page),
                tenant(tenantId));
            if (reply.status != 200)
                return {};
            for (const QJsonValue& item : reply.items())
                all.append(item);
            if (page >= reply.json()[QLatin1String("pages")][QLatin1String("total")].toInt())
                break;
        }
        return all;
    }

private slots:

    void initTestCase()
    {
        QVERIFY(m_sim.start({QStringLiteral("--http")}));
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

    void startsEmpty()
    {
        const Reply list =
            m_sim.call("GET", Path + QStringLiteral("?pageTotal=true"), tenant(TenantC));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.items().size(), 0);
        const QJsonObject pages = list.json()[QLatin1String("pages")].toObject();
        QCOMPARE(pages[QLatin1String("current")].toInt(), 1);
        QCOMPARE(pages[QLatin1String("items")].toInt(), 0);
        QCOMPARE(pages[QLatin1String("maxSize")].toInt(), 100);
    }

    void addGetAndDelete()
    {
        const QString sha = hashOf("add-get-delete");
        const Reply added = m_sim.call("POST",
                                       Path,
                                       tenant(TenantA),
                                       blockBody(sha, QStringLiteral("Fall 4711 ✓")));
        QCOMPARE(added.status, 201);
        const QJsonObject item = added.json();
        const QString id = item[QLatin1String("id")].toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(item[QLatin1String("type")].toString(), QStringLiteral("sha256"));
        QCOMPARE(item[QLatin1String("properties")][QLatin1String("sha256")].toString(), sha);
        QCOMPARE(item[QLatin1String("properties")][QLatin1String("fileName")].toString(),
                 QStringLiteral("Rechnung.exe"));
        QCOMPARE(item[QLatin1String("comment")].toString(), QStringLiteral("Fall 4711 ✓"));
        QVERIFY(item[QLatin1String("createdAt")].toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!item[QLatin1String("createdBy")][QLatin1String("name")].toString().isEmpty());

        const Reply got = m_sim.call("GET", Path + u'/' + id, tenant(TenantA));
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json(), item);

        const Reply deleted = m_sim.call("DELETE", Path + u'/' + id, tenant(TenantA));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json()[QLatin1String("deleted")].toBool(), true);
        QCOMPARE(m_sim.call("GET", Path + u'/' + id, tenant(TenantA)).status, 404);
        // Deleting what is not there is still "deleted" (the reference: 200 either way).
        QCOMPARE(m_sim.call("DELETE", Path + u'/' + id, tenant(TenantA)).status, 200);
    }

    void invalidItemsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QString good = hashOf("valid");
        QTest::addRow("hash-too-short") << blockBody(good.left(63));
        QTest::addRow("hash-too-long") << blockBody(good + u'a');
        QTest::addRow("hash-not-hex") << blockBody(good.left(63) + u'g');
        QTest::addRow("hash-empty") << blockBody(QString());
        QTest::addRow("md5-sized") << blockBody(good.left(32));
        QTest::addRow("type-path")
            << QByteArray(R"({"type":"path","properties":{"path":"C:\\x.exe"},"comment":"x"})");
        QTest::addRow("no-properties") << QByteArray(R"({"type":"sha256","comment":"x"})");
        QTest::addRow("hash-is-number")
            << QByteArray(R"({"type":"sha256","properties":{"sha256":12},"comment":"x"})");
        QTest::addRow("comment-is-number")
            << QByteArray(R"({"type":"sha256","properties":{"sha256":")" + good.toLatin1()
                          + R"("},"comment":1})");
        QTest::addRow("not-json") << QByteArray("{\"type\":");
        QTest::addRow("array") << QByteArray("[]");
    }

    void invalidItemsAreRefused()
    {
        QFETCH(QByteArray, body);
        const int before = allItems(TenantB, 100).size();
        const Reply refused = m_sim.call("POST", Path, tenant(TenantB), body);
        QCOMPARE(refused.status, 400);
        const QJsonObject error = refused.json();
        QCOMPARE(error[QLatin1String("error")].toString(), QStringLiteral("badRequest"));
        QVERIFY(!error[QLatin1String("message")].toString().isEmpty());
        QVERIFY(!error[QLatin1String("requestId")].toString().isEmpty());
        QVERIFY(!error[QLatin1String("correlationId")].toString().isEmpty());
        QCOMPARE(allItems(TenantB, 100).size(), before);
    }

    void sameHashTwiceIsConflict()
    {
        const QString sha = hashOf("twice");
        QCOMPARE(m_sim.call("POST", Path, tenant(TenantB), blockBody(sha)).status, 201);
        // Letter case does not make it another hash.
        const Reply again = m_sim.call("POST", Path, tenant(TenantB), blockBody(sha.toUpper()));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json()[QLatin1String("error")].toString(), QStringLiteral("conflict"));
        int copies = 0;
        for (const QJsonValue& item : allItems(TenantB, 100)) {
            const QString listed =
                item[QLatin1String("properties")][QLatin1String("sha256")].toString();
            copies += listed.compare(sha, Qt::CaseInsensitive) == 0 ? 1 : 0;
        }
        QCOMPARE(copies, 1);
        // The same hash in another tenant is that tenant's own item.
        QCOMPARE(m_sim.call("POST", Path, tenant(TenantC), blockBody(sha)).status, 201);
    }

    void pageNumberPaging()
    {
        // Earlier tests left TenantA with no or few items; count them in.
        const int before = allItems(TenantA, 100).size();
        QStringList added;
        for (int n = 0; n < 7; ++n) {
            added.append(hashOf("paging-" + QByteArray::number(n)));
            QCOMPARE(m_sim.call("POST", Path, tenant(TenantA), blockBody(added.last())).status,
                     201);
        }
        const int total = before + 7;
        const int pages = (total + 2) / 3;
        QStringList seen;
        for (int page = 1; page <= pages; ++page) {
            const Reply reply =
                m_sim.call("GET",
                           Path + QStringLiteral("?page=%1&pageSize=3&pageTotal=true").arg(page),
                           tenant(TenantA));
            QCOMPARE(reply.status, 200);
            const QJsonObject info = reply.json()[QLatin1String("pages")].toObject();
            QCOMPARE(info[QLatin1String("current")].toInt(), page);
            QCOMPARE(info[QLatin1String("size")].toInt(), 3);
            QCOMPARE(info[QLatin1String("total")].toInt(), pages);
            QCOMPARE(info[QLatin1String("items")].toInt(), total);
            QCOMPARE(reply.items().size(), page < pages ? 3 : total - 3 * (pages - 1));
            for (const QJsonValue& item : reply.items())
                seen.append(item[QLatin1String("properties")][QLatin1String("sha256")].toString());
        }
        QCOMPARE(seen.size(), total);
        QCOMPARE(seen.mid(before), added); // oldest first, nothing repeated or skipped

        const Reply beyond = m_sim.call("GET",
                                        Path + QStringLiteral("?page=%1&pageSize=3").arg(pages + 1),
                                        tenant(TenantA));
        QCOMPARE(beyond.status, 200);
        QCOMPARE(beyond.items().size(), 0);
        const Reply noTotal =
            m_sim.call("GET", Path + QStringLiteral("?pageSize=3"), tenant(TenantA));
        QVERIFY(
            !noTotal.json()[QLatin1String("pages")].toObject().contains(QLatin1String("total")));
        QCOMPARE(m_sim.call("GET", Path + QStringLiteral("?pageSize=101"), tenant(TenantA)).status,
                 400);
        QCOMPARE(m_sim.call("GET", Path + QStringLiteral("?page=0"), tenant(TenantA)).status, 400);
    }

    void tenantsNeverSeeEachOther()
    {
        const QString sha = hashOf("tenant-a-only");
        const Reply added = m_sim.call("POST", Path, tenant(TenantA), blockBody(sha));
        QCOMPARE(added.status, 201);
        const QString id = added.json()[QLatin1String("id")].toString();
        for (const QString& other : {TenantB, TenantC}) {
            for (const QJsonValue& item : allItems(other, 100))
                QVERIFY(item[QLatin1String("properties")][QLatin1String("sha256")].toString()
                        != sha);
            QCOMPARE(m_sim.call("GET", Path + u'/' + id, tenant(other)).status, 404);
            // Another tenant's delete does not reach A's item.
            QCOMPARE(m_sim.call("DELETE", Path + u'/' + id, tenant(other)).status, 200);
        }
        QCOMPARE(m_sim.call("GET", Path + u'/' + id, tenant(TenantA)).status, 200);

        const Headers noTenant{{"Authorization", "Bearer " + m_token}};
        QCOMPARE(m_sim.call("GET", Path, noTenant).status, 401);
        QCOMPARE(m_sim.call("POST", Path, noTenant, blockBody(hashOf("no-tenant"))).status, 401);
        const Headers foreign =
            m_sim.tenantHeaders(m_token, QStringLiteral("00000000-0000-4000-8000-000000000001"));
        QCOMPARE(m_sim.call("GET", Path, foreign).status, 403);
        QCOMPARE(m_sim.call("GET", Path, {{"X-Tenant-ID", TenantA.toLatin1()}}).status, 401);
        QCOMPARE(m_sim.call("PATCH", Path, tenant(TenantA), "{}").status, 405);
    }

    void requestLogAndFaults()
    {
        QCOMPARE(m_sim.call("DELETE", QStringLiteral("/_sim/requests")).status, 200);
        QVERIFY(m_sim.addFault({{QStringLiteral("method"), QStringLiteral("GET")},
                                {QStringLiteral("path"), Path},
                                {QStringLiteral("kind"), QStringLiteral("status")},
                                {QStringLiteral("status"), 503},
                                {QStringLiteral("count"), 1}}));
        QCOMPARE(m_sim.call("GET", Path, tenant(TenantB)).status, 503);
        QCOMPARE(m_sim.call("GET", Path, tenant(TenantB)).status, 200);

        // The write is applied, then the connection drops without an answer. QNAM resends a
        // rewindable body once by itself: the resend meets the applied item and gets 409.
        const QString sha = hashOf("dropped");
        QVERIFY(m_sim.addFault({{QStringLiteral("method"), QStringLiteral("POST")},
                                {QStringLiteral("path"), Path},
                                {QStringLiteral("kind"), QStringLiteral("dropAfterApply")},
                                {QStringLiteral("count"), 1}}));
        const Reply resent = m_sim.call("POST", Path, tenant(TenantB), blockBody(sha));
        QCOMPARE(resent.status, 409);

        const QJsonArray log = m_sim.call("GET", QStringLiteral("/_sim/requests")).items();
        QCOMPARE(log.size(), 4);
        QCOMPARE(log.at(0)[QLatin1String("status")].toInt(), 503);
        QCOMPARE(log.at(1)[QLatin1String("status")].toInt(), 200);
        for (int n : {2, 3}) {
            QCOMPARE(log.at(n)[QLatin1String("method")].toString(), QStringLiteral("POST"));
            QCOMPARE(log.at(n)[QLatin1String("path")].toString(), Path);
            QCOMPARE(log.at(n)[QLatin1String("tenant")].toString(), TenantB);
            QVERIFY(log.at(n)[QLatin1String("body")].toString().contains(sha));
        }
        QCOMPARE(log.at(2)[QLatin1String("status")].toInt(), 0);
        QCOMPARE(log.at(3)[QLatin1String("status")].toInt(), 409);
        int copies = 0;
        for (const QJsonValue& item : allItems(TenantB, 100))
            copies += item[QLatin1String("properties")][QLatin1String("sha256")].toString() == sha;
        QCOMPARE(copies, 1);
    }
};

QTEST_GUILESS_MAIN(TestCentralSimBlockedItems)
#include "TestCentralSimBlockedItems.moc"
