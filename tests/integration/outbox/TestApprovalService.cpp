// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// The approval rules on a real SQLite workspace: digest binding, voiding by a content change,
/// a second different analyst for high-impact actions, rollout phases and conditional
/// automation under "automation:<playbook>", each audited.

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "workflow/ApprovalService.h"
#include "workflow/OutboxPayload.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mtr;
using namespace mtr::workflow;
using namespace Qt::StringLiterals;

class TestApprovalService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void approvalEnqueuesExactContent();
    void changedContentVoidsApproval();
    void highImpactNeedsSecondAnalyst();
    void phaseDecidesWhatMayBeApproved_data();
    void phaseDecidesWhatMayBeApproved();
    void automationApprovesNamedStepsOnly();
    void policyFileParses_data();
    void policyFileParses();

private:
    domain::Proposal proposal(const QString& id, const QString& tenant, bool highImpact);
    RolloutPolicy policy(domain::RolloutPhase phase) const;
    QStringList auditKinds();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
};

void TestApprovalService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = store::Database::open(
        store::DatabaseConfig::sqlite(m_dir->filePath(QStringLiteral("w.sqlite"))));
    QVERIFY(db);
    m_db = std::move(db.value());
}

RolloutPolicy TestApprovalService::policy(domain::RolloutPhase phase) const
{
    RolloutPolicy p;
    TenantPolicy t;
    t.phase = phase;
    p.setPolicy(QStringLiteral("t1"), t);
    return p;
}

domain::Proposal
TestApprovalService::proposal(const QString& id, const QString& tenant, bool highImpact)
{
    domain::Proposal p;
    p.id = id;
    p.tenantId = tenant;
    p.caseId = QStringLiteral("alert:a1");
    p.kind = QLatin1String(OutboxPayload::IsolateEndpoint);
    p.content = OutboxPayload::isolation({QStringLiteral("ep-1")}, QStringLiteral("contain"));
    p.highImpact = highImpact;
    p.status = QStringLiteral("open");
    [&] {
        QVERIFY(store::ProposalRepository(*m_db).upsert(p));
    }();
    return p;
}

QStringList TestApprovalService::auditKinds()
{
    QStringList kinds;
    [&] {
        QVERIFY(store::AuditLog(*m_db).forEach([&kinds](const domain::AuditEntry& e) {
            kinds.append(e.kind);
            return true;
        }));
    }();
    return kinds;
}

void TestApprovalService::approvalEnqueuesExactContent()
{
    const auto p = proposal(QStringLiteral("p1"), QStringLiteral("t1"), false);
    ApprovalService service(*m_db, policy(domain::RolloutPhase::Assisted));
    auto outcome = service.approve(p.id, QStringLiteral("alice"), p.content);
    QVERIFY2(outcome, qPrintable(outcome.ok() ? QString() : outcome.error().message));
    QVERIFY(outcome.value().enqueued);
    const auto item = store::OutboxRepository(*m_db).get(outcome.value().outboxId).value();
    QVERIFY(item);
    QCOMPARE(item->payload, p.content);
    QCOMPARE(item->contentDigest, outcome.value().approval.contentDigest);
    QCOMPARE(auditKinds(), (QStringList{QStringLiteral("approval"), QStringLiteral("enqueued")}));
    // Approving text the analyst did not see as the proposal's is refused.
    QVERIFY(!service.approve(p.id, QStringLiteral("bob"), p.content + QStringLiteral("x")));
    QVERIFY(!service.approve(p.id, QString(), p.content));
    QVERIFY(!service.approve(p.id, QStringLiteral("automation:x"), p.content));
}

void TestApprovalService::changedContentVoidsApproval()
{
    auto p = proposal(QStringLiteral("p2"), QStringLiteral("t1"), false);
    ApprovalService service(*m_db, policy(domain::RolloutPhase::Assisted));
    QVERIFY(service.approve(p.id, QStringLiteral("alice"), p.content));
    p.content = OutboxPayload::isolation({QStringLiteral("ep-2")}, QStringLiteral("contain"));
    QVERIFY(store::ProposalRepository(*m_db).upsert(p));
    QCOMPARE(store::ProposalRepository(*m_db).validApprovals(p.id).value().size(), 0);
    QCOMPARE(store::ProposalRepository(*m_db).approvals(p.id).value().size(), 1);
}

void TestApprovalService::highImpactNeedsSecondAnalyst()
{
    const auto p = proposal(QStringLiteral("p3"), QStringLiteral("t1"), true);
    ApprovalService service(*m_db, policy(domain::RolloutPhase::Assisted));
    auto first = service.approve(p.id, QStringLiteral("alice"), p.content);
    QVERIFY(first);
    QVERIFY(!first.value().enqueued);
    QCOMPARE(first.value().requiredApprovers, 2);
    auto again = service.approve(p.id, QStringLiteral("alice"), p.content);
    QVERIFY(again);
    QVERIFY(!again.value().enqueued); // the same analyst twice is still one
    auto second = service.approve(p.id, QStringLiteral("bob"), p.content);
    QVERIFY(second);
    QVERIFY(second.value().enqueued);
    QCOMPARE(second.value().validApprovers, 2);
}

