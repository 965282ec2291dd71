// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/DatabaseConfig.h"

#include <QTest>

using mtr::store::DatabaseConfig;

/// DatabaseConfig: the default SQLite place and PostgreSQL connection URLs.
class TestDatabaseConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaultSqlitePathIsInAppData();
    void postgresUrl_data();
    void postgresUrl();
};

void TestDatabaseConfig::defaultSqlitePathIsInAppData()
{
    QCoreApplication::setApplicationName(QStringLiteral("mtr-test"));
    const DatabaseConfig c = DatabaseConfig::sqlite();
    QCOMPARE(c.kind, DatabaseConfig::Kind::Sqlite);
    QVERIFY(c.path.endsWith(QLatin1String("/mtr-test/workspace.sqlite")));
    QCOMPARE(DatabaseConfig::sqlite(QStringLiteral("/tmp/x.sqlite")).path,
             QStringLiteral("/tmp/x.sqlite"));
}

void TestDatabaseConfig::postgresUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addRow("full") << "postgresql://mtr:s3cret@db.example:6543/workspace" << true
                          << "db.example" << 6543 << "workspace"
                          << "mtr"
                          << "s3cret";
    QTest::addRow("short-scheme-defaults") << "postgres://db" << true << "db" << 5432 << "postgres"
                                           << ""
                                           << "";
    QTest::addRow("percent-encoded-password")
        << "postgresql://u:p%40ss%2Fw@h/d" << true << "h" << 5432 << "d"
        << "u"
        << "p@ss/w";
    QTest::addRow("ipv6-host") << "postgresql://u@[::1]:5433/d" << true << "::1" << 5433 << "d"
                               << "u"
                               << "";
    QTest::addRow("wrong-scheme") << "mysql://u@h/d" << false << "" << 0 << ""
                                  << ""
                                  << "";
    QTest::addRow("not-a-url") << "just words" << false << "" << 0 << ""
                               << ""
                               << "";
}

void TestDatabaseConfig::postgresUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    const auto config = DatabaseConfig::fromPostgresUrl(url);
    QCOMPARE(config.ok(), ok);
    if (!ok) {
        QCOMPARE(config.error().code, mtr::Error::Code::InvalidInput);
        return;
    }
    QCOMPARE(config.value().kind, DatabaseConfig::Kind::Postgres);
    QTEST(config.value().host, "host");
    QTEST(config.value().port, "port");
    QTEST(config.value().database, "database");
    QTEST(config.value().user, "user");
    QTEST(config.value().password, "password");
}

QTEST_GUILESS_MAIN(TestDatabaseConfig)
#include "TestDatabaseConfig.moc"
