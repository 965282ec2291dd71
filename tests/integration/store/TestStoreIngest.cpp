// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "StoreTestBackend.h"
#include "store/CaseRepository.h"
#include "store/DraftRepository.h"
#include "store/EndpointRepository.h"
#include "store/EvidenceRepository.h"
#include "store/SiemEventRepository.h"
#include "store/SyncCursorRepository.h"
#include "store/TenantRepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace mtr;
using namespace mtr::store;
using mtr::store::test::StoreTestBackend;

/// SIEM ingest with its cursor, drafts, evidence and the other workspace tables, run against
/// SQLite or PostgreSQL (MTR_TEST_DB).
class TestStoreIngest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void siemEventsStoredExactlyOnce();
    void cursorAndEventsAreAtomic();
    void draftAutosaveSurvivesReopen();
    void draftSentenceLinksRoundTrip();
    void evidenceIndicatorsAndTimeline();
    void tenantsEndpointsCases();

private:
    static QList<domain::SiemEvent> events(int from, int to);
    static bool execSql(Database& db, const QString& sql);

    StoreTestBackend m_backend;
};

void TestStoreIngest::init()
{
    bool skip = false;
    const QString why = m_backend.setUp(&skip);
    if (skip)
        QSKIP(qPrintable(why));
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestStoreIngest::cleanup()
{
    m_backend.tearDown();
}

bool TestStoreIngest::execSql(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql);
}

QList<domain::SiemEvent> TestStoreIngest::events(int from, int to)
{
    QList<domain::SiemEvent> out;
    for (int i = from; i < to; ++i) {
        domain::SiemEvent e;
        e.id = QStringLiteral("evt-%1").arg(i);
        e.tenantId = QStringLiteral("t1");
        e.type = QStringLiteral("Event::Endpoint::Threat::Detected");
        e.severity = domain::Severity::High;
        e.createdAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL + i * 1000, Qt::UTC);
        e.raw = QJsonObject{{QStringLiteral("n"), i}};
        out << e;
    }
    return out;
}

void TestStoreIngest::siemEventsStoredExactlyOnce()
{
    auto db = m_backend.open();
    QVERIFY(db);
    SiemEventRepository siem(*db);
    const QString feed = QStringLiteral("siem-events");
    QCOMPARE(siem.storePage(QStringLiteral("t1"), feed, events(0, 3), QStringLiteral("c1")).value(),
             3);
    // A retried page overlaps the previous one: only the new event counts.
    QCOMPARE(siem.storePage(QStringLiteral("t1"), feed, events(1, 4), QStringLiteral("c2")).value(),
             1);
    QCOMPARE(siem.count(QStringLiteral("t1")).value(), qint64(4));
    QCOMPARE(siem.count().value(), qint64(4));
    QCOMPARE(SyncCursorRepository(*db).cursor(QStringLiteral("t1"), feed).value(),
             QStringLiteral("c2"));
    auto listed = siem.listForTenant(QStringLiteral("t1"), 10, 0);
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 4);
    QCOMPARE(listed.value().at(3).raw.value(QStringLiteral("n")).toInt(), 3);
    QCOMPARE(listed.value().at(0).createdAt, events(0, 1).first().createdAt);
}

