// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// `mtr-agent audit verify|export` as a child process on a real workspace: a clean chain
// verifies, a row changed behind the store's back is named by its entry number, and the
// exports carry every entry.

#include "AgentTestSupport.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mtr;
using namespace mtr::testing;
using namespace Qt::StringLiterals;

class TestAgentAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanLogVerifies();
    void tamperedRowIsNamed_data();
    void tamperedRowIsNamed();
    void exportWritesEveryEntry_data();
    void exportWritesEveryEntry();

private:
    QString workspaceWithEntries(const QString& name, int entries);

    QTemporaryDir m_dir;
};

void TestAgentAudit::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestAgentAudit::workspaceWithEntries(const QString& name, int entries)
{
    const QString path = m_dir.filePath(name + u".sqlite"_s);
    auto db = store::Database::open(store::DatabaseConfig::sqlite(path));
    if (!db) {
        return {};
    }
    store::AuditLog log(*db.value());
    for (int i = 1; i <= entries; ++i) {
        domain::AuditEntry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.analyst = u"analyst-%1"_s.arg(i % 2);
        entry.tenantId = u"tenant-a"_s;
        entry.caseId = u"case-1"_s;
        entry.kind = i % 2 ? u"proposal"_s : u"approval"_s;
        entry.payload = u"{\"n\":%1}"_s.arg(i);
        if (!log.append(entry)) {
            return {};
        }
    }
    return path;
}

void TestAgentAudit::cleanLogVerifies()
{
    const QString path = workspaceWithEntries(u"clean"_s, 5);
    QVERIFY(!path.isEmpty());
    const AgentRun run =
        runAgent({u"audit"_s, u"verify"_s, u"--workspace"_s, path}, agentEnvironment({}));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), u"audit: ok (5 entries)"_s);
}

void TestAgentAudit::tamperedRowIsNamed_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<int>("brokenAt");
    QTest::addRow("payload-of-3") << u"UPDATE audit_log SET payload = '{\"n\":99}' WHERE seq = 3"_s
                                  << 3;
    QTest::addRow("analyst-of-1") << u"UPDATE audit_log SET analyst = 'mallory' WHERE seq = 1"_s
                                  << 1;
    QTest::addRow("middle-deleted")
        << u"DELETE FROM audit_log WHERE seq = 4"_s << 4; // the missing entry
}

void TestAgentAudit::tamperedRowIsNamed()
{
    QFETCH(QString, statement);
    QFETCH(int, brokenAt);
    const QString path = workspaceWithEntries(QString::fromLatin1(QTest::currentDataTag()), 6);
    QVERIFY(!path.isEmpty());
    {
        auto db = store::Database::open(store::DatabaseConfig::sqlite(path));
        QVERIFY(db);
        QSqlQuery query(db.value()->connection());
        // Someone with file access drops the append-only triggers first.
        QVERIFY(query.exec(u"DROP TRIGGER audit_log_no_update"_s));
        QVERIFY(query.exec(u"DROP TRIGGER audit_log_no_delete"_s));
        QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        QCOMPARE(query.numRowsAffected(), 1);
    }
    const AgentRun run =
        runAgent({u"audit"_s, u"verify"_s, u"--workspace"_s, path}, agentEnvironment({}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith(u"audit: broken at entry %1: "_s.arg(brokenAt)),
             qPrintable(run.out));
}

void TestAgentAudit::exportWritesEveryEntry_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("jsonl") << u"jsonl"_s;
    QTest::addRow("syslog") << u"syslog"_s;
}

void TestAgentAudit::exportWritesEveryEntry()
{
    QFETCH(QString, format);
    const QString path = workspaceWithEntries(u"export-"_s + format, 4);
    QVERIFY(!path.isEmpty());
    const QString output = m_dir.filePath(u"audit."_s + format);
    const AgentRun run = runAgent({u"audit"_s,
                                   u"export"_s,
                                   u"--workspace"_s,
                                   path,
                                   u"--format"_s,
                                   format,
                                   u"--output"_s,
                                   output},
                                  agentEnvironment({}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(int(lines.size()), 4);
    for (int i = 0; i < lines.size(); ++i) {
        if (format == u"jsonl"_s) {
            const QJsonObject entry = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(int(entry.value(u"seq"_s).toInteger()), i + 1);
            QCOMPARE(int(entry.value(u"hash"_s).toString().size()), 64);
        } else {
            QVERIFY2(lines.at(i).startsWith("<110>1 "), lines.at(i).constData());
        }
    }
    const AgentRun bad =
        runAgent({u"audit"_s, u"export"_s, u"--workspace"_s, path, u"--format"_s, u"xml"_s},
                 agentEnvironment({}));
    QCOMPARE(bad.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestAgentAudit)
#include "TestAgentAudit.moc"
