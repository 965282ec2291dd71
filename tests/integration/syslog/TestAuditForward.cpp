// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// `mtr-agent audit forward` as a child process against a real syslog collector on loopback
// (tcp, tls with a certificate made by the openssl CLI, udp): the exact framing on the wire,
// RFC 5424 messages, incremental runs, a refused connection that leaves the cursor where it
// was, a broken chain that is never sent, and no customer value in the agent's log.

#include "SyslogCollector.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "support/AuditTamper.h"
#include "workflow/AuditForwarder.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace mtr;
using namespace mtr::testing;
using namespace Qt::StringLiterals;

namespace {

/// Planted in every payload; must reach the collector and never the agent's log.
constexpr char Canary[] = "canary-host-7731";

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Splits an RFC 6587 octet-counted stream; false when any frame is malformed or cut short.
bool splitFrames(const QByteArray& stream, QList<QByteArray>& frames)
{
    static const QRegularExpression digits(u"^[1-9][0-9]{0,8}$"_s);
    qsizetype pos = 0;
    while (pos < stream.size()) {
        const qsizetype space = stream.indexOf(' ', pos);
        const QString length = QString::fromLatin1(stream.mid(pos, space - pos));
        if (space < 0 || !digits.match(length).hasMatch())
            return false;
        const qsizetype end = space + 1 + length.toLongLong();
        if (end > stream.size())
            return false;
        frames << stream.mid(space + 1, end - space - 1);
        pos = end;
    }
    return true;
}

} // namespace

class TestAuditForward : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void forwardsIncrementally_data();
    void forwardsIncrementally();
    void refusedConnectionKeepsCursor();
    void untrustedCertificateIsRefused();
    void brokenChainIsNotSent();
    void resetMidStreamKeepsCursor();
    void answeringCollectorKeepsCursor();
    void unreachableUdpPortKeepsCursor();
    void forwardedEntriesCannotVanish();
    void oneForwardPerCollectorAtATime();
    void badCommandLine_data();
    void badCommandLine();
    void logHoldsNoCustomerData();

private:
    Run agent(const QStringList& arguments);
    /// Starts mtr-agent with \p arguments in \p process and returns at once.
    void startAgent(QProcess& process, const QStringList& arguments);
    static Run result(QProcess& process);
    Run forward(const QString& workspace, const QString& url, const QStringList& extra = {});
    QString workspace(const QString& name, int entries);
    bool append(const QString& path, int entries);
    void checkMessages(const QString& path, const QList<QByteArray>& messages, int firstSeq);
    /// Forwards \p path's \p entries to a tcp \p collector that has seen none of them yet and
    /// checks that one connection carried every one.
    void sendsEverything(SyslogCollector& collector, const QString& path, int entries);
    QString cursor(const QString& path, const QString& url);

    QTemporaryDir m_dir;
    QSslConfiguration m_tls;
    QString m_caFile;
};

void TestAuditForward::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_caFile = m_dir.filePath(u"cert.pem"_s);
    const QString key = m_dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
                  {u"req"_s,
                   u"-x509"_s,
                   u"-newkey"_s,
                   u"rsa:2048"_s,
                   u"-nodes"_s,
                   u"-keyout"_s,
                   key,
                   u"-out"_s,
                   m_caFile,
                   u"-days"_s,
                   u"1"_s,
                   u"-subj"_s,
                   u"/CN=127.0.0.1"_s,
                   u"-addext"_s,
                   u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY(openssl.waitForFinished(60000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
    QFile keyFile(key);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificate(QSslCertificate::fromPath(m_caFile).value(0));
    m_tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone); // the agent shows no client certificate
}

Run TestAuditForward::forward(const QString& workspace,
                              const QString& url,
                              const QStringList& extra)
{
    QStringList arguments{u"audit"_s, u"forward"_s, u"--workspace"_s, workspace};
    if (!url.isEmpty())
        arguments << u"--collector"_s << url;
    return agent(arguments + extra);
}

void TestAuditForward::startAgent(QProcess& process, const QStringList& arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s)); // the agent's log lands here
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MTR_AGENT_PATH), arguments);
}

Run TestAuditForward::result(QProcess& process)
{
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    run.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return run;
}

