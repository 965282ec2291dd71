// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// No code path sends without a valid approval of exactly the content: outbox rows written
/// behind the approval service's back (no approval, a changed content, one analyst where two
/// are needed, a read-only tenant) are refused and audited, and nothing reaches central-sim
/// or the SMTP server.

#include "WorkflowHarness.h"
#include "store/AuditLog.h"
#include "store/CaseRepository.h"
#include "store/Digest.h"
#include "store/EndpointRepository.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "workflow/ApprovalService.h"
#include "workflow/OutboxDispatcher.h"
#include "workflow/OutboxPayload.h"

#include <QSqlQuery>
#include <QTest>

using namespace mtr;
using namespace mtr::workflow;
using namespace mtr::workflow::test;

class TestOutboxGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everySendPathRefusesWithoutApproval_data();
    void everySendPathRefusesWithoutApproval();
    void nothingReachedCentralOrSmtp();

private:
    RolloutPolicy policy() const;
    QString payloadFor(const QString& kind);
    bool insertRaw(const domain::Proposal& p, const QString& payload, const QString& key);

    QTemporaryDir m_dir;
    Simulator m_sim;
    SmtpSink m_sink;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<central::CentralClient> m_client;
    int m_refused = 0;
};

void TestOutboxGuard::initTestCase()
{
    QVERIFY(m_sim.start());
    QVERIFY(m_sink.start(false)); // plain SMTP on loopback: refusal must not depend on TLS
    m_db = openWorkspace(m_dir);
    QVERIFY(m_db);
    m_client = std::make_unique<central::CentralClient>(m_sim.config());
    QVERIFY(syncOnce(*m_client, *m_db));
    m_sim.control("DELETE", QStringLiteral("/_sim/requests"));
}

RolloutPolicy TestOutboxGuard::policy() const
{
    RolloutPolicy p;
    TenantPolicy assisted;
    assisted.phase = domain::RolloutPhase::Assisted;
    assisted.contacts = {QStringLiteral("soc@customer.test")};
    p.setPolicy(TenantA, assisted);
    return p; // every other tenant stays read-only
}

QString TestOutboxGuard::payloadFor(const QString& kind)
{
    const auto endpoints = store::EndpointRepository(*m_db).listForTenant(TenantA).value();
    const auto cases = store::CaseRepository(*m_db).listForTenant(TenantA).value();
    const QString endpoint = endpoints.isEmpty() ? QString() : endpoints.first().id;
    if (kind == QLatin1String(OutboxPayload::IsolateEndpoint))
        return OutboxPayload::isolation({endpoint}, QStringLiteral("x"));
    if (kind == QLatin1String(OutboxPayload::AlertAction))
        return OutboxPayload::alertAction(QStringLiteral("any-alert"),
                                          QStringLiteral("acknowledge"));
    if (kind == QLatin1String(OutboxPayload::LiveDiscover))
        return OutboxPayload::liveDiscover(QStringLiteral("q"),
                                           QStringLiteral("SELECT 1"),
                                           {endpoint});
    if (kind == QLatin1String(OutboxPayload::BlockHash))
        return OutboxPayload::blockHash(QString(64, QLatin1Char('a')), QStringLiteral("x"));
    return OutboxPayload::customerMessage(cases.isEmpty() ? QString() : cases.first().id,
                                          {},
                                          QStringLiteral("s"),
                                          QStringLiteral("unapproved text"));
}

bool TestOutboxGuard::insertRaw(const domain::Proposal& p,
                                const QString& payload,
                                const QString& key)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (idempotency_key, tenant_id, case_id, proposal_id, kind, payload, "
        "content_digest, state, attempts, next_attempt_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, 0, 0, 0)"));
    for (const QVariant& v : QVariantList{key,
                                          p.tenantId,
                                          p.caseId,
                                          p.id,
                                          p.kind,
                                          payload,
                                          store::contentDigest(payload)})
        q.addBindValue(v);
    return q.exec();
}

