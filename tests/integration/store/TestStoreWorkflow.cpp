// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "StoreTestBackend.h"
#include "store/AuditExport.h"
#include "store/AuditLog.h"
#include "store/Digest.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "store/SyncCursorRepository.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace mtr;
using namespace mtr::store;
using mtr::store::test::StoreTestBackend;
using State = domain::OutboxItem::State;

/// Proposals, approvals, the outbox and the audit log, run against SQLite or PostgreSQL
/// (MTR_TEST_DB). Several connections stand in for several consoles and workers.
class TestStoreWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void approvalOfChangedContentIsRefused();
    void outboxRefusesWithoutMatchingApproval();
    void outboxNeedsSecondAnalystWhenAsked();
    void outboxEnqueueIsIdempotent();
    void outboxLeaseLifecycle();
    void concurrentClaimsNeverShareAnItem();
    void auditChainDetectsTamperedRow();
    void auditKeepsSystemEntriesWithEmptyFields();
    void concurrentAuditAppendsKeepOneChain();
    void auditExportsEveryEntry();
    void cursorLeaseHasOneHolder();

private:
    static domain::Proposal proposal(const QString& id, const QString& content);
    static domain::OutboxItem item(const QString& key, const domain::Proposal& p);
    static domain::AuditEntry entry(int n);

    StoreTestBackend m_backend;
    const QDateTime m_now = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000LL, Qt::UTC);
};

void TestStoreWorkflow::init()
{
    bool skip = false;
    const QString why = m_backend.setUp(&skip);
    if (skip)
        QSKIP(qPrintable(why));
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestStoreWorkflow::cleanup()
{
    m_backend.tearDown();
}

domain::Proposal TestStoreWorkflow::proposal(const QString& id, const QString& content)
{
    domain::Proposal p;
    p.id = id;
    p.tenantId = QStringLiteral("t1");
    p.caseId = QStringLiteral("case-1");
    p.kind = QStringLiteral("customer-message");
    p.title = QStringLiteral("Notify customer");
    p.content = content;
    return p;
}

domain::OutboxItem TestStoreWorkflow::item(const QString& key, const domain::Proposal& p)
{
    domain::OutboxItem i;
    i.idempotencyKey = key;
    i.tenantId = p.tenantId;
    i.caseId = p.caseId;
    i.proposalId = p.id;
    i.kind = p.kind;
    i.payload = p.content;
    return i;
}

domain::AuditEntry TestStoreWorkflow::entry(int n)
{
    domain::AuditEntry e;
    e.time = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000LL + n, Qt::UTC);
    e.analyst = QStringLiteral("alice");
    e.tenantId = QStringLiteral("t1");
    e.caseId = QStringLiteral("case-1");
    e.kind = QStringLiteral("edit");
    e.payload = QStringLiteral("{\"n\": %1, \"text\": \"line \\\"%1\\\"\"}").arg(n);
    return e;
}

void TestStoreWorkflow::approvalOfChangedContentIsRefused()
{
    auto db = m_backend.open();
    QVERIFY(db);
    ProposalRepository proposals(*db);
    domain::Proposal p = proposal(QStringLiteral("p1"), QStringLiteral("Dear customer, A"));
    QVERIFY(proposals.upsert(p).ok());
    auto approval = proposals.approve(p.id, QStringLiteral("alice"), p.content, m_now);
    QVERIFY(approval.ok());
    QCOMPARE(approval.value().contentDigest, contentDigest(p.content));
    QCOMPARE(approval.value().approvedAt, m_now);
    QCOMPARE(proposals.validApprovals(p.id).value().size(), 1);

    p.content = QStringLiteral("Dear customer, B");
    QVERIFY(proposals.upsert(p).ok());
    QCOMPARE(proposals.validApprovals(p.id).value().size(), 0); // void now
    QCOMPARE(proposals.approvals(p.id).value().size(), 1);      // but kept on record
    auto stale =
        proposals.approve(p.id, QStringLiteral("bob"), QStringLiteral("Dear customer, A"), m_now);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::NotAllowed);

    QVERIFY(proposals.setStatus(p.id, QStringLiteral("rejected")).ok());
    QCOMPARE(proposals.approve(p.id, QStringLiteral("bob"), p.content, m_now).error().code,
             Error::Code::NotAllowed);
    QCOMPARE(proposals.approve(QStringLiteral("nope"), QStringLiteral("bob"), p.content, m_now)
                 .error()
                 .code,
             Error::Code::NotFound);
}