Run TestAuditForward::agent(const QStringList& arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    // The collector lives in this process, so wait with the event loop running.
    startAgent(process, arguments);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        Run run;
        run.err = u"mtr-agent did not finish"_s;
        return run;
    }
    return result(process);
}

QString TestAuditForward::workspace(const QString& name, int entries)
{
    const QString path = m_dir.filePath(name + u".sqlite"_s);
    return append(path, entries) ? path : QString();
}

bool TestAuditForward::append(const QString& path, int entries)
{
    auto db = store::Database::open(store::DatabaseConfig::sqlite(path));
    if (!db)
        return false;
    store::AuditLog log(*db.value());
    for (int i = 0; i < entries; ++i) {
        domain::AuditEntry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.analyst = u"analyst \"a\"]"_s; // needs SD-PARAM escaping
        entry.tenantId = u"tenant-a"_s;
        entry.caseId = u"case-1"_s;
        entry.kind = i % 2 ? u"approval"_s : u"proposal"_s;
        entry.payload = u"{\"host\":\"%1\",\"note\":\"Grüße\"}"_s.arg(QLatin1String(Canary));
        if (!log.append(entry))
            return false;
    }
    return true;
}

QString TestAuditForward::cursor(const QString& path, const QString& url)
{
    auto db = store::Database::open(store::DatabaseConfig::sqlite(path));
    if (!db)
        return u"(no workspace)"_s;
    QSqlQuery query(db.value()->connection());
    query.prepare(u"SELECT cursor FROM sync_cursors WHERE feed = ?"_s);
    query.addBindValue(workflow::AuditForwarder::cursorFeed(QUrl(url)));
    if (!query.exec())
        return query.lastError().text();
    // The cursor is "<seq>:<hash>"; the hash is checked where it matters (rewrittenLogIsRefused).
    return query.next() ? query.value(0).toString().section(u':', 0, 0) : QString();
}

void TestAuditForward::checkMessages(const QString& path,
                                     const QList<QByteArray>& messages,
                                     int firstSeq)
{
    static const QRegularExpression rfc5424(
        uR"re(^<110>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [!-~]{1,255} mtr-agent - )re"
        uR"re((proposal|approval) \[mtr@32473 seq="(\d+)" tenant="tenant-a" case="case-1" )re"
        uR"re(analyst="analyst \\"a\\"\\]" prevHash="([0-9a-f]{64})" hash="([0-9a-f]{64})"\] )re"
        u"\uFEFF(\\{.*\\})$"_s);
    auto db = store::Database::open(store::DatabaseConfig::sqlite(path));
    QVERIFY(db);
    const auto stored = store::AuditLog(*db.value()).entries(firstSeq, 1000);
    QVERIFY(stored);
    QCOMPARE(int(stored->size()), int(messages.size()));
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString text = QString::fromUtf8(messages.at(i));
        const auto match = rfc5424.match(text);
        QVERIFY2(match.hasMatch(), messages.at(i).constData());
        QCOMPARE(match.captured(2).toInt(), firstSeq + int(i));
        QCOMPARE(match.captured(3), stored->at(i).prevHash);
        QCOMPARE(match.captured(4), stored->at(i).hash);
        QCOMPARE(QJsonDocument::fromJson(match.captured(5).toUtf8()),
                 QJsonDocument::fromJson(stored->at(i).payload.toUtf8()));
    }
}

void TestAuditForward::sendsEverything(SyslogCollector& collector, const QString& path, int entries)
{
    const Run run = forward(path, collector.url());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"forwarded: %1 (up to seq %1)"_s.arg(entries));
    QTRY_VERIFY(collector.settled());
    QList<QByteArray> messages;
    QVERIFY(splitFrames(collector.streams().value(0), messages));
    checkMessages(path, messages, 1);
}

void TestAuditForward::forwardsIncrementally_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addRow("tcp-octet-counted") << u"tcp"_s;
    QTest::addRow("tls-octet-counted") << u"tls"_s;
    QTest::addRow("udp-one-datagram-each") << u"udp"_s;
}

