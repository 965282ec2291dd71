// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "AgentTestSupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mtr::testing {

QHash<QString, int> AgentRun::counts() const
{
    static const QRegularExpression line(QStringLiteral(R"(^(\w+): (\d+)$)"),
                                         QRegularExpression::MultilineOption);
    QHash<QString, int> result;
    auto it = line.globalMatch(out);
    while (it.hasNext()) {
        const auto match = it.next();
        result.insert(match.captured(1), match.captured(2).toInt());
    }
    return result;
}

AgentRun runAgent(const QStringList& arguments, const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(MTR_AGENT_PATH), arguments);
    AgentRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(600000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("mtr-agent did not finish: ") + process.errorString();
        return run;
    }
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QProcessEnvironment agentEnvironment(const QString& secret)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MTR_CENTRAL_CLIENT_SECRET"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    if (!secret.isEmpty()) {
        env.insert(QStringLiteral("MTR_CENTRAL_CLIENT_SECRET"), secret);
    }
    return env;
}

TestWorkspace TestWorkspace::create(bool postgres, const QString& dir, const QString& name)
{
    TestWorkspace workspace;
    if (!postgres) {
        const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".sqlite");
        QFile::remove(path);
        workspace.config = store::DatabaseConfig::sqlite(path);
        workspace.arguments = {QStringLiteral("--workspace"), path};
        return workspace;
    }
    QFile portFile(qEnvironmentVariable("PG_FIXTURE_DIR") + QStringLiteral("/port"));
    if (!portFile.open(QIODevice::ReadOnly)) {
        workspace.error = QStringLiteral("PostgreSQL fixture not running (PG_FIXTURE_DIR/port)");
        return workspace;
    }
    const int port = portFile.readAll().trimmed().toInt();
    QString safe = name.toLower();
    safe.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    const QString dbName =
        safe + QLatin1Char('_') + QUuid::createUuid().toString(QUuid::Id128).left(8);
    {
        const QString connection = QStringLiteral("create-") + dbName;
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        admin.setHostName(QStringLiteral("127.0.0.1"));
        admin.setPort(port);
        admin.setUserName(QStringLiteral("postgres"));
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (!admin.open()) {
            workspace.error = admin.lastError().text();
        } else if (QSqlQuery query(admin);
                   !query.exec(QStringLiteral("CREATE DATABASE ") + dbName)) {
            workspace.error = query.lastError().text();
        }
        admin.close();
        admin = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
    }
    workspace.config.kind = store::DatabaseConfig::Kind::Postgres;
    workspace.config.host = QStringLiteral("127.0.0.1");
    workspace.config.port = port;
    workspace.config.user = QStringLiteral("postgres");
    workspace.config.database = dbName;
    workspace.arguments = {
        QStringLiteral("--database"),
        QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=postgres").arg(port).arg(dbName)};
    return workspace;
}

} // namespace mtr::testing