void TestStoreWorkflow::outboxRefusesWithoutMatchingApproval()
{
    auto db = m_backend.open();
    QVERIFY(db);
    ProposalRepository proposals(*db);
    OutboxRepository outbox(*db);
    domain::Proposal p = proposal(QStringLiteral("p1"), QStringLiteral("isolate ep1"));
    QVERIFY(proposals.upsert(p).ok());
    QCOMPARE(outbox.enqueue(item(QStringLiteral("k1"), p), m_now).error().code,
             Error::Code::NotAllowed);

    QVERIFY(proposals.approve(p.id, QStringLiteral("alice"), p.content, m_now).ok());
    domain::OutboxItem tampered = item(QStringLiteral("k1"), p);
    tampered.payload = QStringLiteral("isolate ep2");
    QCOMPARE(outbox.enqueue(tampered, m_now).error().code, Error::Code::NotAllowed);

    domain::Proposal changed = p;
    changed.content = QStringLiteral("isolate ep1 and ep2");
    QVERIFY(proposals.upsert(changed).ok());
    QCOMPARE(outbox.enqueue(item(QStringLiteral("k1"), p), m_now).error().code,
             Error::Code::NotAllowed);
    QCOMPARE(outbox.enqueue(item(QStringLiteral("k1"), changed), m_now).error().code,
             Error::Code::NotAllowed);
    QCOMPARE(outbox.list(State::Pending).value().size(), 0);

    QVERIFY(proposals.approve(p.id, QStringLiteral("alice"), changed.content, m_now).ok());
    auto queued = outbox.enqueue(item(QStringLiteral("k1"), changed), m_now);
    QVERIFY(queued.ok());
    QCOMPARE(queued.value().state, State::Pending);
    QCOMPARE(queued.value().contentDigest, contentDigest(changed.content));
}

void TestStoreWorkflow::outboxNeedsSecondAnalystWhenAsked()
{
    auto db = m_backend.open();
    QVERIFY(db);
    ProposalRepository proposals(*db);
    OutboxRepository outbox(*db);
    domain::Proposal p = proposal(QStringLiteral("p1"), QStringLiteral("isolate three servers"));
    p.highImpact = true;
    QVERIFY(proposals.upsert(p).ok());
    QVERIFY(proposals.approve(p.id, QStringLiteral("alice"), p.content, m_now).ok());
    QVERIFY(proposals.approve(p.id, QStringLiteral("alice"), p.content, m_now.addSecs(1)).ok());
    QCOMPARE(proposals.approvals(p.id).value().size(), 1); // approving twice records once
    QCOMPARE(outbox.enqueue(item(QStringLiteral("k"), p), m_now, 2).error().code,
             Error::Code::NotAllowed);
    QVERIFY(proposals.approve(p.id, QStringLiteral("bob"), p.content, m_now).ok());
    QVERIFY(outbox.enqueue(item(QStringLiteral("k"), p), m_now, 2).ok());
}

void TestStoreWorkflow::outboxEnqueueIsIdempotent()
{
    auto db = m_backend.open();
    QVERIFY(db);
    ProposalRepository proposals(*db);
    OutboxRepository outbox(*db);
    domain::Proposal p = proposal(QStringLiteral("p1"), QStringLiteral("message"));
    QVERIFY(proposals.upsert(p).ok());
    QVERIFY(proposals.approve(p.id, QStringLiteral("alice"), p.content, m_now).ok());
    auto first = outbox.enqueue(item(QStringLiteral("same-key"), p), m_now);
    auto second = outbox.enqueue(item(QStringLiteral("same-key"), p), m_now.addSecs(5));
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(second.value().id, first.value().id);
    QCOMPARE(second.value().createdAt, m_now);
    QCOMPARE(outbox.list(State::Pending).value().size(), 1);
}