void TestStoreIngest::cursorAndEventsAreAtomic()
{
    auto db = m_backend.open();
    QVERIFY(db);
    SiemEventRepository siem(*db);
    SyncCursorRepository cursors(*db);
    const QString feed = QStringLiteral("siem-events");
    QVERIFY(siem.storePage(QStringLiteral("t1"), feed, events(0, 2), QStringLiteral("c1")).ok());

    // Make the cursor write fail after the events were written, inside the same transaction.
    if (db->isPostgres()) {
        QVERIFY(execSql(*db,
                        QStringLiteral("CREATE FUNCTION fail_cursor() RETURNS trigger LANGUAGE "
                                       "plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$")));
        QVERIFY(execSql(*db,
                        QStringLiteral("CREATE TRIGGER fail_cursor BEFORE UPDATE ON sync_cursors "
                                       "FOR EACH ROW EXECUTE FUNCTION fail_cursor()")));
    } else {
        QVERIFY(execSql(*db,
                        QStringLiteral("CREATE TRIGGER fail_cursor BEFORE UPDATE ON sync_cursors "
                                       "BEGIN SELECT RAISE(ABORT, 'boom'); END")));
    }
    auto failed = siem.storePage(QStringLiteral("t1"), feed, events(2, 6), QStringLiteral("c2"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, Error::Code::Storage);
    QCOMPARE(siem.count().value(), qint64(2));
    QCOMPARE(cursors.cursor(QStringLiteral("t1"), feed).value(), QStringLiteral("c1"));
    QVERIFY(!db->inTransaction());

    // After the fault is gone the same page goes in whole: no gap, no duplicate.
    QVERIFY(execSql(*db,
                    QStringLiteral("DROP TRIGGER fail_cursor")
                        + (db->isPostgres() ? QStringLiteral(" ON sync_cursors") : QString())));
    QCOMPARE(siem.storePage(QStringLiteral("t1"), feed, events(2, 6), QStringLiteral("c2")).value(),
             4);
    QCOMPARE(siem.count().value(), qint64(6));
    QCOMPARE(cursors.cursor(QStringLiteral("t1"), feed).value(), QStringLiteral("c2"));
    QVERIFY(cursors.cursor(QStringLiteral("t1"), QStringLiteral("other")).value().isNull());
}

void TestStoreIngest::draftAutosaveSurvivesReopen()
{
    const QString caseId = QStringLiteral("case-1");
    const auto kind = domain::Draft::Kind::CustomerNotification;
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'750'000'000'000LL, Qt::UTC);
    {
        auto db = m_backend.open();
        QVERIFY(db);
        DraftRepository drafts(*db);
        QVERIFY(
            drafts.saveAiVersion(caseId, QStringLiteral("t1"), kind, QStringLiteral("AI text"), t0)
                .ok());
        QVERIFY(drafts
                    .autosave(caseId,
                              QStringLiteral("t1"),
                              kind,
                              QStringLiteral("edit 1"),
                              t0.addSecs(5))
                    .ok());
        QVERIFY(drafts
                    .autosave(caseId,
                              QStringLiteral("t1"),
                              kind,
                              QStringLiteral("edit 2 – ü"),
                              t0.addSecs(10))
                    .ok());
        // A slow peer's older autosave arrives late: it must not win.
        QVERIFY(drafts
                    .autosave(caseId,
                              QStringLiteral("t1"),
                              kind,
                              QStringLiteral("stale"),
                              t0.addSecs(7))
                    .ok());
        // A new AI draft leaves the analyst's text alone.
        QVERIFY(drafts
                    .saveAiVersion(caseId,
                                   QStringLiteral("t1"),
                                   kind,
                                   QStringLiteral("AI v2"),
                                   t0.addSecs(12))
                    .ok());
    } // connection closed as after a crash of the console

    auto db = m_backend.open();
    QVERIFY(db);
    DraftRepository drafts(*db);
    auto restored = drafts.get(caseId, kind);
    QVERIFY(restored.ok() && restored.value().has_value());
    QCOMPARE(restored.value()->aiText, QStringLiteral("AI v2"));
    QCOMPARE(restored.value()->analystText, QStringLiteral("edit 2 – ü"));
    QCOMPARE(restored.value()->analystUpdatedAt, t0.addSecs(10));
    QCOMPARE(restored.value()->updatedAt, t0.addSecs(12));
    QVERIFY(!drafts.get(caseId, domain::Draft::Kind::Summary).value().has_value());
    QCOMPARE(drafts.listForCase(caseId).value().size(), 1);
}

