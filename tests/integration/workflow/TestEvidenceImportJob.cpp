// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// EvidenceImportJob on real-format fixtures (tests/data/evidence) into a real SQLite workspace:
// the kind is detected, items, indicators and timeline events are stored through the store,
// bad records are reported with their line and the rest kept, and a cancelled import stores
// nothing.

#include "store/Database.h"
#include "store/EvidenceRepository.h"
#include "workflow/EvidenceImportJob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mtr;
using namespace mtr::workflow;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString& relative)
{
    return QStringLiteral(MTR_TEST_DATA_DIR "/evidence/") + relative;
}

} // namespace

class TestEvidenceImportJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importsFixture_data();
    void importsFixture();
    void firewallAndEndpointShareOneTimeline();
    void badRecordsAreReportedAndTheRestKept();
    void unknownFileFails();
    void cancelStoresNothing();

private:
    /// Runs a job to its end; returns the report (finished) or fails the test.
    EvidenceImportReport runJob(const store::DatabaseConfig& config,
                                const EvidenceImportRequest& request,
                                QString* failure = nullptr);
    store::DatabaseConfig freshWorkspace(const QString& name);

    QTemporaryDir m_dir;
};

void TestEvidenceImportJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<mtr::workflow::EvidenceImportReport>();
}

store::DatabaseConfig TestEvidenceImportJob::freshWorkspace(const QString& name)
{
    return store::DatabaseConfig::sqlite(m_dir.filePath(name + u".sqlite"_s));
}

EvidenceImportReport TestEvidenceImportJob::runJob(const store::DatabaseConfig& config,
                                                   const EvidenceImportRequest& request,
                                                   QString* failure)
{
    EvidenceImportJob job(config, request);
    QSignalSpy finished(&job, &EvidenceImportJob::finished);
    QSignalSpy failed(&job, &EvidenceImportJob::failed);
    job.start();
    if (!finished.wait(60000) && failed.isEmpty() && !failed.wait(1)) {
        if (failure) {
            *failure = u"no final signal"_s;
        }
        return {};
    }
    if (!failed.isEmpty()) {
        if (failure) {
            *failure = failed.first().first().value<Error>().message;
        }
        return {};
    }
    return finished.first().first().value<EvidenceImportReport>();
}

void TestEvidenceImportJob::importsFixture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("withIndicators");
    QTest::addRow("firewall-atp") << fixture(u"firewall/sfos18.5-atp-c2.log"_s)
                                  << int(EvidenceKind::Firewall) << true;
    QTest::addRow("firewall-ips") << fixture(u"firewall/sfos18.5-idp-ips.log"_s)
                                  << int(EvidenceKind::Firewall) << true;
    QTest::addRow("netstat-windows") << fixture(u"live-response/jc-win10-netstat-aon.out"_s)
                                     << int(EvidenceKind::LiveResponse) << true;
    QTest::addRow("ss-linux") << fixture(u"live-response/jc-ubuntu1804-ss-sudo-tulpen.out"_s)
                              << int(EvidenceKind::LiveResponse) << true;
    QTest::addRow("siem-events") << fixture(u"central/siem-events-page1.json"_s)
                                 << int(EvidenceKind::SiemEvents) << true;
    QTest::addRow("common-alerts") << fixture(u"central/common-alerts-page1.json"_s)
                                   << int(EvidenceKind::CentralAlerts) << false;
}

