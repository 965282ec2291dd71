// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "domain/WordDiff.h"

#include <QTest>

using mtr::domain::WordDiff;
using namespace Qt::StringLiterals;

namespace {

QStringList spanTexts(const QString& text, const QList<WordDiff::Span>& spans)
{
    QStringList out;
    for (const auto& s : spans)
        out << text.mid(s.offset, s.length);
    return out;
}

} // namespace

/// Word-level differences between the AI draft and the analyst's edit.
class TestWordDiff : public QObject
{
    Q_OBJECT

private slots:

    void spans_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QStringList>("inserted");
        QTest::addRow("identical") << u"The host was isolated."_s << u"The host was isolated."_s
                                   << QStringList() << QStringList();
        QTest::addRow("whitespace-only")
            << u"The host  was\nisolated."_s << u"The host was isolated."_s << QStringList()
            << QStringList();
        QTest::addRow("one-word-changed")
            << u"The host was isolated."_s << u"The server was isolated."_s
            << QStringList{u"host"_s} << QStringList{u"server"_s};
        QTest::addRow("inserted-phrase-merged")
            << u"We isolated it."_s << u"We isolated it at 09:05 UTC today."_s
            << QStringList{u"it."_s} << QStringList{u"it at 09:05 UTC today."_s};
        QTest::addRow("deleted-at-start")
            << u"Urgent: the host was isolated."_s << u"the host was isolated."_s
            << QStringList{u"Urgent:"_s} << QStringList();
        QTest::addRow("empty-before")
            << u""_s << u"New text"_s << QStringList() << QStringList{u"New text"_s};
        QTest::addRow("non-ascii") << u"Größe geändert"_s << u"Größe unverändert"_s
                                   << QStringList{u"geändert"_s} << QStringList{u"unverändert"_s};
    }

    void spans()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QStringList, removed);
        QFETCH(QStringList, inserted);
        const WordDiff diff = WordDiff::compute(before, after);
        QCOMPARE(spanTexts(before, diff.removed), removed);
        QCOMPARE(spanTexts(after, diff.inserted), inserted);
    }

    void hugeInputFallsBackToPrefixAndSuffix()
    {
        QString before;
        QString after;
        for (int i = 0; i < 5000; ++i) {
            before += QStringLiteral("w%1 ").arg(i);
            after += QStringLiteral("w%1 ").arg(i == 1000 || i == 4000 ? -i : i);
        }
        // 3001 words differ in the middle: over the limit, so the whole middle is one change.
        const WordDiff diff = WordDiff::compute(before, after, 100);
        const QStringList removed = spanTexts(before, diff.removed);
        QCOMPARE(removed.size(), 1);
        QVERIFY(removed.first().startsWith(QStringLiteral("w1000 w1001")));
        QVERIFY(removed.first().endsWith(QStringLiteral("w3999 w4000")));
        QCOMPARE(spanTexts(after, diff.inserted).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWordDiff)
#include "TestWordDiff.moc"