void TestAuditForward::forwardsIncrementally()
{
    QFETCH(QString, transport);
    SyslogCollector collector;
    QVERIFY(collector.listen(transport, 0, m_tls));
    const QStringList ca =
        transport == u"tls"_s ? QStringList{u"--ca-file"_s, m_caFile} : QStringList{};
    const QString path = workspace(u"incremental-"_s + transport, 3);
    QVERIFY(!path.isEmpty());

    // Three rounds: everything, nothing new, exactly the two appended since.
    const struct
    {
        int append;
        int expected;
        int firstSeq;
    } rounds[] = {{0, 3, 1}, {0, 0, 0}, {2, 2, 4}};

    for (const auto& round : rounds) {
        QVERIFY(append(path, round.append));
        collector.clear();
        const Run run = forward(path, collector.url(), ca);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out,
                 u"forwarded: %1 (up to seq %2)"_s.arg(round.expected).arg(3 + round.append));
        QList<QByteArray> messages;
        if (transport == u"udp"_s) {
            QTRY_COMPARE(int(collector.datagrams().size()), round.expected);
            messages = collector.datagrams();
        } else {
            QTRY_VERIFY(collector.settled());
            // Nothing new means no connection at all; otherwise one, exactly octet-counted.
            QCOMPARE(collector.connections(), round.expected ? 1 : 0);
            if (round.expected)
                QVERIFY(splitFrames(collector.streams().constFirst(), messages));
        }
        QCOMPARE(int(messages.size()), round.expected);
        if (round.expected)
            checkMessages(path, messages, round.firstSeq);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(cursor(path, collector.url()), QString::number(3 + round.append));
    }
}

void TestAuditForward::refusedConnectionKeepsCursor()
{
    SyslogCollector collector;
    QVERIFY(collector.listen(u"tcp"_s));
    const quint16 port = collector.port();
    const QString url = collector.url();
    collector.close();
    const QString path = workspace(u"refused"_s, 3);
    QVERIFY(!path.isEmpty());

    const Run refused = forward(path, url);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.out, QString());
    QVERIFY2(
        refused.err.startsWith(u"mtr-agent: audit forward failed: cannot connect to collector "_s
                               + url + u": "_s),
        qPrintable(refused.err));
    QVERIFY2(refused.err.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(refused.err));
    QVERIFY(!refused.err.contains(u'\n'));
    QCOMPARE(cursor(path, url), QString());

    // The same collector back on the same port: the next run sends everything.
    QVERIFY(collector.listen(u"tcp"_s, port));
    sendsEverything(collector, path, 3);
}

void TestAuditForward::untrustedCertificateIsRefused()
{
    SyslogCollector collector;
    QVERIFY(collector.listen(u"tls"_s, 0, m_tls));
    const QString path = workspace(u"untrusted"_s, 2);
    QVERIFY(!path.isEmpty());

    // Without --ca-file the self-signed certificate is not trusted, and nothing relaxes that.
    const Run run = forward(path, collector.url());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(u"mtr-agent: audit forward failed: cannot verify collector "_s
                                + collector.url()),
             qPrintable(run.err));
    QCOMPARE(cursor(path, collector.url()), QString());
    QCOMPARE(collector.connections(), 0);
}

void TestAuditForward::brokenChainIsNotSent()
{
    SyslogCollector collector;
    QVERIFY(collector.listen(u"tcp"_s));
    const QString path = workspace(u"broken"_s, 4);
    QVERIFY(!path.isEmpty());
    QCOMPARE(
        mtr::test::tamperWorkspace(path,
                                   u"UPDATE audit_log SET payload = '{\"n\":1}' WHERE seq = 2"_s),
        1);

    const Run run = forward(path, collector.url());
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err,
             u"mtr-agent: refusing to forward: the audit chain is broken at entry 2: "
             u"hash mismatch"_s);
    QTRY_VERIFY(collector.settled());
    QCOMPARE(collector.connections(), 0);
    QCOMPARE(cursor(path, collector.url()), QString());
}