void TestApprovalService::phaseDecidesWhatMayBeApproved_data()
{
    QTest::addColumn<int>("phase");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("accepted");
    using P = domain::RolloutPhase;
    QTest::addRow("read-only isolation") << int(P::ReadOnly) << u"isolate-endpoint"_s << false;
    QTest::addRow("read-only live discover") << int(P::ReadOnly) << u"live-discover"_s << false;
    QTest::addRow("read-only message") << int(P::ReadOnly) << u"customer-message"_s << true;
    QTest::addRow("assisted isolation") << int(P::Assisted) << u"isolate-endpoint"_s << true;
    QTest::addRow("automation alert action")
        << int(P::ConditionalAutomation) << u"alert-action"_s << true;
}

void TestApprovalService::phaseDecidesWhatMayBeApproved()
{
    QFETCH(int, phase);
    QFETCH(QString, kind);
    QFETCH(bool, accepted);
    domain::Proposal p;
    p.id = QStringLiteral("p4/") + QLatin1String(QTest::currentDataTag());
    p.tenantId = QStringLiteral("t1");
    p.caseId = QStringLiteral("alert:a1");
    p.kind = kind;
    p.content = OutboxPayload::isolation({QStringLiteral("ep-1")}, QStringLiteral("contain"));
    if (kind == QLatin1String(OutboxPayload::CustomerMessage))
        p.content = OutboxPayload::customerMessage(QStringLiteral("c1"), {}, u"s"_s, u"b"_s);
    QVERIFY(store::ProposalRepository(*m_db).upsert(p));
    ApprovalService service(*m_db, policy(domain::RolloutPhase(phase)));
    auto outcome = service.approve(p.id, QStringLiteral("alice"), p.content);
    QVERIFY2(outcome.ok() == accepted,
             qPrintable(outcome.ok() ? QStringLiteral("accepted") : outcome.error().message));
    QCOMPARE(auditKinds().contains(QStringLiteral("approval-refused")), !accepted);
}

void TestApprovalService::automationApprovesNamedStepsOnly()
{
    domain::Proposal p;
    p.id = QStringLiteral("p5");
    p.tenantId = QStringLiteral("t1");
    p.caseId = QStringLiteral("alert:a1");
    p.kind = QLatin1String(OutboxPayload::AlertAction);
    p.content = OutboxPayload::alertAction(u"a1"_s, u"acknowledge"_s);
    QVERIFY(store::ProposalRepository(*m_db).upsert(p));
    ApprovalService assisted(*m_db, policy(domain::RolloutPhase::Assisted));
    QVERIFY(!assisted.autoApprove(p, u"behaviour-detected"_s, u"alert-acknowledge"_s));
    ApprovalService automated(*m_db, policy(domain::RolloutPhase::ConditionalAutomation));
    QVERIFY(!automated.autoApprove(p, u"behaviour-detected"_s, u"isolate-endpoint"_s));
    auto outcome = automated.autoApprove(p, u"behaviour-detected"_s, u"alert-acknowledge"_s);
    QVERIFY(outcome);
    QVERIFY(outcome.value().enqueued);
    QCOMPARE(outcome.value().approval.analyst, u"automation:behaviour-detected"_s);
    QVERIFY(auditKinds().contains(u"auto-approval"_s));
    const auto item = store::OutboxRepository(*m_db).get(outcome.value().outboxId).value();
    QVERIFY(item);
    QCOMPARE(item->kind, p.kind);
    QCOMPARE(item->payload, p.content);
}

void TestApprovalService::policyFileParses_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("phaseOfT1");
    QTest::addColumn<int>("contactsOfT1");
    QTest::addRow("empty") << QByteArray("{}") << true << u"read-only"_s << 0;
    QTest::addRow("tenant") << QByteArray(
        R"({"tenants":{"t1":{"phase":"assisted","contacts":["a@b.test"]}}})")
                            << true << u"assisted"_s << 1;
    QTest::addRow("default inherited") << QByteArray(
        R"({"default":{"phase":"conditional-automation","contacts":["x@y.test","z@y.test"]},"tenants":{"t1":{}}})")
                                       << true << u"conditional-automation"_s << 2;
    QTest::addRow("bad phase") << QByteArray(R"({"tenants":{"t1":{"phase":"yolo"}}})") << false
                               << QString() << 0;
    QTest::addRow("not json") << QByteArray("[1,") << false << QString() << 0;
}

void TestApprovalService::policyFileParses()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QString, phaseOfT1);
    QFETCH(int, contactsOfT1);
    auto policy = RolloutPolicy::fromJson(json);
    QCOMPARE(policy.ok(), ok);
    if (!ok)
        return;
    const TenantPolicy t1 = policy.value().policyFor(u"t1"_s);
    QCOMPARE(domain::rolloutPhaseToString(t1.phase), phaseOfT1);
    QCOMPARE(t1.contacts.size(), contactsOfT1);
}

QTEST_GUILESS_MAIN(TestApprovalService)
#include "TestApprovalService.moc"
