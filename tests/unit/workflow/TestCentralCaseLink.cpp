// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/CentralCaseLink.h"

#include <QJsonObject>
#include <QTest>

using mtr::domain::Case;
using mtr::workflow::CentralCaseLink;

namespace {

Case makeCase(const QString& id, const QString& name, const QString& status, int ageHours)
{
    Case c;
    c.id = id;
    c.name = name;
    c.status = status;
    c.updatedAt = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC).addSecs(-3600 * ageHours);
    return c;
}

QStringList ids(const QList<Case>& cases)
{
    QStringList out;
    for (const Case& c : cases)
        out.append(c.id);
    return out;
}

} // namespace

/// The Central case a customer notification is suggested for: the one naming the alert's device,
/// then unresolved before resolved, newest first.
class TestCentralCaseLink : public QObject
{
    Q_OBJECT

private slots:

    void deviceNamedByHostComesFirst()
    {
        const QList<Case> cases{makeCase(QStringLiteral("new"),
                                         QStringLiteral("Phishing wave"),
                                         QStringLiteral("new"),
                                         1),
                                makeCase(QStringLiteral("dc"),
                                         QStringLiteral("MDR: Suspicious rundll32 on DC01"),
                                         QStringLiteral("investigating"),
                                         30),
                                makeCase(QStringLiteral("dc2"),
                                         QStringLiteral("Beacon on dc012"),
                                         QStringLiteral("new"),
                                         2)};
        // The short host name as a whole word; "dc012" is another machine.
        QCOMPARE(ids(CentralCaseLink::rank(cases, {}, QStringLiteral("dc01.corp.example.com"))),
                 (QStringList{QStringLiteral("dc"), QStringLiteral("new"), QStringLiteral("dc2")}));
    }

    void deviceIdInTheCaseComesFirst()
    {
        Case withDevice =
            makeCase(QStringLiteral("dev"), QStringLiteral("Hunt"), QStringLiteral("onHold"), 50);
        withDevice.raw = QJsonObject{
            {QStringLiteral("initialDetection"),
             QJsonObject{{QStringLiteral("device"),
                          QJsonObject{{QStringLiteral("id"), QStringLiteral("ep-42")}}}}}};
        const QList<Case> cases{
            makeCase(QStringLiteral("other"), QStringLiteral("Other"), QStringLiteral("new"), 1),
            withDevice};
        QCOMPARE(ids(CentralCaseLink::rank(cases, QStringLiteral("EP-42"), {})).first(),
                 QStringLiteral("dev"));
    }

    void unresolvedThenNewestWhenNoCaseNamesTheDevice()
    {
        const QList<Case> cases{
            makeCase(QStringLiteral("old-open"), QStringLiteral("A"), QStringLiteral("new"), 48),
            makeCase(QStringLiteral("resolved"),
                     QStringLiteral("B"),
                     QStringLiteral("resolved"),
                     1),
            makeCase(QStringLiteral("open"),
                     QStringLiteral("C"),
                     QStringLiteral("actionRequired"),
                     5)};
        QCOMPARE(ids(CentralCaseLink::rank(cases, QStringLiteral("ep-1"), QStringLiteral("ws-07"))),
                 (QStringList{QStringLiteral("open"),
                              QStringLiteral("old-open"),
                              QStringLiteral("resolved")}));
        // Too short a host name matches nothing rather than half the case titles.
        QCOMPARE(ids(CentralCaseLink::rank(cases, {}, QStringLiteral("a"))).first(),
                 QStringLiteral("open"));
    }

    void labelNamesTheCaseAndItsStatus()
    {
        QCOMPARE(
            CentralCaseLink::label(
                makeCase(QStringLiteral("id1"), QStringLiteral("Hunt"), QStringLiteral("new"), 1)),
            QStringLiteral("Hunt (new)"));
        QCOMPARE(CentralCaseLink::label(makeCase(QStringLiteral("id1"), {}, {}, 1)),
                 QStringLiteral("id1"));
    }
};

QTEST_GUILESS_MAIN(TestCentralCaseLink)
#include "TestCentralCaseLink.moc"