void TestOutboxGuard::everySendPathRefusesWithoutApproval_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("how");
    const QStringList kinds{QLatin1String(OutboxPayload::IsolateEndpoint),
                            QLatin1String(OutboxPayload::AlertAction),
                            QLatin1String(OutboxPayload::LiveDiscover),
                            QLatin1String(OutboxPayload::BlockHash),
                            QLatin1String(OutboxPayload::CustomerMessage)};
    for (const QString& kind : kinds) {
        for (const char* how : {"no-approval", "changed-content", "one-of-two", "read-only"}) {
            // Customer messages are the analyst's words and allowed in every phase.
            if (kind == QLatin1String(OutboxPayload::CustomerMessage)
                && QLatin1String(how) == QLatin1String("read-only"))
                continue;
            QTest::addRow("%s/%s", qPrintable(kind), how) << kind << QString::fromLatin1(how);
        }
    }
}

void TestOutboxGuard::everySendPathRefusesWithoutApproval()
{
    QFETCH(QString, kind);
    QFETCH(QString, how);
    const QString payload = payloadFor(kind);
    domain::Proposal p;
    p.id = QStringLiteral("guard/") + kind + QLatin1Char('/') + how;
    p.tenantId = how == QLatin1String("read-only") ? QStringLiteral("tenant-read-only") : TenantA;
    p.caseId = QStringLiteral("alert:guard");
    p.kind = kind;
    p.content = payload;
    p.highImpact = how == QLatin1String("one-of-two");
    p.status = QStringLiteral("open");
    store::ProposalRepository proposals(*m_db);
    QVERIFY(proposals.upsert(p));
    if (how != QLatin1String("no-approval") && how != QLatin1String("read-only"))
        QVERIFY(proposals.approve(p.id,
                                  QStringLiteral("analyst.one"),
                                  payload,
                                  QDateTime::currentDateTimeUtc()));
    if (how == QLatin1String("read-only"))
        QVERIFY(proposals.approve(p.id,
                                  QStringLiteral("analyst.one"),
                                  payload,
                                  QDateTime::currentDateTimeUtc()));
    if (how == QLatin1String("changed-content")) {
        p.content = payload + QStringLiteral(" ");
        QVERIFY(proposals.upsert(p)); // the analyst's approval no longer matches
    }
    QVERIFY(insertRaw(p, payload, p.id));

    DispatcherConfig config;
    config.owner = QStringLiteral("guard");
    config.smtp.url = m_sink.url();
    config.smtp.from = QStringLiteral("mtr@mssp.test");
    config.smtp.requireTls = false;
    OutboxDispatcher dispatcher(*m_db, m_client.get(), policy(), config);
    QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
    QVERIFY(dispatcher.dispatchOnce());
    QVERIFY(drained.wait(30000));
    const auto summary = drained.first().first().value<DispatchSummary>();
    QCOMPARE(summary.refused, 1);
    QCOMPARE(summary.sent, 0);
    ++m_refused;
    const auto failed =
        store::OutboxRepository(*m_db).list(domain::OutboxItem::State::Failed).value();
    QCOMPARE(failed.size(), m_refused);
    QVERIFY(failed.last().lastError.startsWith(QLatin1String("refused")));
}

void TestOutboxGuard::nothingReachedCentralOrSmtp()
{
    QCOMPARE(m_refused, 19);
    QCOMPARE(m_sim.writes(), 0);
    QCOMPARE(m_sink.messages().size(), 0);
    int refusals = 0;
    QVERIFY(store::AuditLog(*m_db).forEach([&refusals](const domain::AuditEntry& e) {
        refusals += e.kind == QLatin1String("send-refused") ? 1 : 0;
        return true;
    }));
    QCOMPARE(refusals, 19);
    QVERIFY(store::AuditLog(*m_db).verify().value().ok);
}

QTEST_GUILESS_MAIN(TestOutboxGuard)
#include "TestOutboxGuard.moc"
