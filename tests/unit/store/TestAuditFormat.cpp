// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/AuditExport.h"
#include "store/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using mtr::domain::AuditEntry;
using mtr::store::AuditExport;
using mtr::store::AuditLog;

/// The audit log's canonical form (what the chain hashes) and its two export formats.
class TestAuditFormat : public QObject
{
    Q_OBJECT

private slots:
    void canonicalFormIsStable();
    void everyFieldIsCoveredByTheHash_data();
    void everyFieldIsCoveredByTheHash();
    void jsonLineCarriesChain();
    void syslogLine_data();
    void syslogLine();

private:
    static AuditEntry sample();
};

AuditEntry TestAuditFormat::sample()
{
    AuditEntry e;
    e.seq = 7;
    e.time = QDateTime(QDate(2026, 12, 3), QTime(16, 5, 1, 250), Qt::UTC);
    e.analyst = QStringLiteral("alice");
    e.tenantId = QStringLiteral("t1");
    e.caseId = QStringLiteral("case-1");
    e.kind = QStringLiteral("approval");
    e.payload = QStringLiteral("{\"proposal\":\"p1\"}");
    e.prevHash = AuditLog::genesisHash();
    return e;
}

void TestAuditFormat::canonicalFormIsStable()
{
    // The canonical bytes are a storage format: changing them breaks verification of every
    // existing log, so they are pinned here. The digest was computed with sha256sum.
    QCOMPARE(AuditLog::canonical(sample()),
             QByteArray("[7,1796313901250,\"alice\",\"t1\",\"case-1\",\"approval\","
                        "\"{\\\"proposal\\\":\\\"p1\\\"}\","
                        "\"0000000000000000000000000000000000000000000000000000000000000000\"]"));
    QCOMPARE(AuditLog::hashOf(sample()),
             QStringLiteral("051769509e313a8da9a871e11ae41bc55b73d334099b336aec1f9d08f48d8a61"));
}

void TestAuditFormat::everyFieldIsCoveredByTheHash_data()
{
    QTest::addColumn<int>("field");
    const char* names[] = {"seq", "time", "analyst", "tenant", "case", "kind", "payload", "prev"};
    for (int i = 0; i < 8; ++i)
        QTest::addRow("%s", names[i]) << i;
}

void TestAuditFormat::everyFieldIsCoveredByTheHash()
{
    QFETCH(int, field);
    AuditEntry e = sample();
    switch (field) {
    case 0:
        e.seq += 1;
        break;
    case 1:
        e.time = e.time.addMSecs(1);
        break;
    case 2:
        e.analyst += QLatin1Char('x');
        break;
    case 3:
        e.tenantId += QLatin1Char('x');
        break;
    case 4:
        e.caseId += QLatin1Char('x');
        break;
    case 5:
        e.kind += QLatin1Char('x');
        break;
    case 6:
        e.payload = QStringLiteral("{\"proposal\":\"p2\"}");
        break;
    default:
        e.prevHash[0] = QLatin1Char('1');
        break;
    }
    QVERIFY(AuditLog::hashOf(e) != AuditLog::hashOf(sample()));
}

void TestAuditFormat::jsonLineCarriesChain()
{
    AuditEntry e = sample();
    e.hash = AuditLog::hashOf(e);
    const QByteArray line = AuditExport::jsonLine(e);
    QVERIFY(!line.contains('\n'));
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    QCOMPARE(o.value(QStringLiteral("seq")).toInt(), 7);
    QCOMPARE(o.value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-12-03T16:05:01.250Z"));
    QCOMPARE(
        o.value(QStringLiteral("payload")).toObject().value(QStringLiteral("proposal")).toString(),
        QStringLiteral("p1"));
    QCOMPARE(o.value(QStringLiteral("hash")).toString(), e.hash);
    QCOMPARE(o.value(QStringLiteral("prevHash")).toString(), e.prevHash);
}

void TestAuditFormat::syslogLine_data()
{
    QTest::addColumn<QString>("analyst");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("expectedHeader");
    QTest::addColumn<QByteArray>("expectedAnalyst");
    QTest::addRow("plain") << "alice"
                           << "console-1"
                           << "approval"
                           << QByteArray(
                                  "<110>1 2026-12-03T16:05:01.250Z console-1 mtr - approval [")
                           << QByteArray("analyst=\"alice\"");
    QTest::addRow("sd-value-escapes")
        << "a\"b]c\\d"
        << "console-1"
        << "approval" << QByteArray("<110>1 2026-12-03T16:05:01.250Z console-1 mtr - approval [")
        << QByteArray("analyst=\"a\\\"b\\]c\\\\d\"");
    QTest::addRow("empty-host-is-nil")
        << "alice"
        << ""
        << "approval" << QByteArray("<110>1 2026-12-03T16:05:01.250Z - mtr - approval [")
        << QByteArray("analyst=\"alice\"");
    QTest::addRow("spaces-in-msgid-replaced")
        << "alice"
        << "my host"
        << "model answer"
        << QByteArray("<110>1 2026-12-03T16:05:01.250Z my_host mtr - model_answer [")
        << QByteArray("analyst=\"alice\"");
    QTest::addRow("utf8-analyst-kept")
        << "jürgen"
        << "h"
        << "edit" << QByteArray("<110>1 2026-12-03T16:05:01.250Z h mtr - edit [")
        << QByteArray("analyst=\"j\xC3\xBCrgen\"");
}

void TestAuditFormat::syslogLine()
{
    QFETCH(QString, analyst);
    QFETCH(QString, hostname);
    QFETCH(QString, kind);
    QFETCH(QByteArray, expectedHeader);
    QFETCH(QByteArray, expectedAnalyst);
    AuditEntry e = sample();
    e.analyst = analyst;
    e.kind = kind;
    e.hash = AuditLog::hashOf(e);
    const QByteArray line = AuditExport::syslogLine(e, hostname, QStringLiteral("mtr"));
    QVERIFY2(line.startsWith(expectedHeader), line.constData());
    QVERIFY2(line.contains(expectedAnalyst), line.constData());
    QVERIFY(line.contains("[mtr@32473 seq=\"7\""));
    QVERIFY(line.contains(" hash=\"" + e.hash.toLatin1() + "\"] "));
    QVERIFY(line.endsWith("\xEF\xBB\xBF{\"proposal\":\"p1\"}"));
    QVERIFY(!line.contains('\n'));
}

QTEST_GUILESS_MAIN(TestAuditFormat)
#include "TestAuditFormat.moc"
