// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/models/CaseTimelineModel.h"

#include <QTest>
#include <QTimeZone>

using mtr::app::CaseTimelineModel;
using mtr::domain::TimelineEvent;

/// The case timeline shows evidence text as written: names an attacker chose, with placeholders
/// or markup in them, are not formatted or interpreted.
class TestCaseTimelineModel : public QObject
{
    Q_OBJECT

private slots:

    void processNamesStayLiteral_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("pid");
        QTest::addColumn<QString>("shown");
        QTest::addRow("plain") << QStringLiteral("svchost.exe") << qint64(812)
                               << QStringLiteral("svchost.exe (pid 812)");
        QTest::addRow("placeholder") << QStringLiteral("evil%1%2.exe") << qint64(42)
                                     << QStringLiteral("evil%1%2.exe (pid 42)");
        QTest::addRow("markup") << QStringLiteral("<b>x</b>") << qint64(7)
                                << QStringLiteral("<b>x</b> (pid 7)");
        QTest::addRow("no pid") << QStringLiteral("%1.exe") << qint64(-1)
                                << QStringLiteral("%1.exe");
    }

    void processNamesStayLiteral()
    {
        QFETCH(QString, name);
        QFETCH(qint64, pid);
        QFETCH(QString, shown);
        TimelineEvent e;
        e.id = QStringLiteral("ev:1");
        e.timeUtc = QDateTime(QDate(2026, 11, 30), QTime(8, 45), QTimeZone::utc());
        e.source = QStringLiteral("process");
        e.host = QStringLiteral("WS-07");
        e.processName = name;
        e.pid = pid;
        CaseTimelineModel model;
        model.setEvents({e});
        // Events hang under their host's row.
        const QModelIndex host = model.index(0, 0);
        QCOMPARE(model.rowCount(host), 1);
        QCOMPARE(model.index(0, CaseTimelineModel::ProcessColumn, host).data().toString(), shown);
    }
};

QTEST_GUILESS_MAIN(TestCaseTimelineModel)
#include "TestCaseTimelineModel.moc"
