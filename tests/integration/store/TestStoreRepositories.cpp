// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "StoreTestBackend.h"
#include "store/AlertRepository.h"
#include "store/Migrations.h"
#include "store/TenantRepository.h"

#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <thread>

using namespace mtr;
using namespace mtr::store;
using mtr::store::test::StoreTestBackend;

/// Migrations and the alert queue queries, run against SQLite or PostgreSQL (MTR_TEST_DB).
class TestStoreRepositories : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void migrationsAreIdempotent();
    void newerSchemaIsRefused();
    void concurrentOpenMigratesOnce();
    void alertUpsertIsExactlyOnceAndKeepsTriageState();
    void alertPage_data();
    void alertPage();
    void alertPagesDoNotOverlap_data();
    void alertPagesDoNotOverlap();

private:
    static QList<domain::Alert> makeAlerts(int n);
    static qint64 scalar(Database& db, const QString& sql);
    static QList<domain::AlertSummary> expectedPage(const QList<domain::Alert>& all,
                                                    const QHash<QString, QString>& status,
                                                    const QHash<QString, double>& score,
                                                    const AlertQuery& query);

    StoreTestBackend m_backend;
};

void TestStoreRepositories::init()
{
    bool skip = false;
    const QString why = m_backend.setUp(&skip);
    if (skip)
        QSKIP(qPrintable(why));
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestStoreRepositories::cleanup()
{
    m_backend.tearDown();
}

qint64 TestStoreRepositories::scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QList<domain::Alert> TestStoreRepositories::makeAlerts(int n)
{
    QList<domain::Alert> out;
    const QDateTime base = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < n; ++i) {
        domain::Alert a;
        a.id = QStringLiteral("alert-%1").arg(i, 4, 10, QLatin1Char('0'));
        a.tenantId = QStringLiteral("tenant-%1").arg(QChar(u'a' + i % 3));
        a.tenantName = QStringLiteral("Tenant %1").arg(QChar(u'A' + i % 3));
        a.severity = domain::Severity(1 + (i * 7) % 5);
        a.type = i % 4 == 0 ? QStringLiteral("Event::Endpoint::Threat::Detected")
                            : QStringLiteral("Event::Endpoint::Application::Blocked");
        a.description = i % 5 == 0
                            ? QStringLiteral("Malware 'Mal/Emotet' 100%_sure on host %1").arg(i)
                            : QStringLiteral("Application blocked on host %1").arg(i);
        a.raisedAt = base.addSecs(qint64((i * 37) % n) * 60);
        a.raw = QJsonObject{{QStringLiteral("id"), a.id}};
        out << a;
    }
    return out;
}

void TestStoreRepositories::migrationsAreIdempotent()
{
    {
        auto db = m_backend.open();
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        QVERIFY(TenantRepository(*db)
                    .upsert({{QStringLiteral("t1"), QStringLiteral("One"), {}, {}, {}}})
                    .ok());
    }
    auto again = m_backend.open();
    QVERIFY(again);
    QCOMPARE(again->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(scalar(*again, QStringLiteral("SELECT COUNT(*) FROM schema_version")),
             qint64(Migrations::latestVersion()));
    auto tenants = TenantRepository(*again).list();
    QVERIFY(tenants.ok());
    QCOMPARE(tenants.value().size(), 1);
    QCOMPARE(tenants.value().first().name, QStringLiteral("One"));
}

void TestStoreRepositories::newerSchemaIsRefused()
{
    {
        auto db = m_backend.open();
        QVERIFY(db);
        QSqlQuery q(db->connection());
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (%1, 0)")
                       .arg(Migrations::latestVersion() + 1)));
    }
    auto reopened = Database::open(m_backend.config());
    QVERIFY(!reopened.ok());
    QCOMPARE(reopened.error().code, Error::Code::Storage);
    QVERIFY2(reopened.error().message.contains(QLatin1String("newer")),
             qPrintable(reopened.error().message));
}

void TestStoreRepositories::concurrentOpenMigratesOnce()
{
    constexpr int Openers = 4;
    std::vector<int> versions(Openers, -1);
    std::vector<std::thread> threads;
    const DatabaseConfig config = m_backend.config();
    for (int i = 0; i < Openers; ++i) {
        threads.emplace_back([&versions, config, i] {
            auto db = Database::open(config);
            versions[size_t(i)] = db.ok() ? db.value()->schemaVersion() : 0;
        });
    }
    for (auto& t : threads)
        t.join();
    for (int v : versions)
        QCOMPARE(v, Migrations::latestVersion());
    auto db = m_backend.open();
    QVERIFY(db);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM schema_version")),
             qint64(Migrations::latestVersion()));
}

