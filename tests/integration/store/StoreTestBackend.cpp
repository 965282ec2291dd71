// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "StoreTestBackend.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mtr::store::test {

QString StoreTestBackend::name()
{
    const QString env = qEnvironmentVariable("MTR_TEST_DB");
    return env.isEmpty() ? QStringLiteral("sqlite") : env;
}

bool StoreTestBackend::isPostgres()
{
    return name() == QLatin1String("postgres");
}

QString StoreTestBackend::setUp(bool* skip)
{
    *skip = false;
    if (!isPostgres()) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return QStringLiteral("no temporary directory");
        m_config = DatabaseConfig::sqlite(m_dir->filePath(QStringLiteral("workspace.sqlite")));
        return {};
    }

    const QString fixture = qEnvironmentVariable("PG_FIXTURE_DIR");
    const bool ci = qEnvironmentVariable("CI") == QLatin1String("true");
    if (fixture.isEmpty() || QFile::exists(fixture + QStringLiteral("/unavailable"))) {
        *skip = !ci;
        return QStringLiteral("PostgreSQL fixture not available (PG_FIXTURE_DIR=%1)").arg(fixture);
    }
    QFile portFile(fixture + QStringLiteral("/port"));
    if (!portFile.open(QIODevice::ReadOnly))
        return QStringLiteral("no port file in %1").arg(fixture);
    m_config = DatabaseConfig();
    m_config.kind = DatabaseConfig::Kind::Postgres;
    m_config.host = QStringLiteral("127.0.0.1");
    m_config.port = QString::fromLatin1(portFile.readAll()).trimmed().toInt();
    m_config.user = QStringLiteral("postgres");
    m_pgDatabase =
        QStringLiteral("mtr_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    m_config.database = m_pgDatabase;
    return adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_pgDatabase));
}

void StoreTestBackend::tearDown()
{
    if (!m_pgDatabase.isEmpty()) {
        const QString error =
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase));
        if (!error.isEmpty())
            qWarning("drop test database failed: %s", qPrintable(error));
        m_pgDatabase.clear();
    }
    m_dir.reset();
}

std::unique_ptr<Database> StoreTestBackend::open() const
{
    auto db = Database::open(m_config);
    if (!db) {
        qWarning("open failed: %s", qPrintable(db.error().message));
        return nullptr;
    }
    return std::move(db).value();
}

QString StoreTestBackend::adminExec(const QString& sql)
{
    const QString name = QStringLiteral("pg-admin-") + QUuid::createUuid().toString();
    QString error;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(m_config.host);
        admin.setPort(m_config.port);
        admin.setUserName(m_config.user);
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (!admin.open()) {
            error = admin.lastError().text();
        } else {
            QSqlQuery q(admin);
            if (!q.exec(sql))
                error = q.lastError().text();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace mtr::store::test
