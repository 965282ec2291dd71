// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// SyncService in-process against a central-sim child process and a real SQLite workspace:
// progress and summary match what was stored, one failing feed does not stop the others, and
// polling runs again until stop().

#include "CentralCounts.h"
#include "SimProcess.h"
#include "central/CentralClient.h"
#include "store/Database.h"
#include "store/EndpointRepository.h"
#include "store/SiemEventRepository.h"
#include "store/SyncCursorRepository.h"
#include "store/TenantRepository.h"
#include "workflow/SyncService.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mtr;
using namespace mtr::testing;
using namespace Qt::StringLiterals;

class TestSyncService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void summaryMatchesStore();
    void failingFeedDoesNotStopOthers();
    void pollingRepeatsUntilStopped();

private:
    central::CentralConfig config() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<store::Database> m_db;
    int m_run = 0;
};

void TestSyncService::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<mtr::workflow::SyncSummary>();
}

void TestSyncService::init()
{
    m_sim = std::make_unique<SimProcess>(QStringLiteral(CENTRAL_SIM_PATH),
                                         QStringList{u"--siem-events"_s, u"700"_s});
    QVERIFY2(m_sim->started(), qPrintable(m_sim->error()));
    auto db = store::Database::open(
        store::DatabaseConfig::sqlite(m_dir.filePath(u"sync-%1.sqlite"_s.arg(++m_run))));
    QVERIFY2(db, db ? "" : qPrintable(db.error().message));
    m_db = std::move(db.value());
}

void TestSyncService::cleanup()
{
    m_db.reset();
    m_sim.reset();
}

central::CentralConfig TestSyncService::config() const
{
    central::CentralConfig c;
    c.identityBase = m_sim->baseUrl();
    c.globalBase = m_sim->baseUrl();
    c.caFile = m_sim->caFile();
    c.clientId = u"demo-client"_s;
    c.clientSecret = Secret(u"demo-secret"_s);
    c.retry.maxAttempts = 1;
    return c;
}

void TestSyncService::summaryMatchesStore()
{
    central::CentralClient client(config());
    workflow::SyncService sync(&client, m_db.get());
    sync.setSiemPageSize(250);
    QSignalSpy progressed(&sync, &workflow::SyncService::progressed);
    QSignalSpy finished(&sync, &workflow::SyncService::finished);
    QVERIFY(sync.syncOnce());
    QVERIFY(!sync.syncOnce()); // one run at a time
    QVERIFY(finished.wait(120000));
    const auto summary = finished.first().first().value<workflow::SyncSummary>();
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.failures.first().error.message));

    const CentralCounts expected = CentralCounts::read(m_sim->baseUrl(), m_sim->caFile());
    QVERIFY2(expected.error.isEmpty(), qPrintable(expected.error));
    QCOMPARE(summary.tenants, expected.tenants);
    QCOMPARE(summary.events, int(expected.eventIds.size()));
    QCOMPARE(summary.alerts, expected.alerts);
    store::SiemEventRepository events(*m_db);
    QCOMPARE(events.count().value(), qint64(summary.events));
    QCOMPARE(int(store::TenantRepository(*m_db).list().value().size()), expected.tenants);

    // The last progress report of each tenant's SIEM feed equals what that tenant stored, and
    // each tenant has a cursor to resume from.
    QHash<QString, int> lastEvents;
    for (const QList<QVariant>& args : progressed) {
        if (args.at(1).toString() == QLatin1String(workflow::SyncService::SiemEventsFeed)) {
            lastEvents[args.at(0).toString()] = args.at(2).toInt();
        }
    }
    QCOMPARE(int(lastEvents.size()), expected.tenants);
    store::SyncCursorRepository cursors(*m_db);
    for (auto it = lastEvents.cbegin(); it != lastEvents.cend(); ++it) {
        QCOMPARE(events.count(it.key()).value(), qint64(it.value()));
        QVERIFY(!cursors.cursor(it.key(), u"siem-events"_s).value().isEmpty());
    }
}

void TestSyncService::failingFeedDoesNotStopOthers()
{
    QVERIFY(m_sim->addFault(QJsonObject{{u"kind"_s, u"status"_s},
                                        {u"path"_s, u"/endpoint/v1/endpoints"_s},
                                        {u"status"_s, 503}}));
    central::CentralClient client(config());
    workflow::SyncService sync(&client, m_db.get());
    QSignalSpy failedFeeds(&sync, &workflow::SyncService::feedFailed);
    QSignalSpy finished(&sync, &workflow::SyncService::finished);
    sync.syncOnce();
    QVERIFY(finished.wait(120000));
    const auto summary = finished.first().first().value<workflow::SyncSummary>();
    QVERIFY(!summary.ok());
    QCOMPARE(summary.endpoints, 0);
    QCOMPARE(int(failedFeeds.size()), summary.tenants); // the endpoints feed of every tenant
    for (const QList<QVariant>& args : failedFeeds) {
        QCOMPARE(args.at(1).toString(), u"endpoints"_s);
        QCOMPARE(args.at(2).value<Error>().httpStatus, 503);
    }
    // Every tenant's events still arrived.
    const CentralCounts expected = CentralCounts::read(m_sim->baseUrl(), m_sim->caFile());
    QCOMPARE(summary.events, int(expected.eventIds.size()));
    QVERIFY(summary.events > 0);
}

void TestSyncService::pollingRepeatsUntilStopped()
{
    central::CentralClient client(config());
    workflow::SyncService sync(&client, m_db.get());
    QSignalSpy finished(&sync, &workflow::SyncService::finished);
    sync.start(10);
    QVERIFY(sync.isPolling());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 120000);
    sync.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isRunning(), 60000);
    const int runs = int(finished.size());
    const auto first = finished.first().first().value<workflow::SyncSummary>();
    const auto second = finished.at(1).first().value<workflow::SyncSummary>();
    QVERIFY(first.events > 0);
    QCOMPARE(second.events, 0); // resumed from the cursors
    QCOMPARE(second.alerts, first.alerts);
    QVERIFY(!sync.isPolling());
    QCoreApplication::processEvents(); // a pending timer event must not start a new run
    QCOMPARE(int(finished.size()), runs);
}

QTEST_GUILESS_MAIN(TestSyncService)
#include "TestSyncService.moc"
