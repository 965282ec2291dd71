// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// `mtr-agent sync --once` against a real central-sim process, on a fresh SQLite workspace (or,
// built as TestAgentSyncPostgres, a fresh database on the `pg` fixture): every alert and SIEM
// event stored exactly once, a second run adds no event, an interrupted run resumes from the
// stored cursor without gap or duplicate.

#include "AgentTestSupport.h"
#include "CentralCounts.h"
#include "SimProcess.h"
#include "store/AlertQuery.h"
#include "store/AlertRepository.h"
#include "store/Database.h"
#include "store/SiemEventRepository.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mtr;
using namespace mtr::testing;
using namespace Qt::StringLiterals;

class TestAgentSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void syncStoresEverythingOnce();
    void interruptedRunResumes_data();
    void interruptedRunResumes();
    void missingSecretIsAClearError();
    void badCommandLine_data();
    void badCommandLine();

private:
    QStringList syncArgs(const SimProcess& sim, const TestWorkspace& workspace) const;
    qint64 storedEvents(const TestWorkspace& workspace);
    qint64 storedAlerts(const TestWorkspace& workspace);

    QTemporaryDir m_dir;
#ifdef MTR_TEST_POSTGRES
    const bool m_postgres = true;
#else
    const bool m_postgres = false;
#endif
};

void TestAgentSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const bool fixture = QFile::exists(qEnvironmentVariable("PG_FIXTURE_DIR") + u"/port"_s);
    if (m_postgres && !fixture && qEnvironmentVariable("CI") != u"true"_s) {
        QSKIP("PostgreSQL fixture not running (no PostgreSQL binaries?)");
    }
    QVERIFY2(QFile::exists(QStringLiteral(MTR_AGENT_PATH)), MTR_AGENT_PATH);
    QVERIFY2(QFile::exists(QStringLiteral(CENTRAL_SIM_PATH)), CENTRAL_SIM_PATH);
}

QStringList TestAgentSync::syncArgs(const SimProcess& sim, const TestWorkspace& workspace) const
{
    QStringList args{QStringLiteral("sync"),
                     QStringLiteral("--once"),
                     QStringLiteral("--central"),
                     sim.baseUrl(),
                     QStringLiteral("--client-id"),
                     QStringLiteral("demo-client")};
    if (!sim.caFile().isEmpty()) {
        args << QStringLiteral("--ca") << sim.caFile();
    }
    return args + workspace.arguments;
}

qint64 TestAgentSync::storedEvents(const TestWorkspace& workspace)
{
    auto db = store::Database::open(workspace.config);
    if (!db) {
        return -1;
    }
    store::SiemEventRepository repo(*db.value());
    const Result<qint64> count = repo.count();
    return count ? count.value() : -1;
}

qint64 TestAgentSync::storedAlerts(const TestWorkspace& workspace)
{
    auto db = store::Database::open(workspace.config);
    if (!db) {
        return -1;
    }
    store::AlertRepository repo(*db.value());
    const Result<qint64> count = repo.count(store::AlertQuery{});
    return count ? count.value() : -1;
}

void TestAgentSync::syncStoresEverythingOnce()
{
    SimProcess sim(QStringLiteral(CENTRAL_SIM_PATH),
                   {QStringLiteral("--alerts"),
                    QStringLiteral("120"),
                    QStringLiteral("--siem-events"),
                    QStringLiteral("1500")});
    QVERIFY2(sim.started(), qPrintable(sim.error()));
    const TestWorkspace workspace = TestWorkspace::create(m_postgres, m_dir.path(), u"once"_s);
    QVERIFY2(workspace.error.isEmpty(), qPrintable(workspace.error));

    const AgentRun first = runAgent(syncArgs(sim, workspace), agentEnvironment(u"demo-secret"_s));
    QVERIFY2(first.exitCode == 0 && !first.crashed, qPrintable(first.err));
    const CentralCounts expected = CentralCounts::read(sim.baseUrl(), sim.caFile());
    QVERIFY2(expected.error.isEmpty(), qPrintable(expected.error));
    QVERIFY(expected.tenants >= 1);
    QVERIFY(expected.eventIds.size() > 1500);

    const QHash<QString, int> counts = first.counts();
    QCOMPARE(counts.value(QStringLiteral("events"), -1), int(expected.eventIds.size()));
    QCOMPARE(counts.value(QStringLiteral("alerts"), -1), expected.alerts);
    QVERIFY(counts.value(QStringLiteral("endpoints"), -1) > 0);
    QVERIFY(counts.contains(QStringLiteral("cases")));
    QCOMPARE(storedEvents(workspace), qint64(expected.eventIds.size()));
    QCOMPARE(storedAlerts(workspace), qint64(expected.alerts));

    // A second run resumes from the stored cursors: no new event, nothing twice.
    const AgentRun second = runAgent(syncArgs(sim, workspace), agentEnvironment(u"demo-secret"_s));
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(second.counts().value(QStringLiteral("events"), -1), 0);
    QCOMPARE(storedEvents(workspace), qint64(expected.eventIds.size()));
    QCOMPARE(storedAlerts(workspace), qint64(expected.alerts));
}

