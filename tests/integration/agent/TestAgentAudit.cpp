// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// `mtr-agent audit verify|export` as a child process on a real workspace: a clean chain
// verifies, a row changed behind the store's back is named by its entry number, and the
// exports carry every entry.

#include "AgentTestSupport.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "support/AuditTamper.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
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
    void exportOfBrokenLogSaysSo();
    void exportNeverOverwritesTheWorkspace_data();
    void exportNeverOverwritesTheWorkspace();
    void missingWorkspaceIsNotCreated();
    void corruptPageIsAnError();

private:
    QString workspaceWithEntries(const QString& name, int entries, int payloadBytes = 0);
    AgentRun audit(const QStringList& arguments);

    QTemporaryDir m_dir;
};

void TestAgentAudit::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

} // namespace

AgentRun TestAgentAudit::audit(const QStringList& arguments)
{
    return runAgent(QStringList{u"audit"_s} + arguments, agentEnvironment({}));
}

QString TestAgentAudit::workspaceWithEntries(const QString& name, int entries, int payloadBytes)
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
        entry.payload = u"{\"n\":%1,\"pad\":\"%2\"}"_s.arg(i).arg(QString(payloadBytes, u'x'));
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
    QTest::addRow("first-deleted") << u"DELETE FROM audit_log WHERE seq = 1"_s << 1;
    // Rows the ordered walk cannot see: no entry number to name, but never "ok".
    QTest::addRow("newest-seq-nulled") << u"UPDATE audit_log SET seq = NULL WHERE seq = 6"_s << 0;
    QTest::addRow("negative-seq-inserted")
        << u"INSERT INTO audit_log SELECT -1, at, 'mallory', tenant_id, case_id, kind, payload, "
           u"prev_hash, 'forged' FROM audit_log WHERE seq = 2"_s
        << 0;
}

void TestAgentAudit::tamperedRowIsNamed()
{
    QFETCH(QString, statement);
    QFETCH(int, brokenAt);
    const QString path = workspaceWithEntries(QString::fromLatin1(QTest::currentDataTag()), 6);
    QVERIFY(!path.isEmpty());
    QCOMPARE(mtr::test::tamperWorkspace(path, statement), 1);
    const AgentRun run =
        runAgent({u"audit"_s, u"verify"_s, u"--workspace"_s, path}, agentEnvironment({}));
    QCOMPARE(run.exitCode, 1);
    // The export's verdict is the same, whatever the fault.
    const AgentRun exported = audit({u"export"_s,
                                     u"--workspace"_s,
                                     path,
                                     u"--format"_s,
                                     u"syslog"_s,
                                     u"--output"_s,
                                     path + u".log"_s});
    QCOMPARE(exported.exitCode, 1);
    QCOMPARE(exported.err.trimmed(),
             u"mtr-agent: exported, but the audit chain is "_s
                 + run.out.trimmed().mid(QStringLiteral("audit: ").size()));
    if (brokenAt == 0) {
        QCOMPARE(run.out.trimmed(),
                 u"audit: broken: 1 stored entries stand outside the chain (no sequence number "
                 u"or one below 1)"_s);
    } else {
        QVERIFY2(run.out.startsWith(u"audit: broken at entry %1: "_s.arg(brokenAt)),
                 qPrintable(run.out));
    }
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

void TestAgentAudit::exportOfBrokenLogSaysSo()
{
    // The export shows what is stored, the altered entry included, and says the chain broke.
    const QString path = workspaceWithEntries(u"export-broken"_s, 4);
    QVERIFY(!path.isEmpty());
    QCOMPARE(
        mtr::test::tamperWorkspace(path,
                                   u"UPDATE audit_log SET payload = 'not json {' WHERE seq = 2"_s),
        1);
    const QString output = m_dir.filePath(u"broken.jsonl"_s);
    const AgentRun run = audit(
        {u"export"_s, u"--workspace"_s, path, u"--format"_s, u"jsonl"_s, u"--output"_s, output});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(),
             u"mtr-agent: exported, but the audit chain is broken at entry 2: hash mismatch"_s);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(int(lines.size()), 4);
    const QJsonObject altered = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(altered.value(u"payloadText"_s).toString(), u"not json {"_s);
    QVERIFY(!altered.contains(u"payload"_s));
    QCOMPARE(
        QJsonDocument::fromJson(lines.at(2)).object().value(u"payload"_s).toObject().value(u"n"_s),
        QJsonValue(3));
}

void TestAgentAudit::exportNeverOverwritesTheWorkspace_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addRow("workspace") << QString();
    QTest::addRow("wal") << u"-wal"_s;
    QTest::addRow("same-file-other-spelling") << u"/../"_s;
    QTest::addRow("wal-beside-a-linked-workspace") << u"link"_s;
}