void TestEvidenceImportJob::importsFixture()
{
    QFETCH(QString, file);
    QFETCH(int, kind);
    QFETCH(bool, withIndicators);
    QVERIFY2(QFile::exists(file), qPrintable(file));
    const store::DatabaseConfig config =
        freshWorkspace(QString::fromLatin1(QTest::currentDataTag()));
    EvidenceImportRequest request;
    request.filePath = file;
    request.caseId = u"case-1"_s;
    request.tenantId = u"tenant-a"_s;
    request.host = u"host-1"_s;
    QString failure;
    const EvidenceImportReport report = runJob(config, request, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(int(report.kind), kind);
    QVERIFY(report.records > 0);
    QVERIFY(report.items > 0);
    QVERIFY(report.timelineEvents > 0);
    QCOMPARE(report.bytes, int(QFileInfo(file).size()));

    auto db = store::Database::open(config);
    QVERIFY(db);
    store::EvidenceRepository repo(*db.value());
    QCOMPARE(int(repo.items(u"case-1"_s).value().size()), report.items);
    QCOMPARE(int(repo.timeline(u"case-1"_s).value().size()), report.timelineEvents);
    const QList<domain::Indicator> indicators = repo.indicators(u"case-1"_s).value();
    QCOMPARE(int(indicators.size()), report.indicators);
    if (withIndicators) {
        QVERIFY(!indicators.isEmpty());
    }
    const QList<domain::TimelineEvent> timeline = repo.timeline(u"case-1"_s).value();
    for (const domain::TimelineEvent& event : timeline) {
        QCOMPARE(event.caseId, u"case-1"_s);
        QVERIFY(!event.sourceId.isEmpty()); // every event links back to its record
    }

    // The same file again adds no indicator and no new item.
    const EvidenceImportReport again = runJob(config, request, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(again.indicators, 0);
    QCOMPARE(int(repo.items(u"case-1"_s).value().size()), report.items);
}

void TestEvidenceImportJob::firewallAndEndpointShareOneTimeline()
{
    const store::DatabaseConfig config = freshWorkspace(u"shared-case"_s);
    EvidenceImportRequest request;
    request.caseId = u"case-7"_s;
    request.filePath = fixture(u"firewall/sfos18.5-firewall-rule-and-dos.log"_s);
    QString failure;
    const EvidenceImportReport firewall = runJob(config, request, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    request.filePath = fixture(u"live-response/jc-win10-netstat-aon.out"_s);
    request.host = u"win10"_s;
    const EvidenceImportReport netstat = runJob(config, request, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    auto db = store::Database::open(config);
    QVERIFY(db);
    store::EvidenceRepository repo(*db.value());
    const QList<domain::TimelineEvent> timeline = repo.timeline(u"case-7"_s).value();
    QCOMPARE(int(timeline.size()), firewall.timelineEvents + netstat.timelineEvents);
    QSet<QString> sources;
    for (const domain::TimelineEvent& event : timeline) {
        sources.insert(event.source);
    }
    QVERIFY2(sources.size() >= 2, qPrintable(QStringList(sources.values()).join(u',')));
}

void TestEvidenceImportJob::badRecordsAreReportedAndTheRestKept()
{
    QFile source(fixture(u"firewall/sfos18.5-atp-c2.log"_s));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = source.readAll().trimmed().split('\n');
    const int good = int(lines.size());
    lines.insert(1, "this line has no key value pairs at all");
    const QString path = m_dir.filePath(u"broken.log"_s);
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(lines.join('\n') + '\n');
    broken.close();

    EvidenceImportRequest request;
    request.filePath = path;
    request.caseId = u"case-2"_s;
    QString failure;
    const EvidenceImportReport report = runJob(freshWorkspace(u"broken"_s), request, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(report.kind, EvidenceKind::Firewall);
    QCOMPARE(report.items, good);
    bool namedLine = false;
    for (const evidence::ReadDiagnostic& problem : report.problems) {
        namedLine = namedLine || problem.line == 2;
    }
    QVERIFY(namedLine);
}

void TestEvidenceImportJob::unknownFileFails()
{
    const QString path = m_dir.filePath(u"notes.txt"_s);
    QFile notes(path);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("Dear analyst,\nplease look at this.\n");
    notes.close();
    EvidenceImportRequest request;
    request.filePath = path;
    request.caseId = u"case-3"_s;
    EvidenceImportJob job(freshWorkspace(u"unknown"_s), request);
    QSignalSpy failed(&job, &EvidenceImportJob::failed);
    job.start();
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.first().first().value<Error>().code, Error::Code::InvalidInput);
}

void TestEvidenceImportJob::cancelStoresNothing()
{
    // A firewall log big enough that the import is still reading when the first progress
    // report arrives; the cancel is issued from that report, on the worker thread itself.
    QFile source(fixture(u"firewall/sfos18.5-idp-ips.log"_s));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray block = source.readAll();
    const QString path = m_dir.filePath(u"big.log"_s);
    QFile big(path);
    QVERIFY(big.open(QIODevice::WriteOnly));
    while (big.size() < 8 * 1024 * 1024) {
        big.write(block);
    }
    big.close();

    const store::DatabaseConfig config = freshWorkspace(u"cancel"_s);
    EvidenceImportRequest request;
    request.filePath = path;
    request.caseId = u"case-4"_s;
    EvidenceImportJob job(config, request);
    connect(&job,
            &EvidenceImportJob::progressed,
            &job,
            &EvidenceImportJob::cancel,
            Qt::DirectConnection);
    QSignalSpy cancelled(&job, &EvidenceImportJob::cancelled);
    QSignalSpy finished(&job, &EvidenceImportJob::finished);
    job.start();
    QVERIFY(cancelled.wait(60000));
    QVERIFY(finished.isEmpty());
    auto db = store::Database::open(config);
    QVERIFY(db);
    store::EvidenceRepository repo(*db.value());
    QVERIFY(repo.items(u"case-4"_s).value().isEmpty());
    QVERIFY(repo.indicators(u"case-4"_s).value().isEmpty());
    QVERIFY(repo.timeline(u"case-4"_s).value().isEmpty());
}

QTEST_GUILESS_MAIN(TestEvidenceImportJob)
#include "TestEvidenceImportJob.moc"