void TestAuditForward::resetMidStreamKeepsCursor()
{
    // Kernel buffers take the whole stream before the collector read a frame of it: "written"
    // is not "received", and a reset must leave everything to be sent again.
    SyslogCollector collector;
    QVERIFY(collector.listen(u"tcp"_s));
    collector.resetAfter(100);
    const QString path = workspace(u"reset"_s, 200);
    QVERIFY(!path.isEmpty());

    const Run reset = forward(path, collector.url());
    QCOMPARE(reset.exitCode, 1);
    QCOMPARE(reset.out, QString());
    QVERIFY2(reset.err.startsWith(u"mtr-agent: audit forward failed: "_s), qPrintable(reset.err));
    QVERIFY2(reset.err.contains(collector.url()), qPrintable(reset.err));
    QCOMPARE(cursor(path, collector.url()), QString());

    collector.resetAfter(0);
    collector.clear();
    sendsEverything(collector, path, 200);
}

void TestAuditForward::answeringCollectorKeepsCursor()
{
    // A syslog receiver never talks back; what does (here a TLS listener's fatal
    // protocol_version alert to cleartext) did not take the stream as syslog.
    SyslogCollector collector;
    QVERIFY(collector.listen(u"tcp"_s));
    collector.answerWith(QByteArray::fromHex("15030300020246"));
    const QString path = workspace(u"answering"_s, 20);
    QVERIFY(!path.isEmpty());

    const Run run = forward(path, collector.url());
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             u"mtr-agent: audit forward failed: unconfirmed delivery to collector "_s
                 + collector.url()
                 + u": it answered, which a syslog receiver does not (a TLS "
                   u"port?)"_s);
    QCOMPARE(cursor(path, collector.url()), QString());
}

void TestAuditForward::unreachableUdpPortKeepsCursor()
{
    SyslogCollector collector;
    QVERIFY(collector.listen(u"udp"_s));
    const quint16 port = collector.port();
    const QString url = collector.url();
    collector.close();
    const QString path = workspace(u"udp-closed"_s, 5);
    QVERIFY(!path.isEmpty());

    // Each run is told "port unreachable" and must not count a single datagram as delivered.
    for (int run = 0; run < 2; ++run) {
        const Run refused = forward(path, url);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.startsWith(u"mtr-agent: audit forward failed: cannot send to "
                                        u"collector "_s
                                        + url + u": nothing listens on that port"_s),
                 qPrintable(refused.err));
        QCOMPARE(cursor(path, url), QString());
    }

    QVERIFY(collector.listen(u"udp"_s, port));
    const Run resumed = forward(path, url);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(resumed.out, u"forwarded: 5 (up to seq 5)"_s);
    QTRY_COMPARE(int(collector.datagrams().size()), 5);
    checkMessages(path, collector.datagrams(), 1);
}

void TestAuditForward::forwardedEntriesCannotVanish()
{
    SyslogCollector collector;
    QVERIFY(collector.listen(u"tcp"_s));
    const QString path = workspace(u"anchored"_s, 4);
    QVERIFY(!path.isEmpty());
    const Run sent = forward(path, collector.url());
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    QTRY_VERIFY(collector.settled());
    const QStringList verify{u"audit"_s, u"verify"_s, u"--workspace"_s, path};

    // The newest entries deleted: a shorter chain is still a valid chain, but the collector
    // was sent entry 4, so the workspace must still hold it.
    QCOMPARE(mtr::test::tamperWorkspace(path, u"DELETE FROM audit_log WHERE seq >= 3"_s), 2);
    Run run = agent(verify);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out,
             u"audit: broken at entry 3: missing, though forwarded to a collector up to entry 4"_s);

    // New entries written in their place chain up correctly, and still contradict the copy.
    QVERIFY(append(path, 2));
    run = agent(verify);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out,
             u"audit: broken at entry 4: differs from the copy forwarded to a collector"_s);
    const Run refused = forward(path, collector.url());
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err,
             u"mtr-agent: refusing to forward: the audit chain is broken at entry 4: differs "
             u"from the copy forwarded to a collector"_s);
    QCOMPARE(cursor(path, collector.url()), u"4"_s);

    // The export shows all of it, and its verdict is verify's.
    const Run exported = agent({u"audit"_s,
                                u"export"_s,
                                u"--workspace"_s,
                                path,
                                u"--format"_s,
                                u"jsonl"_s,
                                u"--output"_s,
                                path + u".jsonl"_s});
    QCOMPARE(exported.exitCode, 1);
    QCOMPARE(exported.err,
             u"mtr-agent: exported, but the audit chain is broken at entry 4: differs from the "
             u"copy forwarded to a collector"_s);

    // A cursor edited into something else is tampering too.
    QCOMPARE(mtr::test::tamperWorkspace(
                 path,
                 u"UPDATE sync_cursors SET cursor = 'abc' WHERE feed LIKE 'audit-forward:%'"_s),
             1);
    run = agent(verify);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, u"audit: broken: a forward cursor is damaged (not \"<seq>:<hash>\")"_s);
}

