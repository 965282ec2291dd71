// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/ProposalEngine.h"
#include "support/AiDemoCase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mtr::ai;
using mtr::domain::RolloutPhase;

/// Playbooks from the built-in resource, the rollout phase gate, ATT&CK mapping and the
/// false-positive hint.
class TestProposalEngine : public QObject
{
    Q_OBJECT

private slots:
    void builtInCatalogLoads();
    void badCatalogIsRefused_data();
    void badCatalogIsRefused();
    void readOnlyProposesNothing();
    void assistedNeedsApprovalForAll();
    void conditionalAutomationOnlyNamedLowRisk();
    void containmentRespectsTargets();
    void techniquesAreMappedAndNamed();
    void falsePositiveHint();

private:
    static ProposalEngine engine();
};

ProposalEngine TestProposalEngine::engine()
{
    auto catalog = PlaybookCatalog::builtIn();
    Q_ASSERT(catalog.ok());
    const QList<mtr::domain::Technique> table{
        {u"T1218.011"_s, u"System Binary Proxy Execution: Rundll32"_s, {u"defense-evasion"_s}}};
    return ProposalEngine(catalog.value(), table);
}

void TestProposalEngine::builtInCatalogLoads()
{
    const auto catalog = PlaybookCatalog::builtIn();
    QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().message));
    QVERIFY(catalog->playbooks().size() >= 4);
    for (const auto& pb : catalog->playbooks()) {
        for (const auto& step : pb.steps) {
            if (step.kind == Proposal::Kind::Containment) {
                QVERIFY2(!step.reason.isEmpty() && !step.impact.isEmpty(), qPrintable(step.id));
            }
        }
    }
}

void TestProposalEngine::badCatalogIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("not json") << QByteArray("{");
    QTest::addRow("no playbooks") << QByteArray(R"({"playbooks":[]})");
    QTest::addRow("no id") << QByteArray(R"({"playbooks":[{"match":{"types":["x"]}}]})");
    QTest::addRow("bad regex") << QByteArray(
        R"({"playbooks":[{"id":"a","match":{"detectionNames":["("]}}]})");
    QTest::addRow("containment without action")
        << QByteArray(R"({"playbooks":[{"id":"a","containment":[{"id":"c"}]}]})");
    QTest::addRow("query without sql")
        << QByteArray(R"({"playbooks":[{"id":"a","liveDiscover":[{"id":"q"}]}]})");
    // The approval queue would show an empty line where the analyst reads what and why.
    QTest::addRow("containment without title") << QByteArray(
        R"({"playbooks":[{"id":"a","containment":[{"id":"c","action":"isolateEndpoint",)"
        R"("reason":"r","impact":"i"}]}]})");
    QTest::addRow("command without reason") << QByteArray(
        R"({"playbooks":[{"id":"a","liveResponse":[{"id":"c","title":"t","command":"netstat",)"
        R"("impact":"i"}]}]})");
    QTest::addRow("query with a blank impact") << QByteArray(
        R"({"playbooks":[{"id":"a","liveDiscover":[{"id":"q","title":"t","sql":"select 1",)"
        R"("reason":"r","impact":"  "}]}]})");
}

void TestProposalEngine::badCatalogIsRefused()
{
    QFETCH(QByteArray, json);
    const auto catalog = PlaybookCatalog::fromJson(json);
    QVERIFY(!catalog.ok());
    QCOMPARE(catalog.error().code, mtr::Error::Code::InvalidInput);
}

void TestProposalEngine::readOnlyProposesNothing()
{
    const auto set = engine().propose(mtr::test::aiDemoCase(), RolloutPhase::ReadOnly, {});
    QVERIFY(set.proposals.isEmpty());
    QVERIFY(!set.techniques.isEmpty()); // mapping is information, not a proposal
}

