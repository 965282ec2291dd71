// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Approval and exactly-once dispatch against the real central-sim and a real SMTP server on
/// loopback (STARTTLS with a certificate made at test time): one isolation request, one case
/// update and one e-mail per approved item, also when the simulator drops the connection after
/// applying a write and when a dispatcher died holding the lease.

#include "WorkflowHarness.h"
#include "store/CaseRepository.h"
#include "store/EndpointRepository.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "store/TenantRepository.h"
#include "workflow/ApprovalService.h"
#include "workflow/OutboxDispatcher.h"
#include "workflow/OutboxPayload.h"

#include <QTest>

using namespace mtr;
using namespace mtr::workflow;
using namespace mtr::workflow::test;

namespace {

const QString Analyst = QStringLiteral("analyst.one@mssp.test");
const QString Contact = QStringLiteral("soc@customer.test");

} // namespace

class TestOutboxDispatch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void approvedItemsAreSentOnce();
    void droppedConnectionsAreReconciled();
    void expiredLeaseIsSentOnce();
    void appliedBeforeCrashIsNotSentAgain();

private:
    RolloutPolicy policy() const;
    DispatcherConfig dispatcherConfig(const QString& owner) const;
    domain::Endpoint workstation();
    QString centralCase();
    qint64 approveIsolation(const QString& endpointId);
    qint64 approveMessage(const QString& body);
    DispatchSummary drain(const QString& owner);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<central::CentralClient> m_client;
};

void TestOutboxDispatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sim = std::make_unique<Simulator>();
    QVERIFY(m_sim->start());
    m_sink = std::make_unique<SmtpSink>();
    QVERIFY(m_sink->start(true));
    m_db = openWorkspace(*m_dir);
    QVERIFY(m_db);
    m_client = std::make_unique<central::CentralClient>(m_sim->config());
    QVERIFY(syncOnce(*m_client, *m_db));
    m_sim->control("DELETE", QStringLiteral("/_sim/requests"));
}

void TestOutboxDispatch::cleanup()
{
    m_client.reset();
    m_db.reset();
    m_sink.reset();
    m_sim.reset();
    m_dir.reset();
}

RolloutPolicy TestOutboxDispatch::policy() const
{
    RolloutPolicy p;
    TenantPolicy assisted;
    assisted.phase = domain::RolloutPhase::Assisted;
    assisted.contacts = {Contact};
    assisted.mailFrom = QStringLiteral("mtr@mssp.test");
    p.setPolicy(TenantA, assisted);
    return p;
}

DispatcherConfig TestOutboxDispatch::dispatcherConfig(const QString& owner) const
{
    DispatcherConfig c;
    c.owner = owner;
    c.backoffBaseMs = 0; // a retry is due at once, so one drain finishes the item
    c.smtp.url = m_sink->url();
    c.smtp.from = QStringLiteral("mtr@mssp.test");
    c.smtp.caFile = m_sink->certFile;
    c.smtp.timeoutMs = 10000;
    return c;
}

domain::Endpoint TestOutboxDispatch::workstation()
{
    auto endpoints = store::EndpointRepository(*m_db).listForTenant(TenantA);
    if (endpoints) {
        for (const auto& e : endpoints.value()) {
            if (!e.isServer && e.isolationStatus != QLatin1String("isolated"))
                return e;
        }
    }
    return {};
}

QString TestOutboxDispatch::centralCase()
{
    auto cases = store::CaseRepository(*m_db).listForTenant(TenantA);
    return cases && !cases.value().isEmpty() ? cases.value().first().id : QString();
}

qint64 TestOutboxDispatch::approveIsolation(const QString& endpointId)
{
    domain::Proposal p;
    p.id = QStringLiteral("alert:test/isolate");
    p.tenantId = TenantA;
    p.caseId = QStringLiteral("alert:test");
    p.kind = QLatin1String(OutboxPayload::IsolateEndpoint);
    p.title = QStringLiteral("Isolate the workstation");
    p.content = OutboxPayload::isolation({endpointId}, QStringLiteral("MTR containment"));
    p.status = QStringLiteral("open");
    if (!store::ProposalRepository(*m_db).upsert(p))
        return 0;
    auto outcome = ApprovalService(*m_db, policy()).approve(p.id, Analyst, p.content);
    return outcome && outcome.value().enqueued ? outcome.value().outboxId : 0;
}

