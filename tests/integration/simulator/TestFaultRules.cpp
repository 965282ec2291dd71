// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// In-process: the --fault syntax and the skip/count semantics of fault rules, and the
/// opaque page keys.

#include "simulator/FaultRules.h"
#include "simulator/Paging.h"

#include <QTest>

using namespace mtr::simulator;

/// FaultRules and page keys without a server.
class TestFaultRules : public QObject
{
    Q_OBJECT

private slots:

    void parseSpec_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addRow("status-full") << "kind=status,method=get,path=/common/v1/"
                                        "alerts,status=429,retryAfter=2,skip=1,count=3"
                                     << true << int(FaultKind::Status) << "GET"
                                     << "/common/v1/alerts";
        QTest::addRow("latency-any-path")
            << "kind=latency,ms=250" << true << int(FaultKind::Latency) << ""
            << "";
        QTest::addRow("method-star")
            << "kind=noZ,method=*,path=/siem" << true << int(FaultKind::NoZ) << ""
            << "/siem";
        QTest::addRow("drop")
            << "kind=dropAfterApply,method=POST,path=/endpoint/v1/endpoints/isolation" << true
            << int(FaultKind::DropAfterApply) << "POST"
            << "/endpoint/v1/endpoints/isolation";
        QTest::addRow("expire") << "kind=expireToken,count=1" << true << int(FaultKind::ExpireToken)
                                << ""
                                << "";
        QTest::addRow("unknown-kind") << "kind=explode" << false << 0 << ""
                                      << "";
        QTest::addRow("no-kind") << "path=/x" << false << 0 << ""
                                 << "";
        QTest::addRow("not-key-value") << "kind=status,429" << false << 0 << ""
                                       << "";
        QTest::addRow("bad-number") << "kind=latency,ms=soon" << false << 0 << ""
                                    << "";
        QTest::addRow("negative-skip") << "kind=status,skip=-1" << false << 0 << ""
                                       << "";
        QTest::addRow("success-status") << "kind=status,status=200" << false << 0 << ""
                                        << "";
        QTest::addRow("relative-path") << "kind=status,path=common" << false << 0 << ""
                                       << "";
    }

    void parseSpec()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QString error;
        const auto rule = faultFromSpec(spec, error);
        QCOMPARE(rule.has_value(), valid);
        QCOMPARE(error.isEmpty(), valid);
        if (!rule)
            return;
        QFETCH(int, kind);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QCOMPARE(int(rule->kind), kind);
        QCOMPARE(rule->method, method);
        QCOMPARE(rule->path, path);
    }

    void skipThenCount()
    {
        QString error;
        FaultSet set;
        set.add(*faultFromSpec(
            QStringLiteral("kind=status,method=GET,path=/common,status=503,skip=2,count=2"),
            error));
        QList<int> fired;
        for (int n = 0; n < 6; ++n)
            fired.append(
                int(set.fire(QStringLiteral("GET"), QStringLiteral("/common/v1/alerts")).size()));
        QCOMPARE(fired, (QList<int>{0, 0, 1, 1, 0, 0}));
        QCOMPARE(set.fire(QStringLiteral("POST"), QStringLiteral("/common/v1/alerts")).size(), 0);
        QCOMPARE(set.toJson().at(0)[QLatin1String("seen")].toInt(), 6);
        QCOMPARE(set.toJson().at(0)[QLatin1String("fired")].toInt(), 2);
    }

    void countZeroIsForever()
    {
        QString error;
        FaultSet set;
        set.add(*faultFromSpec(QStringLiteral("kind=latency,ms=1,path=/siem"), error));
        for (int n = 0; n < 50; ++n)
            QCOMPARE(set.fire(QStringLiteral("GET"), QStringLiteral("/siem/v1/events")).size(), 1);
        QCOMPARE(set.fire(QStringLiteral("GET"), QStringLiteral("/whoami/v1")).size(), 0);
    }

    void pageKeysRoundTrip()
    {
        for (const qint64 slot : {0LL, 7LL, 999999LL}) {
            const QString key = encodeKey(slot);
            QCOMPARE(decodeKey(key), std::optional<qint64>(slot));
        }
        QCOMPARE(decodeKey(QStringLiteral("not base64 !")), std::nullopt);
        QCOMPARE(decodeKey(QStringLiteral("eyJ4IjoxfQ")), std::nullopt); // {"x":1}
    }
};

QTEST_GUILESS_MAIN(TestFaultRules)
#include "TestFaultRules.moc"
