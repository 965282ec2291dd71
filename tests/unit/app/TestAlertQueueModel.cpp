// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/StoreExecutor.h"
#include "app/models/AlertQueueModel.h"
#include "store/AlertRepository.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using mtr::app::AlertQueueModel;
using mtr::app::StoreExecutor;
using mtr::domain::Alert;
using mtr::domain::Severity;

namespace {

constexpr int AlertCount = 3000;

QList<Alert> makeAlerts()
{
    const QDateTime base = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);
    const Severity severities[] = {Severity::Low, Severity::Medium, Severity::High};
    QList<Alert> alerts;
    for (int i = 0; i < AlertCount; ++i) {
        Alert a;
        a.id = QStringLiteral("alert-%1").arg(i, 5, 10, QLatin1Char('0'));
        a.tenantId = i % 3 == 0 ? QStringLiteral("tenant-a") : QStringLiteral("tenant-b");
        a.tenantName = i % 3 == 0 ? QStringLiteral("Contoso") : QStringLiteral("Fabrikam");
        a.type = QStringLiteral("Event::Endpoint::Threat::Detected");
        a.category = QStringLiteral("malware");
        a.severity = severities[i % 3];
        a.description = i == 1234 ? QStringLiteral("Needle: Troj/Agent-XYZ\nsecond line")
                                  : QStringLiteral("Malware detected: 'Troj/Agent-%1'").arg(i);
        a.raisedAt = base.addSecs(i * 60);
        alerts << a;
    }
    return alerts;
}

} // namespace

/// The alert queue model over a real SQLite workspace: pages arrive from the worker thread,
/// filters and sorting run in SQL, and the model keeps Qt's model contract throughout.
class TestAlertQueueModel : public QObject
{
    Q_OBJECT

private slots:

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = mtr::store::DatabaseConfig::sqlite(m_dir.filePath(QStringLiteral("w.sqlite")));
        auto db = mtr::store::Database::open(m_config);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QVERIFY(mtr::store::AlertRepository(*db.value()).upsert(makeAlerts()).ok());
    }

    void loadsPagesLazily()
    {
        StoreExecutor store(m_config);
        AlertQueueModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &AlertQueueModel::countChanged);
        QSignalSpy loaded(&model, &AlertQueueModel::pageLoaded);
        model.setQuery({});
        QVERIFY(counted.wait(10000));
        QCOMPARE(counted.first().first().toLongLong(), qint64(AlertCount));
        QCOMPARE(model.rowCount(), AlertCount);
        QTRY_VERIFY(!loaded.isEmpty());
        QVERIFY(model.index(0, 0).data(AlertQueueModel::LoadedRole).toBool());
        // A far row is not loaded until asked for, then arrives.
        const QModelIndex far = model.index(AlertCount - 1, AlertQueueModel::DescriptionColumn);
        QCOMPARE(far.data(AlertQueueModel::LoadedRole).toBool(), false);
        QCOMPARE(far.data().toString(), QStringLiteral("Loading…"));
        QTRY_VERIFY(far.data(AlertQueueModel::LoadedRole).toBool());
        // Newest first by default: the last row is the oldest alert.
        QCOMPARE(far.data(AlertQueueModel::IdRole).toString(), QStringLiteral("alert-00000"));
    }

    void filtersAndSortsInTheStore()
    {
        StoreExecutor store(m_config);
        AlertQueueModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &AlertQueueModel::countChanged);

        mtr::store::AlertQuery query;
        query.text = QStringLiteral("needle");
        model.setQuery(query);
        QVERIFY(counted.wait(10000));
        QCOMPARE(model.rowCount(), 1);
        QTRY_VERIFY(model.index(0, 0).data(AlertQueueModel::LoadedRole).toBool());
        // Attacker text is shown on one line.
        QCOMPARE(model.index(0, AlertQueueModel::DescriptionColumn).data().toString(),
                 QStringLiteral("Needle: Troj/Agent-XYZ second line"));

        query = {};
        query.severities = {Severity::High};
        query.tenantIds = {QStringLiteral("tenant-b")};
        model.setQuery(query);
        QVERIFY(counted.wait(10000));
        QCOMPARE(model.rowCount(), AlertCount / 3); // every third alert is high, all tenant-b

        query.severities = {Severity::Low}; // every Low alert belongs to tenant-a
        model.setQuery(query);
        QVERIFY(counted.wait(10000));
        QCOMPARE(model.rowCount(), 0);

        model.setQuery({});
        QVERIFY(counted.wait(10000));
        model.sort(AlertQueueModel::SeverityColumn, Qt::DescendingOrder);
        QVERIFY(counted.wait(10000));
        QTRY_VERIFY(model.index(0, 0).data(AlertQueueModel::LoadedRole).toBool());
        QCOMPARE(model.index(0, 0).data(AlertQueueModel::SeverityRole).toInt(),
                 int(Severity::High));
    }

    void ageIsRelativeToTheClock()
    {
        StoreExecutor store(m_config);
        AlertQueueModel model(&store);
        model.setNow(QDateTime(QDate(2026, 11, 30), QTime(8, 30), Qt::UTC));
        QSignalSpy counted(&model, &AlertQueueModel::countChanged);
        mtr::store::AlertQuery query;
        query.text = QStringLiteral("Troj/Agent-0'");
        model.setQuery(query);
        QVERIFY(counted.wait(10000));
        QCOMPARE(model.rowCount(), 1);
        QTRY_VERIFY(model.index(0, 0).data(AlertQueueModel::LoadedRole).toBool());
        QCOMPARE(model.index(0, AlertQueueModel::AgeColumn).data().toString(),
                 QStringLiteral("30 min"));
    }

private:
    QTemporaryDir m_dir;
    mtr::store::DatabaseConfig m_config;
};

QTEST_MAIN(TestAlertQueueModel)
#include "TestAlertQueueModel.moc"