qint64 TestOutboxDispatch::approveMessage(const QString& body)
{
    ApprovalService approvals(*m_db, policy());
    const QString content =
        OutboxPayload::customerMessage(centralCase(),
                                       {},
                                       QStringLiteral("Security incident on your network"),
                                       body);
    auto proposal = approvals.proposeMessage(QStringLiteral("alert:test"),
                                             TenantA,
                                             content,
                                             QStringLiteral("Customer notification"));
    if (!proposal)
        return 0;
    auto outcome = approvals.approve(proposal.value().id, Analyst, content);
    return outcome && outcome.value().enqueued ? outcome.value().outboxId : 0;
}

DispatchSummary TestOutboxDispatch::drain(const QString& owner)
{
    OutboxDispatcher dispatcher(*m_db, m_client.get(), policy(), dispatcherConfig(owner));
    QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
    dispatcher.dispatchOnce();
    if (!drained.wait(60000))
        return {};
    return drained.first().first().value<DispatchSummary>();
}

void TestOutboxDispatch::approvedItemsAreSentOnce()
{
    const domain::Endpoint target = workstation();
    QVERIFY(!target.id.isEmpty());
    QVERIFY(!centralCase().isEmpty());
    const QString body =
        QStringLiteral("Guten Tag,\nwe isolated one workstation (Grüße).\n.\nEnd.");
    const qint64 isolation = approveIsolation(target.id);
    const qint64 message = approveMessage(body);
    QVERIFY(isolation > 0);
    QVERIFY(message > 0);

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-a"));
    QCOMPARE(summary.sent, 2);
    QCOMPARE(
        m_sim->count(QStringLiteral("POST"), QStringLiteral("/endpoint/v1/endpoints/isolation")),
        1);
    QCOMPARE(m_sim->count(QStringLiteral("PATCH"), QStringLiteral("/cases/v1/cases/")), 1);
    const auto mails = m_sink->messages();
    QCOMPARE(mails.size(), 1);
    QCOMPARE(mails.first().value(QLatin1String("to")).toArray().first().toString(), Contact);
    QVERIFY(mails.first().value(QLatin1String("tls")).toBool());
    QString received = mails.first().value(QLatin1String("body")).toString();
    received.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QCOMPARE(received.trimmed(), body.trimmed());

    store::OutboxRepository outbox(*m_db);
    QCOMPARE(outbox.get(isolation).value()->state, domain::OutboxItem::State::Sent);
    QCOMPARE(outbox.get(message).value()->state, domain::OutboxItem::State::Sent);
    // A second drain finds nothing to do and sends nothing.
    QCOMPARE(drain(QStringLiteral("dispatcher-a")).sent, 0);
    QCOMPARE(m_sim->writes(), 2);
    QCOMPARE(m_sink->messages().size(), 1);
}