void TestStoreRepositories::alertUpsertIsExactlyOnceAndKeepsTriageState()
{
    auto db = m_backend.open();
    QVERIFY(db);
    AlertRepository alerts(*db);
    QList<domain::Alert> batch = makeAlerts(10);
    QVERIFY(alerts.upsert(batch).ok());
    QVERIFY(alerts.setStatus(batch[2].id, batch[2].tenantId, QStringLiteral("acknowledged")).ok());
    QVERIFY(alerts.setAiScore(batch[2].id, batch[2].tenantId, 0.75).ok());

    batch[2].description = QStringLiteral("updated by Central");
    domain::Alert sameIdOtherTenant = batch[3];
    sameIdOtherTenant.tenantId = QStringLiteral("tenant-z");
    batch << sameIdOtherTenant;
    domain::Alert twiceInOneBatch = batch[4];
    twiceInOneBatch.description = QStringLiteral("the later copy wins");
    batch << twiceInOneBatch;
    QVERIFY(alerts.upsert(batch).ok());

    QCOMPARE(alerts.count({}).value(), qint64(11));
    auto stored = alerts.get(batch[2].id, batch[2].tenantId);
    QVERIFY(stored.ok() && stored.value().has_value());
    QCOMPARE(stored.value()->description, QStringLiteral("updated by Central"));
    QCOMPARE(stored.value()->raw.value(QStringLiteral("id")).toString(), batch[2].id);
    QCOMPARE(alerts.get(batch[4].id, batch[4].tenantId).value()->description,
             QStringLiteral("the later copy wins"));
    AlertQuery acknowledged;
    acknowledged.statuses = {QStringLiteral("acknowledged")};
    auto page = alerts.page(acknowledged);
    QVERIFY(page.ok());
    QCOMPARE(page.value().size(), 1);
    QCOMPARE(page.value().first().aiScore, 0.75);
    QCOMPARE(alerts.setStatus(QStringLiteral("nope"), QStringLiteral("t"), QStringLiteral("x"))
                 .error()
                 .code,
             Error::Code::NotFound);
}

void TestStoreRepositories::alertPage_data()
{
    QTest::addColumn<AlertQuery>("query");
    AlertQuery q;
    QTest::addRow("default-newest-first") << q;
    q = {};
    q.text = QStringLiteral("mal/EMOTET");
    QTest::addRow("text-case-insensitive") << q;
    q = {};
    q.text = QStringLiteral("100%_");
    QTest::addRow("text-wildcards-are-literal") << q;
    q = {};
    q.severities = {domain::Severity::High, domain::Severity::Critical};
    q.sort = AlertQuery::Sort::Severity;
    QTest::addRow("severity-filter-sorted") << q;
    q = {};
    q.tenantIds = {QStringLiteral("tenant-b")};
    q.sort = AlertQuery::Sort::Tenant;
    q.descending = false;
    QTest::addRow("tenant-filter") << q;
    q = {};
    q.statuses = {QStringLiteral("acknowledged")};
    q.sort = AlertQuery::Sort::Type;
    QTest::addRow("status-filter") << q;
    q = {};
    q.sort = AlertQuery::Sort::AiScore;
    q.limit = 7;
    q.offset = 3;
    QTest::addRow("ai-score-paged") << q;
    q = {};
    q.text = QStringLiteral("host 1");
    q.severities = {domain::Severity::Low};
    q.tenantIds = {QStringLiteral("tenant-a"), QStringLiteral("tenant-c")};
    q.sort = AlertQuery::Sort::RaisedAt;
    q.descending = false;
    QTest::addRow("combined-filters") << q;
}

/// Reference: the queue's filter and order done in C++ over the generated alerts.
QList<domain::AlertSummary>
TestStoreRepositories::expectedPage(const QList<domain::Alert>& all,
                                    const QHash<QString, QString>& status,
                                    const QHash<QString, double>& score,
                                    const AlertQuery& query)
{
    QList<domain::AlertSummary> expected;
    for (const domain::Alert& a : all) {
        const QString st = status.value(a.id, QStringLiteral("new"));
        const QString needle = query.text.toLower();
        if (!needle.isEmpty() && !a.description.toLower().contains(needle)
            && !a.type.toLower().contains(needle) && !a.id.toLower().contains(needle)
            && !a.tenantName.toLower().contains(needle))
            continue;
        if (!query.severities.isEmpty() && !query.severities.contains(a.severity))
            continue;
        if (!query.tenantIds.isEmpty() && !query.tenantIds.contains(a.tenantId))
            continue;
        if (!query.statuses.isEmpty() && !query.statuses.contains(st))
            continue;
        expected << domain::AlertSummary{a.id,
                                         a.tenantId,
                                         a.tenantName,
                                         a.severity,
                                         st,
                                         a.raisedAt,
                                         score.value(a.id, -1),
                                         a.type,
                                         a.description};
    }
    auto compareKey = [&](const domain::AlertSummary& x, const domain::AlertSummary& y) {
        auto cmp = [](const auto& a, const auto& b) {
            return a < b ? -1 : (b < a ? 1 : 0);
        };
        switch (query.sort) {
        case AlertQuery::Sort::Severity:
            return cmp(int(x.severity), int(y.severity));
        case AlertQuery::Sort::Tenant:
            return x.tenantName.compare(y.tenantName);
        case AlertQuery::Sort::Status:
            return x.status.compare(y.status);
        case AlertQuery::Sort::AiScore:
            return cmp(x.aiScore, y.aiScore);
        case AlertQuery::Sort::Type:
            return x.type.compare(y.type);
        case AlertQuery::Sort::RaisedAt:
            break;
        }
        return cmp(x.raisedAt.toMSecsSinceEpoch(), y.raisedAt.toMSecsSinceEpoch());
    };
    std::stable_sort(expected.begin(), expected.end(), [&](const auto& x, const auto& y) {
        const int c = compareKey(x, y);
        const qint64 tx = x.raisedAt.toMSecsSinceEpoch(), ty = y.raisedAt.toMSecsSinceEpoch();
        const int byTime = tx < ty ? -1 : (tx > ty ? 1 : 0);
        const int order = c != 0 ? c : (byTime != 0 ? byTime : x.id.compare(y.id));
        return query.descending ? order > 0 : order < 0;
    });
    expected = expected.mid(query.offset, query.limit);
    return expected;
}