void TestAuditForward::oneForwardPerCollectorAtATime()
{
    // Two runs at once (two cron jobs, two analysts) would each send everything. The collector
    // takes no connection for now, so whichever run claims it first waits in its delivery
    // check, still holding the collector, while the other starts.
    SyslogCollector collector;
    QVERIFY(collector.listen(u"tcp"_s));
    const QString path = workspace(u"concurrent"_s, 50);
    QVERIFY(!path.isEmpty());
    collector.pauseAccepting();
    const QStringList arguments{u"audit"_s,
                                u"forward"_s,
                                u"--workspace"_s,
                                path,
                                u"--collector"_s,
                                collector.url()};
    QProcess first;
    QProcess second;
    startAgent(first, arguments);
    QTest::qWait(1000);
    startAgent(second, arguments);
    QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning
                                 || second.state() == QProcess::NotRunning,
                             20000);
    QProcess& loser = first.state() == QProcess::NotRunning ? first : second;
    QProcess& winner = &loser == &first ? second : first;
    const Run refused = result(loser);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err,
             u"mtr-agent: audit forward failed: another forward is running to collector "_s
                 + collector.url() + u": try again once it ends"_s);

    collector.resumeAccepting();
    QTRY_VERIFY_WITH_TIMEOUT(winner.state() == QProcess::NotRunning, 20000);
    const Run sent = result(winner);
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    QCOMPARE(sent.out, u"forwarded: 50 (up to seq 50)"_s);
    QTRY_VERIFY(collector.settled());
    QCOMPARE(collector.connections(), 1);
    QList<QByteArray> messages;
    QVERIFY(splitFrames(collector.streams().value(0), messages));
    checkMessages(path, messages, 1);

    // The lease ends with the run: the next one goes ahead at once.
    const Run next = forward(path, collector.url());
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    QCOMPARE(next.out, u"forwarded: 0 (up to seq 50)"_s);
}

void TestAuditForward::badCommandLine_data()
{
    QTest::addColumn<QString>("collector");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("no-collector") << QString() << QStringList{} << 2;
    QTest::addRow("http-scheme") << u"http://127.0.0.1:514"_s << QStringList{} << 2;
    QTest::addRow("no-port") << u"tcp://127.0.0.1"_s << QStringList{} << 2;
    QTest::addRow("path") << u"udp://127.0.0.1:514/x"_s << QStringList{} << 2;
    QTest::addRow("ca-file-on-tcp")
        << u"tcp://127.0.0.1:514"_s << QStringList{u"--ca-file"_s, u"/etc/hostname"_s} << 2;
    QTest::addRow("missing-ca-file")
        << u"tls://127.0.0.1:6514"_s << QStringList{u"--ca-file"_s, u"/nonexistent.pem"_s} << 3;
}

void TestAuditForward::badCommandLine()
{
    QFETCH(QString, collector);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    const Run run = forward(m_dir.filePath(u"usage.sqlite"_s), collector, extra);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith(u"mtr-agent: "_s) && !run.err.contains(u'\n'), qPrintable(run.err));
}

void TestAuditForward::logHoldsNoCustomerData()
{
    QByteArray logs;
    QDirIterator it(m_dir.filePath(u"data"_s), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        logs += file.readAll();
    }
    QVERIFY2(logs.contains("audit forwarded collector="), logs.constData());
    QVERIFY2(logs.contains("audit forward stopped collector="), logs.constData());
    QVERIFY(!logs.contains(Canary));
    QVERIFY(!logs.contains("127.0.0.1"));
    QVERIFY(!logs.contains("tenant-a"));
}

QTEST_GUILESS_MAIN(TestAuditForward)
#include "TestAuditForward.moc"