void TestProposalEngine::assistedNeedsApprovalForAll()
{
    const auto set = engine().propose(mtr::test::aiDemoCase(), RolloutPhase::Assisted, {});
    QVERIFY(set.proposals.size() >= 6);
    QStringList kinds;
    for (const auto& p : set.proposals) {
        QVERIFY(p.needsApproval);
        QVERIFY(!p.automatic);
        kinds << QString::number(int(p.kind));
    }
    QVERIFY(kinds.contains(QString::number(int(Proposal::Kind::LiveDiscoverQuery))));
    QVERIFY(kinds.contains(QString::number(int(Proposal::Kind::LiveResponseCommand))));
    QVERIFY(kinds.contains(QString::number(int(Proposal::Kind::Containment))));
}

void TestProposalEngine::conditionalAutomationOnlyNamedLowRisk()
{
    const auto set =
        engine().propose(mtr::test::aiDemoCase(), RolloutPhase::ConditionalAutomation, {});
    int automatic = 0;
    for (const auto& p : set.proposals) {
        if (p.automatic) {
            ++automatic;
            QCOMPARE(p.risk, u"low"_s);
            QVERIFY(!p.needsApproval);
            QVERIFY(p.id == u"block-hash"_s || p.id == u"alert-acknowledge"_s);
        }
        if (p.action == u"isolateEndpoint"_s) {
            QVERIFY(p.needsApproval);
        }
    }
    QVERIFY(automatic >= 1);
}

void TestProposalEngine::containmentRespectsTargets()
{
    auto c = mtr::test::aiDemoCase();
    c.endpoints[0].isolationStatus = u"isolated"_s;
    c.indicators.removeIf([](const auto& i) {
        return i.type == mtr::domain::Indicator::Type::Sha256;
    });
    c.alerts[1].allowedActions = {u"cleanPua"_s}; // HIPS alert: acknowledge not offered
    const auto set = engine().propose(c, RolloutPhase::Assisted, {});
    for (const auto& p : set.proposals) {
        QVERIFY2(p.action != u"blockHash"_s, "no hash in the case");
        QVERIFY2(!(p.action == u"isolateEndpoint"_s && p.endpointId == c.endpoints[0].id),
                 "already isolated");
        QVERIFY2(!(p.action == u"alertAction:acknowledge"_s && p.alertId == c.alerts[1].id),
                 "not allowed by Central");
    }
}

void TestProposalEngine::techniquesAreMappedAndNamed()
{
    const auto set = engine().propose(mtr::test::aiDemoCase(), RolloutPhase::ReadOnly, {});
    QStringList ids;
    for (const auto& t : set.techniques) {
        ids << t.id;
        if (t.id == u"T1218.011"_s) {
            QCOMPARE(t.name, u"System Binary Proxy Execution: Rundll32"_s);
        }
    }
    for (const auto& expected : {u"T1204.002"_s, u"T1218.011"_s, u"T1569.002"_s, u"T1036.007"_s}) {
        QVERIFY2(ids.contains(expected), qPrintable(ids.join(u',')));
    }
}

void TestProposalEngine::falsePositiveHint()
{
    const auto c = mtr::test::aiDemoCase();
    const auto& pua = c.alerts[2];
    const QString key = PlaybookCatalog::ruleKey(pua);
    QCOMPARE(key, u"Event::Endpoint::PUADetected|PsExec"_s);
    const QList<ClosedAlert> history{
        {u"old-1"_s, u"case-0"_s, key, pua.endpointId, u"falsePositive"_s, {}},
        {u"old-2"_s, u"case-9"_s, key, c.endpoints[1].id, u"falsePositive"_s, {}}, // other host
        {u"old-3"_s, u"case-8"_s, key, pua.endpointId, u"truePositive"_s, {}}};
    const auto hints = ProposalEngine::falsePositiveHints(c, history);
    QCOMPARE(hints.size(), 1);
    QCOMPARE(hints.first().alertId, pua.id);
    QCOMPARE(hints.first().count, 1);
    QCOMPARE(hints.first().previousCaseIds, QStringList{u"case-0"_s});
}

QTEST_GUILESS_MAIN(TestProposalEngine)
#include "TestProposalEngine.moc"
