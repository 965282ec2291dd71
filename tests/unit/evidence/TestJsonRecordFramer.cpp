// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/JsonRecordFramer.h"

#include <QTest>

using mtr::evidence::JsonRecordFramer;

/// Record framing of Central/SIEM exports (known fault K6 and its whole kind).
class TestJsonRecordFramer : public QObject
{
    Q_OBJECT

private slots:
    void frames_data();
    void frames();
    void truncatedLastRecordKeepsEarlierOnes();
};

void TestJsonRecordFramer::frames_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("diagnostics");
    QTest::addColumn<qint64>("badRecordStart"); // the diagnostic points at or after it

    const QStringList ab = {QStringLiteral("a"), QStringLiteral("b")};
    QTest::addRow("json-array") << QByteArray(R"([{"id":"a"},{"id":"b"}])") << ab << 0
                                << qint64(-1);
    QTest::addRow("items-envelope")
        << QByteArray(R"({"has_more":false,"items":[{"id":"a"},{"id":"b"}]})") << ab << 0
        << qint64(-1);
    QTest::addRow("two-envelopes-concatenated")
        << QByteArray("{\"items\":[{\"id\":\"a\"}]}\n{\"items\":[{\"id\":\"b\"}]}") << ab << 0
        << qint64(-1);
    QTest::addRow("ndjson") << QByteArray("{\"id\":\"a\"}\n{\"id\":\"b\"}\n") << ab << 0
                            << qint64(-1);
    QTest::addRow("ndjson-crlf-blank-lines")
        << QByteArray("\r\n{\"id\":\"a\"}\r\n\r\n\r\n{\"id\":\"b\"}\r\n") << ab << 0 << qint64(-1);
    QTest::addRow("concatenated-no-newline")
        << QByteArray(R"({"id":"a"}{"id":"b"})") << ab << 0 << qint64(-1);
    QTest::addRow("pretty-printed")
        << QByteArray("{\n  \"id\": \"a\",\n  \"x\": {\"y\": [1, 2]}\n}\n{\n  \"id\": \"b\"\n}\n")
        << ab << 0 << qint64(-1);
    QTest::addRow("nul-delimited")
        << QByteArray("{\"id\":\"a\"}\0{\"id\":\"b\"}\0", 22) << ab << 0 << qint64(-1);
    QTest::addRow("braces-inside-strings")
        << QByteArray(R"({"id":"a","t":"}{\"x"}{"id":"b"})") << ab << 0 << qint64(-1);
    QTest::addRow("bom-then-array")
        << QByteArray("\xEF\xBB\xBF[{\"id\":\"a\"},{\"id\":\"b\"}]") << ab << 0 << qint64(-1);
    QTest::addRow("bad-record-in-the-middle")
        << QByteArray("{\"id\":\"a\"}\n{\"id\": nope}\n{\"id\":\"b\"}\n") << ab << 1 << qint64(11);
    QTest::addRow("junk-line-between")
        << QByteArray("{\"id\":\"a\"}\nERROR 502 gateway\n{\"id\":\"b\"}") << ab << 1 << qint64(11);
    QTest::addRow("truncated-last")
        << QByteArray("{\"id\":\"a\"}{\"id\":\"b\"}{\"id\":\"c\",\"na") << ab << 1 << qint64(20);
    QTest::addRow("empty") << QByteArray() << QStringList() << 0 << qint64(-1);
}

void TestJsonRecordFramer::frames()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, ids);
    QFETCH(int, diagnostics);
    QFETCH(qint64, badRecordStart);

    const auto result = JsonRecordFramer::frame(input);
    QStringList got;
    for (const auto& record : result.records) {
        got.append(record.object.value(QLatin1String("id")).toString());
    }
    QCOMPARE(got, ids);
    QCOMPARE(result.diagnostics.size(), diagnostics);
    if (diagnostics > 0) {
        const qint64 offset = result.diagnostics.first().offset;
        QVERIFY2(offset >= badRecordStart && offset < badRecordStart + 16,
                 qPrintable(QString::number(offset)));
        QVERIFY(!result.diagnostics.first().message.isEmpty());
    }
}

void TestJsonRecordFramer::truncatedLastRecordKeepsEarlierOnes()
{
    const QByteArray data(
        "{\"id\":\"a\"}\n{\n \"id\":\"b\"\n}\n{\n \"id\":\"c\",\n \"when\":\"2024");
    const auto result = JsonRecordFramer::frame(data);
    QCOMPARE(result.records.size(), 2);
    QCOMPARE(result.records.at(1).line, qint64(2));
    QCOMPARE(result.records.at(1).offset, qint64(11));
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().line, qint64(5));
    QCOMPARE(result.diagnostics.first().offset, qint64(data.indexOf("{\n \"id\":\"c\"")));
    QVERIFY(result.diagnostics.first().message.contains(QLatin1String("truncated")));
}

QTEST_GUILESS_MAIN(TestJsonRecordFramer)
#include "TestJsonRecordFramer.moc"
