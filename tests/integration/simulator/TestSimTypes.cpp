// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// In-process: the simulator's own time formatting and parsing against QDateTime.

#include "simulator/SimTypes.h"

#include <QDateTime>
#include <QTest>

using namespace mtr::simulator;

/// isoMs(), parseIsoMs() and timeOrDuration().
class TestSimTypes : public QObject
{
    Q_OBJECT

private slots:

    void isoMsMatchesQDateTime_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addRow("epoch") << qint64(0);
        QTest::addRow("before-epoch") << qint64(-1);
        QTest::addRow("y2k-leap-day") << qint64(951782400123);
        QTest::addRow("2024-02-29") << qint64(1709210096789);
        QTest::addRow("fixture-anchor") << qint64(1796029200000);
        QTest::addRow("end-of-year") << qint64(1798761599999);
        QTest::addRow("far-future") << qint64(4102444800001);
    }

    void isoMsMatchesQDateTime()
    {
        QFETCH(qint64, ms);
        const QString expected =
            QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        QCOMPARE(isoMs(ms), expected);
        QCOMPARE(parseIsoMs(isoMs(ms)), ms);
    }

    void parseWithoutZ()
    {
        QCOMPARE(parseIsoMs(QStringLiteral("2021-02-12T15:04:53.780")),
                 parseIsoMs(QStringLiteral("2021-02-12T15:04:53.780Z")));
        QCOMPARE(parseIsoMs(QStringLiteral("not a time")), qint64(-1));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("agoMs");
        QTest::addRow("one-day") << "-P1D" << qint64(86400000);
        QTest::addRow("twenty-minutes") << "PT20M" << qint64(1200000);
        QTest::addRow("mixed") << "P1DT2H3M4S" << qint64(93784000);
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, agoMs);
        const qint64 now = 1796029200000;
        QCOMPARE(timeOrDuration(text, now), now - agoMs);
    }
};

QTEST_GUILESS_MAIN(TestSimTypes)
#include "TestSimTypes.moc"