void TestStoreIngest::draftSentenceLinksRoundTrip()
{
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'750'000'000'000LL, Qt::UTC);
    domain::Draft draft;
    draft.caseId = QStringLiteral("case-links");
    draft.tenantId = QStringLiteral("t1");
    draft.kind = domain::Draft::Kind::Summary;
    draft.aiSentences = {
        {QStringLiteral("Central raised an alert."), {QStringLiteral("alert:a1")}},
        {QStringLiteral("It ran \"x\" – <b>ü</b>."),
         {QStringLiteral("case-links|siem:e1"), QStringLiteral("case-links|ev:e1")}},
        {QStringLiteral("Nothing else was seen."), {}},
    };
    draft.aiText = QStringLiteral("Central raised an alert. It ran \"x\" – <b>ü</b>. Nothing "
                                  "else was seen.");
    draft.aiUpdatedAt = t0;
    {
        auto db = m_backend.open();
        QVERIFY(db);
        QVERIFY(DraftRepository(*db).saveAiVersion(draft).ok());
        QVERIFY(DraftRepository(*db)
                    .autosave(draft.caseId, draft.tenantId, draft.kind, QStringLiteral("mine"), t0)
                    .ok());
    }

    auto db = m_backend.open();
    QVERIFY(db);
    DraftRepository drafts(*db);
    auto stored = drafts.get(draft.caseId, draft.kind);
    QVERIFY(stored.ok() && stored.value().has_value());
    QCOMPARE(stored.value()->aiText, draft.aiText);
    QCOMPARE(stored.value()->aiSentences, draft.aiSentences);
    QCOMPARE(stored.value()->analystText, QStringLiteral("mine"));
    QCOMPARE(drafts.listForCase(draft.caseId).value().first().aiSentences, draft.aiSentences);

    // New AI text without links drops the old ones (they would point into the wrong text);
    // the analyst's version stays.
    QVERIFY(drafts
                .saveAiVersion(draft.caseId,
                               draft.tenantId,
                               draft.kind,
                               QStringLiteral("AI v2"),
                               t0.addSecs(1))
                .ok());
    stored = drafts.get(draft.caseId, draft.kind);
    QVERIFY(stored.value()->aiSentences.isEmpty());
    QCOMPARE(stored.value()->analystText, QStringLiteral("mine"));

    // A row written before the column existed reads as a draft without links.
    QVERIFY(execSql(*db,
                    QStringLiteral("UPDATE drafts SET ai_sentences = NULL WHERE case_id = "
                                   "'case-links'")));
    stored = drafts.get(draft.caseId, draft.kind);
    QVERIFY(stored.ok() && stored.value().has_value());
    QVERIFY(stored.value()->aiSentences.isEmpty());
}