void TestOutboxDispatch::droppedConnectionsAreReconciled()
{
    const QJsonObject added = m_sim->addFault(
        {{QStringLiteral("kind"), QStringLiteral("dropAfterApply")},
         {QStringLiteral("method"), QStringLiteral("POST")},
         {QStringLiteral("path"), QStringLiteral("/endpoint/v1/endpoints/isolation")},
         {QStringLiteral("count"), 1}});
    QCOMPARE(added.value(QLatin1String("rules")).toArray().size(), 1);
    m_sim->addFault({{QStringLiteral("kind"), QStringLiteral("dropAfterApply")},
                     {QStringLiteral("method"), QStringLiteral("PATCH")},
                     {QStringLiteral("path"), QStringLiteral("/cases/v1/cases/")},
                     {QStringLiteral("count"), 1}});
    const domain::Endpoint target = workstation();
    const QString body = QStringLiteral("We contained the threat.");
    const qint64 isolation = approveIsolation(target.id);
    const qint64 message = approveMessage(body);
    QVERIFY(isolation > 0 && message > 0);

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-a"));
    QCOMPARE(summary.sent, 2);
    QCOMPARE(summary.outcomeUnknown, 0);
    QCOMPARE(
        m_sim->count(QStringLiteral("POST"), QStringLiteral("/endpoint/v1/endpoints/isolation")),
        1);
    QCOMPARE(m_sim->count(QStringLiteral("PATCH"), QStringLiteral("/cases/v1/cases/")), 1);
    // The dispatcher read the state after each lost answer.
    QVERIFY(m_sim->count(QStringLiteral("GET"), QStringLiteral("/endpoint/v1/endpoints/")) >= 1);
    QCOMPARE(m_sink->messages().size(), 1);
}

void TestOutboxDispatch::expiredLeaseIsSentOnce()
{
    const domain::Endpoint target = workstation();
    const qint64 isolation = approveIsolation(target.id);
    const qint64 message = approveMessage(QStringLiteral("Lease test."));
    QVERIFY(isolation > 0 && message > 0);
    // A dispatcher claims both items and dies before sending: its lease runs out.
    store::OutboxRepository outbox(*m_db);
    for (int i = 0; i < 2; ++i) {
        // A lease that already ran out: the next claim treats the item as in doubt.
        auto claimed =
            outbox.claim(QStringLiteral("crashed"), QDateTime::currentDateTimeUtc(), -1000);
        QVERIFY(claimed && claimed.value());
    }
    const DispatchSummary summary = drain(QStringLiteral("dispatcher-b"));
    QCOMPARE(summary.sent, 2);
    QCOMPARE(
        m_sim->count(QStringLiteral("POST"), QStringLiteral("/endpoint/v1/endpoints/isolation")),
        1);
    QCOMPARE(m_sim->count(QStringLiteral("PATCH"), QStringLiteral("/cases/v1/cases/")), 1);
    QCOMPARE(m_sink->messages().size(), 1);
}

void TestOutboxDispatch::appliedBeforeCrashIsNotSentAgain()
{
    const domain::Endpoint target = workstation();
    const qint64 isolation = approveIsolation(target.id);
    QVERIFY(isolation > 0);
    store::OutboxRepository outbox(*m_db);
    auto claimed = outbox.claim(QStringLiteral("crashed"), QDateTime::currentDateTimeUtc(), -1000);
    QVERIFY(claimed && claimed.value());
    // The crashed dispatcher had sent the isolation; only its "sent" mark was lost.
    domain::Tenant tenant;
    const auto tenants = store::TenantRepository(*m_db).list();
    QVERIFY(tenants);
    for (const auto& t : tenants.value()) {
        if (t.id == TenantA)
            tenant = t;
    }
    QCOMPARE(tenant.id, TenantA);
    QSignalSpy applied(this, &QObject::objectNameChanged);
    m_client->endpoints(tenant).setIsolationBulk({target.id},
                                                 true,
                                                 QStringLiteral("MTR containment"),
                                                 this,
                                                 [this](Result<QJsonArray> r) {
                                                     setObjectName(r ? QStringLiteral("ok")
                                                                     : QStringLiteral("failed"));
                                                 });
    QVERIFY(applied.wait(20000));
    QCOMPARE(objectName(), QStringLiteral("ok"));

    const DispatchSummary summary = drain(QStringLiteral("dispatcher-b"));
    QCOMPARE(summary.sent, 1);
    QCOMPARE(
        m_sim->count(QStringLiteral("POST"), QStringLiteral("/endpoint/v1/endpoints/isolation")),
        1);
    QVERIFY(outbox.get(isolation).value()->result.contains(QLatin1String("confirmed")));
}

QTEST_GUILESS_MAIN(TestOutboxDispatch)
#include "TestOutboxDispatch.moc"
