// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/GroundingValidator.h"
#include "ai/OfflineDrafter.h"
#include "support/AiDemoCase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mtr::ai;

/// The offline drafter on a composed demo-like case: every kind is grounded, cites evidence in
/// every sentence, covers what/where/when/who and passes the validator untouched.
class TestOfflineDrafter : public QObject
{
    Q_OBJECT

private slots:
    void everyKindIsGrounded_data();
    void everyKindIsGrounded();
    void summaryCoversTheFacts();
    void timelineIsInTimeOrder();
    void instructionsInEvidenceAreNotQuoted();
    void emptyCaseStillGrounded();
};

void TestOfflineDrafter::everyKindIsGrounded_data()
{
    QTest::addColumn<DraftKind>("kind");
    QTest::addColumn<bool>("injected");
    for (const bool injected : {false, true}) {
        const QString suffix = injected ? u" with injection"_s : QString();
        QTest::addRow("%s", qPrintable(u"summary"_s + suffix))
            << DraftKind::CaseSummary << injected;
        QTest::addRow("%s", qPrintable(u"timeline"_s + suffix))
            << DraftKind::TimelineNarrative << injected;
        QTest::addRow("%s", qPrintable(u"notification"_s + suffix))
            << DraftKind::CustomerNotification << injected;
        QTest::addRow("%s", qPrintable(u"executive"_s + suffix))
            << DraftKind::ExecutiveSummary << injected;
    }
}

void TestOfflineDrafter::everyKindIsGrounded()
{
    QFETCH(DraftKind, kind);
    QFETCH(bool, injected);
    const CaseFile c = mtr::test::aiDemoCase(injected);
    const Draft draft = OfflineDrafter(c).draft(kind);
    QVERIFY(draft.sentences.size() >= 2);
    const auto known = c.evidenceIds();
    for (const auto& s : draft.sentences) {
        QVERIFY2(!s.evidenceIds.isEmpty(), qPrintable(s.text));
        for (const auto& id : s.evidenceIds) {
            QVERIFY2(known.contains(id), qPrintable(id));
        }
    }
    const auto result = GroundingValidator(c).validate(draft);
    QVERIFY2(result.clean(),
             qPrintable(result.findings.value(0).kind + u": "_s + result.findings.value(0).value
                        + u" in "_s + result.findings.value(0).sentence));
    QCOMPARE(result.cleaned.sentences.size(), draft.sentences.size());
}

void TestOfflineDrafter::summaryCoversTheFacts()
{
    const Draft d = OfflineDrafter(mtr::test::aiDemoCase()).caseSummary();
    const QString text = d.plainText();
    for (const auto& expected : {u"WS-FIN-07"_s,
                                 u"SRV-DC-01"_s,
                                 u"2026-03-14 09:12 UTC"_s,
                                 u"Jana Prüfer"_s,
                                 u"198.51.100.23"_s,
                                 u"T1218.011"_s,
                                 u"Confidence is high"_s,
                                 u"Troj/Agent-BFXY"_s}) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
}

void TestOfflineDrafter::timelineIsInTimeOrder()
{
    auto c = mtr::test::aiDemoCase();
    std::reverse(c.timeline.begin(), c.timeline.end());
    const Draft d = OfflineDrafter(c).timelineNarrative();
    QCOMPARE(d.sentences.size(), 3);
    QCOMPARE(d.sentences.at(0).evidenceIds.first(), u"tl-1"_s);
    QCOMPARE(d.sentences.at(2).evidenceIds.first(), u"tl-3"_s);
}

void TestOfflineDrafter::instructionsInEvidenceAreNotQuoted()
{
    const Draft d = OfflineDrafter(mtr::test::aiDemoCase(true)).caseSummary();
    QVERIFY(!d.plainText().contains(u"ignore previous"_s, Qt::CaseInsensitive));
    QVERIFY(d.plainText().contains(u"withheld"_s));
}

void TestOfflineDrafter::emptyCaseStillGrounded()
{
    CaseFile c = mtr::test::aiDemoCase();
    c.alerts.clear();
    c.timeline.clear();
    for (const auto kind :
         {DraftKind::CaseSummary, DraftKind::ExecutiveSummary, DraftKind::CustomerNotification}) {
        const auto result = GroundingValidator(c).validate(OfflineDrafter(c).draft(kind));
        QVERIFY(result.clean());
        QVERIFY(!result.cleaned.sentences.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestOfflineDrafter)
#include "TestOfflineDrafter.moc"