void TestStoreIngest::evidenceIndicatorsAndTimeline()
{
    auto db = m_backend.open();
    QVERIFY(db);
    EvidenceRepository evidence(*db);
    domain::EvidenceItem item{QStringLiteral("file:abc:1"),
                              QStringLiteral("case-1"),
                              QStringLiteral("t1"),
                              QStringLiteral("firewall"),
                              QStringLiteral("fw.log"),
                              QStringLiteral("src=203.0.113.5 dst=evil[.]example"),
                              QDateTime::fromMSecsSinceEpoch(1'000, Qt::UTC)};
    QVERIFY(evidence.upsertItems({item, item}).ok());
    domain::Indicator ip;
    ip.type = domain::Indicator::Type::IPv4;
    ip.value = ip.original = QStringLiteral("203.0.113.5");
    ip.sourceId = item.id;
    ip.offset = 4;
    ip.length = 11;
    domain::Indicator domainName = ip;
    domainName.type = domain::Indicator::Type::Domain;
    domainName.value = QStringLiteral("evil.example");
    domainName.original = QStringLiteral("evil[.]example");
    domainName.offset = 20;
    QCOMPARE(evidence.addIndicators(QStringLiteral("case-1"), {ip, domainName}).value(), 2);
    QCOMPARE(evidence.addIndicators(QStringLiteral("case-1"), {ip, domainName}).value(), 0);
    auto indicators = evidence.indicators(QStringLiteral("case-1"));
    QCOMPARE(indicators.value().size(), 2);
    QCOMPARE(indicators.value().at(1).type, domain::Indicator::Type::Domain);
    QCOMPARE(indicators.value().at(1).original, QStringLiteral("evil[.]example"));

    domain::TimelineEvent late, early;
    late.id = QStringLiteral("ev-late");
    late.caseId = early.caseId = QStringLiteral("case-1");
    late.timeUtc = QDateTime::fromMSecsSinceEpoch(5'000, Qt::UTC);
    late.pid = 42;
    late.correlatedIds = {QStringLiteral("ev-early")};
    early.id = QStringLiteral("ev-early");
    early.timeUtc = QDateTime::fromMSecsSinceEpoch(2'000, Qt::UTC);
    early.attributes = QJsonObject{{QStringLiteral("port"), 443}};
    QVERIFY(evidence.upsertTimeline({late, early}).ok());
    late.summary = QStringLiteral("re-imported");
    QVERIFY(evidence.upsertTimeline({late}).ok());
    auto timeline = evidence.timeline(QStringLiteral("case-1"));
    QCOMPARE(timeline.value().size(), 2);
    QCOMPARE(timeline.value().at(0).id, QStringLiteral("ev-early"));
    QCOMPARE(timeline.value().at(0).attributes.value(QStringLiteral("port")).toInt(), 443);
    QCOMPARE(timeline.value().at(1).summary, QStringLiteral("re-imported"));
    QCOMPARE(timeline.value().at(1).correlatedIds, QStringList{QStringLiteral("ev-early")});
    QCOMPARE(timeline.value().at(1).pid, qint64(42));
    QCOMPARE(evidence.items(QStringLiteral("case-1")).value().size(), 1);
}

void TestStoreIngest::tenantsEndpointsCases()
{
    auto db = m_backend.open();
    QVERIFY(db);
    domain::Tenant tenant{QStringLiteral("t1"),
                          QStringLiteral("Acme"),
                          QStringLiteral("eu"),
                          QStringLiteral("EU"),
                          QStringLiteral("https://api-eu01.central.sophos.com")};
    QVERIFY(TenantRepository(*db).upsert({tenant}).ok());
    tenant.name = QStringLiteral("Acme GmbH");
    QVERIFY(TenantRepository(*db).upsert({tenant}).ok());
    QCOMPARE(TenantRepository(*db).list().value().size(), 1);
    QCOMPARE(TenantRepository(*db).list().value().first().name, QStringLiteral("Acme GmbH"));

    domain::Endpoint ep;
    ep.id = QStringLiteral("ep1");
    ep.tenantId = QStringLiteral("t1");
    ep.hostname = QStringLiteral("srv-01");
    ep.isServer = true;
    ep.ipv4Addresses = {QStringLiteral("10.0.0.5"), QStringLiteral("10.0.0.6")};
    ep.isolationStatus = QStringLiteral("notIsolated");
    QVERIFY(EndpointRepository(*db).upsert({ep}).ok());
    ep.isolationStatus = QStringLiteral("isolated");
    ep.adminIsolated = true;
    QVERIFY(EndpointRepository(*db).upsert({ep}).ok());
    auto storedEp = EndpointRepository(*db).get(QStringLiteral("ep1"), QStringLiteral("t1"));
    QVERIFY(storedEp.ok() && storedEp.value().has_value());
    QCOMPARE(storedEp.value()->isolationStatus, QStringLiteral("isolated"));
    QVERIFY(storedEp.value()->adminIsolated && storedEp.value()->isServer);
    QCOMPARE(storedEp.value()->ipv4Addresses.size(), 2);
    QCOMPARE(EndpointRepository(*db).listForTenant(QStringLiteral("t1")).value().size(), 1);

    domain::Case c;
    c.id = QStringLiteral("case-1");
    c.tenantId = QStringLiteral("t1");
    c.name = QStringLiteral("Emotet on srv-01");
    c.severity = domain::Severity::Critical;
    c.createdAt = QDateTime::fromMSecsSinceEpoch(9'000, Qt::UTC);
    QVERIFY(CaseRepository(*db).upsert({c, c}).ok());
    auto storedCase = CaseRepository(*db).get(QStringLiteral("case-1"), QStringLiteral("t1"));
    QVERIFY(storedCase.ok() && storedCase.value().has_value());
    QCOMPARE(storedCase.value()->severity, domain::Severity::Critical);
    QCOMPARE(storedCase.value()->createdAt, c.createdAt);
    QCOMPARE(CaseRepository(*db).listForTenant(QStringLiteral("t1")).value().size(), 1);
}

QTEST_GUILESS_MAIN(TestStoreIngest)
#include "TestStoreIngest.moc"
