// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/Database.h"
#include "store/Migrations.h"

#include <QSqlQuery>
#include <QTest>

using namespace mtr::store;

/// The migration text per dialect, and a full migration of an in-memory SQLite database.
class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void statementsResolvePlaceholders_data();
    void statementsResolvePlaceholders();
    void unknownVersionHasNoStatements();
    void inMemoryDatabaseMigratesToLatest();
};

void TestMigrations::statementsResolvePlaceholders_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("postgres");
    for (int v = 1; v <= Migrations::latestVersion(); ++v) {
        QTest::addRow("v%d-sqlite", v) << v << false;
        QTest::addRow("v%d-postgres", v) << v << true;
    }
}

void TestMigrations::statementsResolvePlaceholders()
{
    QFETCH(int, version);
    QFETCH(bool, postgres);
    const QStringList statements = Migrations::statements(version, postgres);
    QVERIFY(!statements.isEmpty());
    for (const QString& sql : statements) {
        QVERIFY2(!sql.contains(QLatin1String("{id}")) && !sql.contains(QLatin1String("{real}")),
                 qPrintable(sql));
        QVERIFY2(
            !sql.contains(postgres ? QLatin1String("AUTOINCREMENT") : QLatin1String("BIGSERIAL")),
            qPrintable(sql));
        QVERIFY2(!sql.contains(postgres ? QLatin1String("RAISE(ABORT") : QLatin1String("plpgsql")),
                 qPrintable(sql));
    }
}

void TestMigrations::unknownVersionHasNoStatements()
{
    QVERIFY(Migrations::statements(0, false).isEmpty());
    QVERIFY(Migrations::statements(Migrations::latestVersion() + 1, true).isEmpty());
}

void TestMigrations::inMemoryDatabaseMigratesToLatest()
{
    auto db = Database::open(DatabaseConfig::sqlite(QStringLiteral(":memory:")));
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Migrations::latestVersion());
    QSqlQuery q(db.value()->connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name "
                              "IN ('alerts', 'outbox', 'audit_log', 'drafts', 'approvals')")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 5);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
