// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/CsvTimelineReader.h"

#include <QTest>

using mtr::evidence::CsvTimelineReader;

/// CSV timelines: strict times, the epoch column as a fallback, disagreement flagged (K7's kind).
class TestCsvTimelineReader : public QObject
{
    Q_OBJECT

private slots:
    void rows_data();
    void rows();
    void quotedCellsSpanLines();
};

void TestCsvTimelineReader::rows_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("time");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<int>("errors");

    const auto withHead = [](const char* row) {
        return QStringLiteral("datetime,timestamp,message\n") + QString::fromUtf8(row);
    };
    QTest::addRow("both-agree") << withHead("2024-02-11T05:09:10+00:00,1707628150000000,x\n")
                                << "2024-02-11T05:09:10Z" << 0 << 0;
    QTest::addRow("dashes-in-time-uses-epoch")
        << withHead("2024-02-11T05-07-28+00:00,1707628048119860,x\n")
        << "2024-02-11T05:07:28.119860Z" << 1 << 0;
    QTest::addRow("date-only-is-malformed")
        << withHead("2024-02-11,1707628048,x\n") << "2024-02-11T05:07:28Z" << 1 << 0;
    QTest::addRow("columns-disagree")
        << withHead("2024-02-11T06:00:00Z,1707628048,x\n") << "2024-02-11T05:07:28Z" << 1 << 0;
    QTest::addRow("offset-applied") << withHead("2024-02-11T06:07:28+01:00,1707628048000,x\n")
                                    << "2024-02-11T05:07:28Z" << 0 << 0;
    QTest::addRow("no-usable-time-rejected") << withHead("yesterday,,x\n") << QString() << 0 << 1;
    QTest::addRow("iso-only") << QStringLiteral("datetime,message\n2024-02-11T05:07:28.5Z,x\n")
                              << "2024-02-11T05:07:28.500000Z" << 0 << 0;
    QTest::addRow("epoch-seconds-only")
        << QStringLiteral("timestamp,message\n1707628048,x\n") << "2024-02-11T05:07:28Z" << 0 << 0;
    QTest::addRow("wrong-cell-count")
        << withHead("2024-02-11T05:09:10Z,1\n") << QString() << 0 << 1;
    QTest::addRow("hour-out-of-range")
        << withHead("2024-02-11T25:00:00Z,,x\n") << QString() << 0 << 1;
}

void TestCsvTimelineReader::rows()
{
    QFETCH(QString, csv);
    QFETCH(QString, time);
    QFETCH(int, warnings);
    QFETCH(int, errors);

    const auto result = CsvTimelineReader::read(csv);
    int gotWarnings = 0;
    int gotErrors = 0;
    for (const auto& d : result.diagnostics) {
        (d.level == mtr::evidence::ReadDiagnostic::Level::Error ? gotErrors : gotWarnings) += 1;
        QCOMPARE(d.line, qint64(2));
    }
    QCOMPARE(gotWarnings, warnings);
    QCOMPARE(gotErrors, errors);
    QCOMPARE(result.rows.size(), time.isEmpty() ? 0 : 1);
    if (!time.isEmpty()) {
        QCOMPARE(CsvTimelineReader::isoMicros(result.rows.first().epochMicros), time);
        QCOMPARE(result.rows.first().message, QStringLiteral("x"));
    }
}

void TestCsvTimelineReader::quotedCellsSpanLines()
{
    const QString csv = QStringLiteral("datetime,message\r\n2024-02-11T05:07:28Z,\"two\nlines, "
                                       "\"\"quoted\"\"\"\r\n2024-02-11T05:08:00Z,next\r\n");
    const auto result = CsvTimelineReader::read(csv);
    QVERIFY(result.diagnostics.isEmpty());
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).message, QStringLiteral("two\nlines, \"quoted\""));
    QCOMPARE(result.rows.at(1).line, qint64(4));
}

QTEST_GUILESS_MAIN(TestCsvTimelineReader)
#include "TestCsvTimelineReader.moc"
