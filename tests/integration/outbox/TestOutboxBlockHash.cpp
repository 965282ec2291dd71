// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// A hash block approved by conditional automation (or by an analyst) reaches Central exactly
/// once through the real central-sim: one POST to the blocked items, also when the connection
/// drops after Central applied it, when a dispatcher died holding the lease, or when the hash
/// was blocked already; a second drain sends nothing.

#include "WorkflowHarness.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "store/TenantRepository.h"
#include "workflow/ApprovalService.h"
#include "workflow/OutboxDispatcher.h"
#include "workflow/OutboxPayload.h"

#include <QCryptographicHash>
#include <QTest>

using namespace mtr;
using namespace mtr::workflow;
using namespace mtr::workflow::test;

namespace {

const QString BlockedItems = QStringLiteral("/endpoint/v1/settings/blocked-items");
const QString Playbook = QStringLiteral("malware-detected");
const QString Step = QStringLiteral("block-hash");

QString hashOf(const QByteArray& seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestOutboxBlockHash : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void approvedHashIsBlockedOnce_data();
    void approvedHashIsBlockedOnce();
    void droppedConnectionIsReconciled();
    void expiredLeaseAfterApplyIsNotSentAgain();
    void expiredLeaseBeforeApplySendsOnce();
    void hashBlockedElsewhereCountsAsDone();
    void itemWithoutHashFails();

private:
    RolloutPolicy policy() const;
    qint64 approve(const QString& sha256, bool byAutomation);
    DispatchSummary drain(const QString& owner);
    domain::Tenant tenantA();
    bool blockOutOfBand(const QString& sha256);
    QStringList listedHashes();
    domain::OutboxItem item(qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<central::CentralClient> m_client;
};

void TestOutboxBlockHash::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sim = std::make_unique<Simulator>();
    QVERIFY(m_sim->start());
    m_db = openWorkspace(*m_dir);
    QVERIFY(m_db);
    m_client = std::make_unique<central::CentralClient>(m_sim->config());
    QVERIFY(syncOnce(*m_client, *m_db));
    m_sim->control("DELETE", QStringLiteral("/_sim/requests"));
}

void TestOutboxBlockHash::cleanup()
{
    m_client.reset();
    m_db.reset();
    m_sim.reset();
    m_dir.reset();
}

RolloutPolicy TestOutboxBlockHash::policy() const
{
    RolloutPolicy p;
    TenantPolicy automated;
    automated.phase = domain::RolloutPhase::ConditionalAutomation; // "block-hash" is named
    p.setPolicy(TenantA, automated);
    return p;
}

qint64 TestOutboxBlockHash::approve(const QString& sha256, bool byAutomation)
{
    domain::Proposal p;
    p.id = QStringLiteral("alert:test/") + Playbook + QLatin1Char('/') + Step;
    p.tenantId = TenantA;
    p.caseId = QStringLiteral("alert:test");
    p.kind = QLatin1String(OutboxPayload::BlockHash);
    p.title = QStringLiteral("Block the detected file hash");
    p.content = OutboxPayload::blockHash(sha256, QStringLiteral("MTR: Troj/Agent-BFXY"));
    p.status = QStringLiteral("open");
    if (!store::ProposalRepository(*m_db).upsert(p))
        return 0;
    ApprovalService approvals(*m_db, policy());
    auto outcome =
        byAutomation ? approvals.autoApprove(p, Playbook, Step)
                     : approvals.approve(p.id, QStringLiteral("analyst.one@mssp.test"), p.content);
    return outcome && outcome.value().enqueued ? outcome.value().outboxId : 0;
}

DispatchSummary TestOutboxBlockHash::drain(const QString& owner)
{
    DispatcherConfig config;
    config.owner = owner;
    config.backoffBaseMs = 0; // a retry is due at once, so one drain finishes the item
    OutboxDispatcher dispatcher(*m_db, m_client.get(), policy(), config);
    QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
    dispatcher.dispatchOnce();
    if (!drained.wait(60000))
        return {};
    return drained.first().first().value<DispatchSummary>();
}

domain::Tenant TestOutboxBlockHash::tenantA()
{
    const auto tenants = store::TenantRepository(*m_db).list();
    if (tenants) {
        for (const auto& t : tenants.value()) {
            if (t.id == TenantA)
                return t;
        }
    }
    return {};
}

bool TestOutboxBlockHash::blockOutOfBand(const QString& sha256)
{
    setObjectName(QString());
    QSignalSpy applied(this, &QObject::objectNameChanged);
    m_client->blockedItems(tenantA()).add(sha256,
                                          QStringLiteral("blocked by another admin"),
                                          this,
                                          [this](Result<domain::BlockedItem> r) {
                                              setObjectName(r ? QStringLiteral("ok")
                                                              : QStringLiteral("failed"));
                                          });
    return applied.wait(20000) && objectName() == QLatin1String("ok");
}

QStringList TestOutboxBlockHash::listedHashes()
{
    auto hashes = std::make_shared<QStringList>();
    setObjectName(QString());
    QSignalSpy listed(this, &QObject::objectNameChanged);
    m_client->blockedItems(tenantA()).list(
        this,
        [hashes](const central::Page<domain::BlockedItem>& page) {
            for (const auto& b : page.items)
                hashes->append(b.sha256);
        },
        [this](Result<int> r) {
            setObjectName(r ? QStringLiteral("listed") : QStringLiteral("failed"));
        });
    if (!listed.wait(20000) || objectName() != QLatin1String("listed"))
        return {QStringLiteral("list failed")};
    return *hashes;
}

domain::OutboxItem TestOutboxBlockHash::item(qint64 id)
{
    auto found = store::OutboxRepository(*m_db).get(id);
    return found && found.value() ? *found.value() : domain::OutboxItem();
}

void TestOutboxBlockHash::approvedHashIsBlockedOnce_data()
{
    QTest::addColumn<bool>("byAutomation");
    QTest::addRow("conditional-automation") << true;
    QTest::addRow("analyst") << false;
}

void TestOutboxBlockHash::approvedHashIsBlockedOnce()
{
    QFETCH(bool, byAutomation);
    const QString sha = hashOf("approved");
    const qint64 id = approve(sha, byAutomation);
    QVERIFY(id > 0);

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-a"));
    QCOMPARE(summary.sent, 1);
    QCOMPARE(summary.refused, 0);
    QCOMPARE(m_sim->count(QStringLiteral("POST"), BlockedItems), 1);
    // A first attempt does not read before writing: nothing can have been sent yet.
    QCOMPARE(m_sim->count(QStringLiteral("GET"), BlockedItems), 0);
    QCOMPARE(item(id).state, domain::OutboxItem::State::Sent);
    QVERIFY(item(id).result.startsWith(QLatin1String("blocked item ")));
    QCOMPARE(listedHashes(), QStringList{sha});

    // A second drain finds nothing to do and sends nothing.
    QCOMPARE(drain(QStringLiteral("dispatcher-a")).sent, 0);
    QCOMPARE(m_sim->count(QStringLiteral("POST"), BlockedItems), 1);
    QCOMPARE(m_sim->writes(), 1);
}

void TestOutboxBlockHash::droppedConnectionIsReconciled()
{
    m_sim->addFault({{QStringLiteral("kind"), QStringLiteral("dropAfterApply")},
                     {QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("path"), BlockedItems},
                     {QStringLiteral("count"), 1}});
    const QString sha = hashOf("dropped");
    const qint64 id = approve(sha, true);
    QVERIFY(id > 0);

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-a"));
    QCOMPARE(summary.sent, 1);
    QCOMPARE(summary.outcomeUnknown, 0);
    QCOMPARE(summary.retried, 0);
    QCOMPARE(m_sim->count(QStringLiteral("POST"), BlockedItems), 1);
    // The dispatcher read the list after the lost answer instead of sending again.
    QVERIFY(m_sim->count(QStringLiteral("GET"), BlockedItems) >= 1);
    QCOMPARE(item(id).state, domain::OutboxItem::State::Sent);
    QVERIFY(item(id).result.contains(QLatin1String("confirmed")));
    QCOMPARE(listedHashes(), QStringList{sha});
    QCOMPARE(drain(QStringLiteral("dispatcher-a")).sent, 0);
    QCOMPARE(m_sim->count(QStringLiteral("POST"), BlockedItems), 1);
}

void TestOutboxBlockHash::expiredLeaseAfterApplyIsNotSentAgain()
{
    const QString sha = hashOf("applied-before-crash");
    const qint64 id = approve(sha, true);
    QVERIFY(id > 0);
    store::OutboxRepository outbox(*m_db);
    auto claimed = outbox.claim(QStringLiteral("crashed"), QDateTime::currentDateTimeUtc(), -1000);
    QVERIFY(claimed && claimed.value());
    // The crashed dispatcher had blocked the hash; only its "sent" mark was lost.
    QVERIFY(blockOutOfBand(sha));

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-b"));
    QCOMPARE(summary.sent, 1);
    QCOMPARE(m_sim->count(QStringLiteral("POST"), BlockedItems), 1); // the crashed one's
    QVERIFY(item(id).result.contains(QLatin1String("confirmed")));
}

void TestOutboxBlockHash::expiredLeaseBeforeApplySendsOnce()
{
    const QString sha = hashOf("crashed-before-send");
    const qint64 id = approve(sha, true);
    QVERIFY(id > 0);
    store::OutboxRepository outbox(*m_db);
    auto claimed = outbox.claim(QStringLiteral("crashed"), QDateTime::currentDateTimeUtc(), -1000);
    QVERIFY(claimed && claimed.value());

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-b"));
    QCOMPARE(summary.sent, 1);
    QVERIFY(m_sim->count(QStringLiteral("GET"), BlockedItems) >= 1); // read before writing
    QCOMPARE(m_sim->count(QStringLiteral("POST"), BlockedItems), 1);
    QCOMPARE(listedHashes(), QStringList{sha});
}

void TestOutboxBlockHash::hashBlockedElsewhereCountsAsDone()
{
    const QString sha = hashOf("blocked-elsewhere");
    QVERIFY(blockOutOfBand(sha.toUpper()));
    const qint64 id = approve(sha, false);
    QVERIFY(id > 0);

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-a"));
    QCOMPARE(summary.sent, 1);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(m_sim->count(QStringLiteral("POST"), BlockedItems), 2); // the admin's, then a 409
    QVERIFY(item(id).result.contains(QLatin1String("409")));
    QCOMPARE(listedHashes().size(), 1);
}

void TestOutboxBlockHash::itemWithoutHashFails()
{
    const qint64 id = approve(QStringLiteral("d41d8cd98f00b204e9800998ecf8427e"), true); // MD5
    QVERIFY(id > 0);
    const DispatchSummary summary = drain(QStringLiteral("dispatcher-a"));
    QCOMPARE(summary.failed, 1);
    QCOMPARE(summary.sent, 0);
    QCOMPARE(item(id).state, domain::OutboxItem::State::Failed);
    QCOMPARE(m_sim->writes(), 0);
}

QTEST_GUILESS_MAIN(TestOutboxBlockHash)
#include "TestOutboxBlockHash.moc"
