// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/Draft.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mtr::ai;

/// Reading model answers against the draft schema.
class TestDraft : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
};

void TestDraft::parses_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<int>("sentences");
    QTest::addRow("plain") << uR"({"sentences":[{"text":"A.","evidenceIds":["E1"]}]})"_s << 1;
    QTest::addRow("fenced") << u"```json\n{\"sentences\":[{\"text\":\"A.\",\"evidenceIds\":[]},"
                               u"{\"text\":\"B.\",\"evidenceIds\":[\"E2\",\"E3\"]}]}\n```"_s
                            << 2;
    QTest::addRow("empty list") << uR"({"sentences":[]})"_s << 0;
}

void TestDraft::parses()
{
    QFETCH(QString, answer);
    QFETCH(int, sentences);
    const auto draft = draftFromModelAnswer(answer, DraftKind::ExecutiveSummary);
    QVERIFY(draft.ok());
    QCOMPARE(draft->sentences.size(), sentences);
    QCOMPARE(draft->kind, DraftKind::ExecutiveSummary);
}

void TestDraft::rejects_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addRow("prose") << u"Sure! Here is the summary: all fine."_s;
    QTest::addRow("array") << u"[1,2]"_s;
    QTest::addRow("no sentences") << uR"({"text":"x"})"_s;
    QTest::addRow("missing ids") << uR"({"sentences":[{"text":"A."}]})"_s;
    QTest::addRow("numeric id") << uR"({"sentences":[{"text":"A.","evidenceIds":[1]}]})"_s;
    QTest::addRow("truncated") << uR"({"sentences":[{"text":"A.","evi)"_s;
}

void TestDraft::rejects()
{
    QFETCH(QString, answer);
    const auto draft = draftFromModelAnswer(answer, DraftKind::CaseSummary);
    QVERIFY(!draft.ok());
    QCOMPARE(draft.error().code, mtr::Error::Code::InvalidInput);
}

QTEST_GUILESS_MAIN(TestDraft)
#include "TestDraft.moc"