void TestStoreRepositories::alertPage()
{
    QFETCH(AlertQuery, query);
    auto db = m_backend.open();
    QVERIFY(db);
    AlertRepository alerts(*db);
    const QList<domain::Alert> all = makeAlerts(60);
    QVERIFY(alerts.upsert(all).ok());
    QHash<QString, QString> status;
    QHash<QString, double> score;
    for (int i = 0; i < all.size(); i += 4) {
        QVERIFY(alerts.setStatus(all[i].id, all[i].tenantId, QStringLiteral("acknowledged")).ok());
        status[all[i].id] = QStringLiteral("acknowledged");
    }
    for (int i = 0; i < all.size(); i += 3) {
        QVERIFY(alerts.setAiScore(all[i].id, all[i].tenantId, (i % 10) / 10.0).ok());
        score[all[i].id] = (i % 10) / 10.0;
    }

    const QList<domain::AlertSummary> expected = expectedPage(all, status, score, query);

    auto page = alerts.page(query);
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
    QStringList got, want;
    for (const auto& s : page.value())
        got << s.id;
    for (const auto& s : expected)
        want << s.id;
    QVERIFY(!want.isEmpty());
    QCOMPARE(got, want);
    QCOMPARE(page.value().first().severity, expected.first().severity);
    QCOMPARE(page.value().first().raisedAt, expected.first().raisedAt);
}

void TestStoreRepositories::alertPagesDoNotOverlap_data()
{
    QTest::addColumn<AlertQuery::Sort>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addRow("raised-desc") << AlertQuery::Sort::RaisedAt << true;
    QTest::addRow("severity-desc") << AlertQuery::Sort::Severity << true;
    QTest::addRow("tenant-asc") << AlertQuery::Sort::Tenant << false;
    QTest::addRow("ai-score-asc") << AlertQuery::Sort::AiScore << false;
    QTest::addRow("type-desc") << AlertQuery::Sort::Type << true;
}

void TestStoreRepositories::alertPagesDoNotOverlap()
{
    QFETCH(AlertQuery::Sort, sort);
    QFETCH(bool, descending);
    auto db = m_backend.open();
    QVERIFY(db);
    AlertRepository alerts(*db);
    QList<domain::Alert> all = makeAlerts(95);
    all[5].raisedAt = QDateTime();     // unknown time must page like any other
    all[6].raisedAt = all[7].raisedAt; // ties on every column but id
    QVERIFY(alerts.upsert(all).ok());
    QVERIFY(alerts.setAiScore(all[9].id, all[9].tenantId, 0.5).ok());
    AlertQuery q;
    q.sort = sort;
    q.descending = descending;
    q.limit = 20;

    // Offset paging and keyset paging must give the same complete, disjoint sequence.
    QStringList byOffset, byKeyset;
    for (q.offset = 0; q.offset < 95; q.offset += q.limit) {
        auto page = alerts.page(q);
        QVERIFY(page.ok());
        for (const auto& s : page.value())
            byOffset << s.id + QLatin1Char('/') + s.tenantId;
    }
    q.offset = 0;
    forever {
        auto page = alerts.page(q);
        QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
        if (page.value().isEmpty())
            break;
        for (const auto& s : page.value())
            byKeyset << s.id + QLatin1Char('/') + s.tenantId;
        q.after = page.value().last();
    }
    QCOMPARE(byOffset.size(), 95);
    QCOMPARE(QSet<QString>(byOffset.begin(), byOffset.end()).size(), 95);
    QCOMPARE(byKeyset, byOffset);
    QCOMPARE(alerts.count(q).value(), qint64(95));
}

QTEST_GUILESS_MAIN(TestStoreRepositories)
#include "TestStoreRepositories.moc"