void TestAgentSync::interruptedRunResumes_data()
{
    QTest::addColumn<QJsonObject>("fault");
    // The third SIEM request fails; with --retries 1 the run gives up on that tenant's feed.
    QTest::addRow("http-500") << QJsonObject{{u"kind"_s, u"status"_s},
                                             {u"path"_s, u"/siem/v1/events"_s},
                                             {u"status"_s, 500},
                                             {u"skip"_s, 2},
                                             {u"count"_s, 1}};
    // Every SIEM request from the third on loses its connection (QNAM silently resends once,
    // so a single drop would go unseen) until the faults are cleared before the clean run.
    QTest::addRow("dropped-connection") << QJsonObject{{u"kind"_s, u"dropAfterApply"_s},
                                                       {u"path"_s, u"/siem/v1/events"_s},
                                                       {u"skip"_s, 2},
                                                       {u"count"_s, 0}};
}

void TestAgentSync::interruptedRunResumes()
{
    QFETCH(QJsonObject, fault);
    SimProcess sim(QStringLiteral(CENTRAL_SIM_PATH),
                   {QStringLiteral("--siem-events"), QStringLiteral("2000")});
    QVERIFY2(sim.started(), qPrintable(sim.error()));
    const TestWorkspace workspace =
        TestWorkspace::create(m_postgres,
                              m_dir.path(),
                              QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(workspace.error.isEmpty(), qPrintable(workspace.error));
    QVERIFY(sim.addFault(fault));
    const QStringList args = syncArgs(sim, workspace)
                             << QStringLiteral("--retries") << QStringLiteral("1")
                             << QStringLiteral("--siem-page-size") << QStringLiteral("300");

    const AgentRun broken = runAgent(args, agentEnvironment(u"demo-secret"_s));
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(QStringLiteral("siem-events")), qPrintable(broken.err));
    for (const QString& line : broken.err.trimmed().split(QLatin1Char('\n'))) {
        QVERIFY2(line.startsWith(u"mtr-agent: sync of siem-events for tenant "_s),
                 qPrintable(line));
    }
    const qint64 afterBroken = storedEvents(workspace);
    QCOMPARE(afterBroken, qint64(broken.counts().value(QStringLiteral("events"))));

    QVERIFY(sim.clearFaults());
    const AgentRun clean = runAgent(args, agentEnvironment(u"demo-secret"_s));
    QVERIFY2(clean.exitCode == 0, qPrintable(clean.err));
    const CentralCounts expected = CentralCounts::read(sim.baseUrl(), sim.caFile());
    QVERIFY2(expected.error.isEmpty(), qPrintable(expected.error));
    QVERIFY(afterBroken < expected.eventIds.size());
    QCOMPARE(storedEvents(workspace), qint64(expected.eventIds.size()));
    QCOMPARE(broken.counts().value(QStringLiteral("events"))
                 + clean.counts().value(QStringLiteral("events")),
             int(expected.eventIds.size()));
}

void TestAgentSync::missingSecretIsAClearError()
{
    SimProcess sim(QStringLiteral(CENTRAL_SIM_PATH), {QStringLiteral("--http")});
    QVERIFY2(sim.started(), qPrintable(sim.error()));
    const TestWorkspace workspace = TestWorkspace::create(false, m_dir.path(), u"nosecret"_s);
    QProcessEnvironment env = agentEnvironment({});
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path()); // no keychain session here
    const AgentRun run = runAgent(syncArgs(sim, workspace), env);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("MTR_CENTRAL_CLIENT_SECRET")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("keychain")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(sim.requests().isEmpty()); // nothing was sent without credentials
}

void TestAgentSync::badCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString url = QStringLiteral("http://127.0.0.1:9");
    QTest::addRow("no-central") << QStringList{u"sync"_s,
                                               u"--once"_s,
                                               u"--client-id"_s,
                                               u"x"_s,
                                               u"--workspace"_s,
                                               u"w.sqlite"_s}
                                << QStringLiteral("--central");
    QTest::addRow("no-client-id")
        << QStringList{u"sync"_s, u"--once"_s, u"--central"_s, url, u"--workspace"_s, u"w.sqlite"_s}
        << QStringLiteral("--client-id");
    QTest::addRow("no-workspace")
        << QStringList{u"sync"_s, u"--once"_s, u"--central"_s, url, u"--client-id"_s, u"x"_s}
        << QStringLiteral("--workspace");
    QTest::addRow("bad-keywords") << QStringList{u"sync"_s,
                                                 u"--once"_s,
                                                 u"--central"_s,
                                                 url,
                                                 u"--client-id"_s,
                                                 u"x"_s,
                                                 u"--database"_s,
                                                 u"host"_s}
                                  << QStringLiteral("keyword=value");
    QTest::addRow("unknown-command") << QStringList{u"frobnicate"_s} << QStringLiteral("unknown");
}

void TestAgentSync::badCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const AgentRun run = runAgent(arguments, agentEnvironment(u"demo-secret"_s));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestAgentSync)
#include "TestAgentSync.moc"