void TestAgentAudit::exportNeverOverwritesTheWorkspace()
{
    QFETCH(QString, suffix);
    const QString name = u"self-"_s + QString::fromLatin1(QTest::currentDataTag());
    const QString path = workspaceWithEntries(name, 3);
    QVERIFY(!path.isEmpty());
    QDir(m_dir.path()).mkpath(u"sub"_s);
    // "link": the workspace is named through a symbolic link, and SQLite keeps its WAL beside
    // the file the link points to.
    QString workspace = path;
    QString output = path + suffix;
    if (suffix == u"/../"_s) {
        output = m_dir.path() + u"/sub/../"_s + name + u".sqlite"_s;
    } else if (suffix == u"link"_s) {
        workspace = m_dir.filePath(u"sub/link.sqlite"_s);
        QVERIFY(QFile::link(path, workspace));
        output = path + u"-wal"_s;
    }
    const qint64 size = QFileInfo(path).size();
    const AgentRun run = audit({u"export"_s,
                                u"--workspace"_s,
                                workspace,
                                u"--format"_s,
                                u"jsonl"_s,
                                u"--output"_s,
                                output});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"is the workspace itself"_s), qPrintable(run.err));
    QCOMPARE(QFileInfo(path).size(), size);
    const AgentRun verify = audit({u"verify"_s, u"--workspace"_s, path});
    QCOMPARE(verify.out.trimmed(), u"audit: ok (3 entries)"_s);
}

void TestAgentAudit::missingWorkspaceIsNotCreated()
{
    // A mistyped path must not read as an empty, intact log.
    const QString missing = m_dir.filePath(u"nodir/typo.sqlite"_s);
    for (const QString& action : {u"verify"_s, u"export"_s}) {
        const AgentRun run = audit({action, u"--workspace"_s, missing, u"--format"_s, u"jsonl"_s});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.err.trimmed(),
                 u"mtr-agent: cannot open the workspace: no workspace at "_s + missing);
        QCOMPARE(run.out, QString());
    }
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"nodir"_s)));

    const QString empty = m_dir.filePath(u"empty.sqlite"_s);
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const AgentRun run = audit({u"verify"_s, u"--workspace"_s, empty});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.err.trimmed(),
             u"mtr-agent: cannot open the workspace: "_s + empty + u" is not a workspace"_s);
    QCOMPARE(QFileInfo(empty).size(), qint64(0));

    // Someone else's SQLite file is refused as it is, not turned into a workspace.
    const QString foreign = m_dir.filePath(u"foreign.sqlite"_s);
    {
        const QString connection = u"foreign"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE x (a)"_s));
            QVERIFY(query.exec(u"INSERT INTO x VALUES (1)"_s));
        }
        QSqlDatabase::removeDatabase(connection);
    }
    const QByteArray before = fileBytes(foreign);
    for (const QString& action : {u"verify"_s, u"forward"_s}) {
        const AgentRun refused =
            audit({action, u"--workspace"_s, foreign, u"--collector"_s, u"tcp://127.0.0.1:9"_s});
        QCOMPARE(refused.exitCode, 3);
        QCOMPARE(refused.err.trimmed(),
                 u"mtr-agent: cannot open the workspace: "_s + foreign
                     + u" is not a workspace (no schema_version table)"_s);
    }
    QCOMPARE(fileBytes(foreign), before);
}

void TestAgentAudit::corruptPageIsAnError()
{
    // A damaged page ends the read early; that must be an error, never a shorter "ok" log.
    const QString path = workspaceWithEntries(u"corrupt"_s, 1500, 600);
    QVERIFY(!path.isEmpty());
    QCOMPARE(audit({u"verify"_s, u"--workspace"_s, path}).out.trimmed(),
             u"audit: ok (1500 entries)"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(file.size() * 2 / 3));
        QVERIFY(file.write(QByteArray(16384, char(0xA5))) == 16384);
    }
    const AgentRun verify = audit({u"verify"_s, u"--workspace"_s, path});
    QVERIFY2(verify.exitCode == 3 && verify.out.isEmpty(), qPrintable(verify.out + verify.err));
    QVERIFY2(verify.err.startsWith(u"mtr-agent: cannot read the audit log: "_s),
             qPrintable(verify.err));

    const QString output = m_dir.filePath(u"corrupt.jsonl"_s);
    const AgentRun exported = audit(
        {u"export"_s, u"--workspace"_s, path, u"--format"_s, u"jsonl"_s, u"--output"_s, output});
    QCOMPARE(exported.exitCode, 1);
    QVERIFY2(exported.err.startsWith(u"mtr-agent: audit export failed: "_s),
             qPrintable(exported.err));
    QVERIFY(!QFileInfo::exists(output)); // nothing half-written left behind
}

QTEST_GUILESS_MAIN(TestAgentAudit)
#include "TestAgentAudit.moc"
