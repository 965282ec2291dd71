// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "Await.h"
#include "SimProcess.h"
#include "central/CentralClient.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace mtr;
using namespace mtr::central;
using namespace mtr::central::test;

namespace {

const QString Path = QStringLiteral("/endpoint/v1/settings/blocked-items");

QString hashOf(const QByteArray& seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

QJsonObject rule(const char* method, const char* kind, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("method"), QLatin1String(method));
    extra.insert(QStringLiteral("path"), Path);
    extra.insert(QStringLiteral("kind"), QLatin1String(kind));
    return extra;
}

} // namespace

/// The blocked-items API of the client against the separately written simulator, over HTTPS:
/// every page-number page read, each tenant its own list, typed errors for a refused or
/// duplicate hash, and a write whose connection drops reported as OutcomeUnknown, not resent.
class TestCentralBlockedItems : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addThenListEveryPage();
    void tenantsKeepTheirOwnLists();
    void sameHashTwiceIsConflict();
    void invalidHashIsInvalidInput();
    void droppedAddIsOutcomeUnknownAndNotResent();
    void listRetriedAfterServerError();

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

    Result<domain::BlockedItem> add(int tenant, const QString& sha256);
    QList<domain::BlockedItem> list(int tenant, int pageSize, int* pages = nullptr);
    int count(const QString& method, int status = -1);

    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<CentralClient> m_client;
    QList<domain::Tenant> m_tenants;
};

void TestCentralBlockedItems::initTestCase()
{
    m_sim = std::make_unique<SimProcess>();
    const QString error = m_sim->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_client = std::make_unique<CentralClient>(m_sim->config());
    Await<QList<domain::Tenant>> tenants;
    m_client->tenants(this, tenants.callback());
    QVERIFY(wait(tenants));
    QVERIFY(tenants.result().ok());
    m_tenants = tenants.result().value();
    QCOMPARE(m_tenants.size(), 3);
}

void TestCentralBlockedItems::init()
{
    QVERIFY(m_sim->clearFaults());
    QVERIFY(m_sim->clearRequests());
}

Result<domain::BlockedItem> TestCentralBlockedItems::add(int tenant, const QString& sha256)
{
    Await<domain::BlockedItem> added;
    m_client->blockedItems(m_tenants[tenant])
        .add(sha256, QStringLiteral("MTR case 4711 – Grüße"), this, added.callback());
    if (!wait(added))
        return Error::make(Error::Code::Timeout, QStringLiteral("test timed out"));
    return added.result();
}

QList<domain::BlockedItem> TestCentralBlockedItems::list(int tenant, int pageSize, int* pages)
{
    PageCollector<domain::BlockedItem> got;
    m_client->blockedItems(m_tenants[tenant])
        .list(this, got.onPage<Page<domain::BlockedItem>>(), got.finished.callback(), pageSize);
    if (!wait(got.finished) || !got.finished.result().ok())
        return {};
    if (pages)
        *pages = int(got.pages.size());
    return got.all();
}

int TestCentralBlockedItems::count(const QString& method, int status)
{
    int n = 0;
    for (const QJsonValue& r : m_sim->requests()) {
        if (r[QLatin1String("method")].toString() == method
            && r[QLatin1String("path")].toString() == Path
            && (status < 0 || r[QLatin1String("status")].toInt() == status))
            ++n;
    }
    return n;
}

void TestCentralBlockedItems::addThenListEveryPage()
{
    QStringList hashes;
    for (int n = 0; n < 5; ++n) {
        hashes.append(hashOf("contract-" + QByteArray::number(n)));
        const Result<domain::BlockedItem> added = add(0, hashes.last());
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QVERIFY(!added->id.isEmpty());
        QCOMPARE(added->type, QStringLiteral("sha256"));
        QCOMPARE(added->sha256, hashes.last());
        QCOMPARE(added->comment, QStringLiteral("MTR case 4711 – Grüße"));
        QVERIFY(added->createdAt.isValid());
    }
    QVERIFY(m_sim->clearRequests());
    int pages = 0;
    const QList<domain::BlockedItem> items = list(0, 2, &pages);
    QCOMPARE(items.size(), 5);
    QCOMPARE(pages, 3);
    for (int n = 0; n < 5; ++n)
        QCOMPARE(items.at(n).sha256, hashes.at(n));

    // What went over the wire: page 1, 2, 3 with the page size, totals asked for, the tenant.
    int page = 0;
    for (const QJsonValue& r : m_sim->requests()) {
        const QUrlQuery query(r[QLatin1String("query")].toString());
        QCOMPARE(query.queryItemValue(QStringLiteral("page")), QString::number(++page));
        QCOMPARE(query.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("2"));
        QCOMPARE(query.queryItemValue(QStringLiteral("pageTotal")), QStringLiteral("true"));
        QCOMPARE(r[QLatin1String("tenant")].toString(), m_tenants[0].id);
    }
    QCOMPARE(page, 3);
}

void TestCentralBlockedItems::tenantsKeepTheirOwnLists()
{
    const QString sha = hashOf("second-tenant");
    QVERIFY(add(1, sha).ok());
    const QList<domain::BlockedItem> second = list(1, 50);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.first().sha256, sha);
    for (const domain::BlockedItem& b : list(0, 50))
        QVERIFY(b.sha256 != sha);
    QCOMPARE(list(2, 50).size(), 0);
}

void TestCentralBlockedItems::sameHashTwiceIsConflict()
{
    const QString sha = hashOf("conflict");
    QVERIFY(add(2, sha).ok());
    const Result<domain::BlockedItem> again = add(2, sha);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().httpStatus, 409);
    QCOMPARE(again.error().code, Error::Code::Http);
    QVERIFY(!again.error().requestId.isEmpty());
    QCOMPARE(count(QStringLiteral("POST")), 2); // a 409 is an answer: never retried
}

void TestCentralBlockedItems::invalidHashIsInvalidInput()
{
    const Result<domain::BlockedItem> refused = add(2, QStringLiteral("not-a-sha256"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QCOMPARE(refused.error().httpStatus, 400);
    QCOMPARE(refused.error().apiCode, QStringLiteral("badRequest"));
}

void TestCentralBlockedItems::droppedAddIsOutcomeUnknownAndNotResent()
{
    const QString sha = hashOf("dropped");
    QVERIFY(m_sim->setFaults({rule("POST", "dropAfterApply", {{QStringLiteral("count"), 1}})}));
    const Result<domain::BlockedItem> dropped = add(2, sha);
    QVERIFY(!dropped.ok());
    QCOMPARE(dropped.error().code, Error::Code::OutcomeUnknown);
    QCOMPARE(count(QStringLiteral("POST")), 1);
    QCOMPARE(count(QStringLiteral("POST"), 0), 1);
    // Central did apply it: the list, a read, tells.
    bool listed = false;
    for (const domain::BlockedItem& b : list(2, 50))
        listed = listed || b.sha256 == sha;
    QVERIFY(listed);
}

void TestCentralBlockedItems::listRetriedAfterServerError()
{
    QVERIFY(m_sim->setFaults(
        {rule("GET", "status", {{QStringLiteral("status"), 503}, {QStringLiteral("count"), 1}})}));
    const QList<domain::BlockedItem> items = list(1, 50);
    QCOMPARE(items.size(), 1);
    QCOMPARE(count(QStringLiteral("GET"), 503), 1);
    QCOMPARE(count(QStringLiteral("GET"), 200), 1);
}

QTEST_GUILESS_MAIN(TestCentralBlockedItems)
#include "TestCentralBlockedItems.moc"