void TestStoreWorkflow::outboxLeaseLifecycle()
{
    auto db = m_backend.open();
    QVERIFY(db);
    ProposalRepository proposals(*db);
    OutboxRepository outbox(*db);
    domain::Proposal p = proposal(QStringLiteral("p1"), QStringLiteral("message"));
    QVERIFY(proposals.upsert(p).ok());
    QVERIFY(proposals.approve(p.id, QStringLiteral("alice"), p.content, m_now).ok());
    const qint64 id = outbox.enqueue(item(QStringLiteral("k"), p), m_now).value().id;

    auto claimed = outbox.claim(QStringLiteral("w1"), m_now, 30'000);
    QVERIFY(claimed.ok() && claimed.value().has_value());
    QCOMPARE(claimed.value()->state, State::Sending);
    QCOMPARE(claimed.value()->attempts, 1);
    QVERIFY(!claimed.value()->inDoubt);
    QVERIFY(!outbox.claim(QStringLiteral("w2"), m_now.addSecs(10), 30'000).value().has_value());
    QVERIFY(outbox.renewLease(id, QStringLiteral("w1"), m_now.addSecs(20), 5'000).ok());
    QCOMPARE(outbox.renewLease(id, QStringLiteral("w2"), m_now.addSecs(20), 5'000).error().code,
             Error::Code::NotAllowed);
    QVERIFY(!outbox.claim(QStringLiteral("w2"), m_now.addSecs(24), 30'000).value().has_value());

    // w1 vanished (crash): after its lease w2 gets the item, flagged as possibly sent.
    auto reclaimed = outbox.claim(QStringLiteral("w2"), m_now.addSecs(26), 30'000);
    QVERIFY(reclaimed.ok() && reclaimed.value().has_value());
    QVERIFY(reclaimed.value()->inDoubt);
    QCOMPARE(reclaimed.value()->attempts, 2);
    QCOMPARE(outbox.markSent(id, QStringLiteral("w1"), QStringLiteral("{}")).error().code,
             Error::Code::NotAllowed);

    const QDateTime later = m_now.addSecs(120);
    QVERIFY(outbox.retryLater(id, QStringLiteral("w2"), QStringLiteral("HTTP 503"), later).ok());
    QVERIFY(!outbox.claim(QStringLiteral("w2"), later.addSecs(-1), 30'000).value().has_value());
    auto retried = outbox.claim(QStringLiteral("w2"), later, 30'000);
    QVERIFY(retried.ok() && retried.value().has_value());
    QVERIFY(!retried.value()->inDoubt);
    QCOMPARE(retried.value()->lastError, QStringLiteral("HTTP 503"));
    QVERIFY(
        outbox.markOutcomeUnknown(id, QStringLiteral("w2"), QStringLiteral("connection dropped"))
            .ok());
    QVERIFY(!outbox.claim(QStringLiteral("w3"), later.addDays(1), 30'000).value().has_value());
    auto stored = outbox.get(id);
    QCOMPARE(stored.value()->state, State::OutcomeUnknown);
    QCOMPARE(stored.value()->attempts, 3);
    QVERIFY(stored.value()->leaseOwner.isEmpty());
    QCOMPARE(outbox.list(State::OutcomeUnknown).value().size(), 1);

    // The analyst checked Central: it never arrived, so it goes out again.
    QCOMPARE(outbox.resolve(id, State::Sending, QStringLiteral("x")).error().code,
             Error::Code::InvalidInput);
    QVERIFY(outbox.resolve(id, State::Pending, QStringLiteral("checked: not applied")).ok());
    QCOMPARE(outbox.resolve(id, State::Sent, QStringLiteral("again")).error().code,
             Error::Code::NotAllowed);
    auto again = outbox.claim(QStringLiteral("w3"), QDateTime::currentDateTimeUtc(), 30'000);
    QVERIFY(again.ok() && again.value().has_value());
    QCOMPARE(again.value()->id, id);
    QVERIFY(!again.value()->inDoubt);
}

void TestStoreWorkflow::concurrentClaimsNeverShareAnItem()
{
    constexpr int Items = 40;
    {
        auto db = m_backend.open();
        QVERIFY(db);
        ProposalRepository proposals(*db);
        OutboxRepository outbox(*db);
        domain::Proposal p = proposal(QStringLiteral("p1"), QStringLiteral("message"));
        QVERIFY(proposals.upsert(p).ok());
        QVERIFY(proposals.approve(p.id, QStringLiteral("alice"), p.content, m_now).ok());
        for (int i = 0; i < Items; ++i)
            QVERIFY(outbox.enqueue(item(QStringLiteral("k%1").arg(i), p), m_now).ok());
    }
    std::vector<qint64> claimedBy[2];
    int errors[2] = {0, 0};
    const DatabaseConfig config = m_backend.config();
    const QDateTime now = m_now;
    auto worker = [&](int w) {
        auto db = Database::open(config);
        if (!db) {
            ++errors[w];
            return;
        }
        OutboxRepository outbox(*db.value());
        const QString owner = QStringLiteral("worker-%1").arg(w);
        forever {
            auto c = outbox.claim(owner, now, 60'000);
            if (!c) {
                ++errors[w];
                return;
            }
            if (!c.value())
                return;
            claimedBy[w].push_back(c.value()->id);
            if (!outbox.markSent(c.value()->id, owner, QStringLiteral("{}")))
                ++errors[w];
        }
    };
    std::thread a(worker, 0), b(worker, 1);
    a.join();
    b.join();
    QCOMPARE(errors[0] + errors[1], 0);
    QSet<qint64> all;
    for (const auto& list : claimedBy)
        for (qint64 id : list)
            QVERIFY2(!all.contains(id), "an item was claimed twice");
    for (const auto& list : claimedBy)
        for (qint64 id : list)
            all.insert(id);
    QCOMPARE(all.size(), Items);
    qInfo("claims: worker-0=%zu worker-1=%zu", claimedBy[0].size(), claimedBy[1].size());
}

void TestStoreWorkflow::auditChainDetectsTamperedRow()
{
    auto db = m_backend.open();
    QVERIFY(db);
    AuditLog audit(*db);
    QVERIFY(audit.verify().value().ok); // empty log
    for (int i = 1; i <= 5; ++i) {
        auto appended = audit.append(entry(i));
        QVERIFY(appended.ok());
        QCOMPARE(appended.value().seq, qint64(i));
    }
    QCOMPARE(audit.append(domain::AuditEntry{}).error().code, Error::Code::InvalidInput);
    auto ok = audit.verify();
    QVERIFY(ok.ok() && ok.value().ok);
    QCOMPARE(ok.value().entries, qint64(5));

    QSqlQuery q(db->connection());
    const QString tamper =
        QStringLiteral("UPDATE audit_log SET payload = '{\"n\":99}' WHERE seq = 3");
    QVERIFY2(!q.exec(tamper), "the append-only trigger must refuse an UPDATE");
    // Someone with database rights drops the guard; the hash chain still tells.
    QVERIFY(q.exec(db->isPostgres()
                       ? QStringLiteral("DROP TRIGGER audit_log_append_only ON audit_log")
                       : QStringLiteral("DROP TRIGGER audit_log_no_update")));
    QVERIFY(q.exec(tamper));
    auto broken = audit.verify();
    QVERIFY(broken.ok());
    QVERIFY(!broken.value().ok);
    QCOMPARE(broken.value().firstBrokenSeq, qint64(3));
    QCOMPARE(broken.value().reason, QStringLiteral("hash mismatch"));
    QCOMPARE(broken.value().entries, qint64(2));
}

void TestStoreWorkflow::auditKeepsSystemEntriesWithEmptyFields()
{
    // The system signs with an empty analyst; a null QString must not reach the NOT NULL
    // column as NULL (the outbox's send-step records failed this way).
    auto db = m_backend.open();
    QVERIFY(db);
    AuditLog audit(*db);
    for (const QString& analyst : {QString(), QStringLiteral(""), QString(0, QChar())}) {
        domain::AuditEntry e = entry(1);
        e.analyst = analyst;
        e.caseId = QString();
        auto appended = audit.append(e);
        QVERIFY2(appended.ok(), qPrintable(appended.ok() ? QString() : appended.error().message));
    }
    auto verified = audit.verify();
    QVERIFY(verified.ok() && verified.value().ok);
    QCOMPARE(verified.value().entries, qint64(3));
    auto stored = audit.entries(1, 10);
    QVERIFY(stored.ok());
    for (const auto& e : stored.value()) {
        QVERIFY(e.analyst.isEmpty());
        QVERIFY(e.caseId.isEmpty());
    }
}

void TestStoreWorkflow::concurrentAuditAppendsKeepOneChain()
{
    constexpr int PerWriter = 30;
    const DatabaseConfig config = m_backend.config();
    std::atomic<int> failed{0};
    auto writer = [&](int w) {
        auto db = Database::open(config);
        if (!db) {
            ++failed;
            return;
        }
        AuditLog audit(*db.value());
        for (int i = 0; i < PerWriter; ++i) {
            if (!audit.append(entry(w * 1000 + i)))
                ++failed;
        }
    };
    std::thread a(writer, 1), b(writer, 2);
    a.join();
    b.join();
    QCOMPARE(failed.load(), 0);
    auto db = m_backend.open();
    QVERIFY(db);
    auto v = AuditLog(*db).verify();
    QVERIFY(v.ok() && v.value().ok);
    QCOMPARE(v.value().entries, qint64(2 * PerWriter));
}

void TestStoreWorkflow::auditExportsEveryEntry()
{
    auto db = m_backend.open();
    QVERIFY(db);
    AuditLog audit(*db);
    for (int i = 1; i <= 3; ++i)
        QVERIFY(audit.append(entry(i)).ok());
    QBuffer json;
    QVERIFY(json.open(QIODevice::ReadWrite));
    QCOMPARE(AuditExport::writeJsonLines(audit, json).value(), qint64(3));
    const QList<QByteArray> lines = json.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QString prev = AuditLog::genesisHash();
    for (const QByteArray& line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QStringLiteral("prevHash")).toString(), prev);
        prev = o.value(QStringLiteral("hash")).toString();
    }
    QCOMPARE(QJsonDocument::fromJson(lines[1])
                 .object()
                 .value(QStringLiteral("payload"))
                 .toObject()
                 .value(QStringLiteral("n"))
                 .toInt(),
             2);

    QBuffer syslog;
    QVERIFY(syslog.open(QIODevice::ReadWrite));
    QCOMPARE(AuditExport::writeSyslog(audit,
                                      syslog,
                                      QStringLiteral("console-1"),
                                      QStringLiteral("mtr-console"))
                 .value(),
             qint64(3));
    const QList<QByteArray> messages = syslog.data().trimmed().split('\n');
    QCOMPARE(messages.size(), 3);
    QVERIFY(messages[2].startsWith("<110>1 "));
    QVERIFY(messages[2].contains(" console-1 mtr-console - edit [mtr@32473 seq=\"3\""));
}

void TestStoreWorkflow::cursorLeaseHasOneHolder()
{
    // Two connections stand in for two processes forwarding to one collector.
    auto first = m_backend.open();
    auto second = m_backend.open();
    QVERIFY(first && second);
    SyncCursorRepository a(*first);
    SyncCursorRepository b(*second);
    const QString tenant = QStringLiteral("*");
    const QString feed = QStringLiteral("lease:test");
    const qint64 t = 1'000'000;

    QCOMPARE(a.claimLease(tenant, feed, QStringLiteral("a"), t, t + 100).value(), true);
    QCOMPARE(b.claimLease(tenant, feed, QStringLiteral("b"), t + 50, t + 150).value(), false);
    QCOMPARE(a.claimLease(tenant, feed, QStringLiteral("a"), t + 60, t + 160).value(), true);
    QCOMPARE(b.claimLease(tenant, feed, QStringLiteral("b"), t + 120, t + 220).value(), false);
    // Expired: anyone may take it over.
    QCOMPARE(b.claimLease(tenant, feed, QStringLiteral("b"), t + 161, t + 261).value(), true);
    QCOMPARE(a.claimLease(tenant, feed, QStringLiteral("a"), t + 170, t + 270).value(), false);
    // Only the holder's release counts.
    QVERIFY(a.releaseLease(tenant, feed, QStringLiteral("a")).ok());
    QCOMPARE(a.claimLease(tenant, feed, QStringLiteral("a"), t + 180, t + 280).value(), false);
    QVERIFY(b.releaseLease(tenant, feed, QStringLiteral("b")).ok());
    QCOMPARE(a.claimLease(tenant, feed, QStringLiteral("a"), t + 190, t + 290).value(), true);
}

QTEST_GUILESS_MAIN(TestStoreWorkflow)
#include "TestStoreWorkflow.moc"
