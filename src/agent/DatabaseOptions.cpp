// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "DatabaseOptions.h"

#include <QCoreApplication>
#include <QStringList>

namespace mtr::agent {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtr::agent::DatabaseOptions", text);
}

Error usage(const QString& message)
{
    return Error::make(Error::Code::InvalidInput, message);
}

} // namespace

DatabaseOptions::DatabaseOptions()
    : m_workspace(QStringList{QStringLiteral("workspace")},
                  tr("SQLite workspace file (created when missing)."),
                  QStringLiteral("FILE"))
    , m_database(QStringList{QStringLiteral("database")},
                 tr("PostgreSQL connection: postgres://user@host:port/db or "
                    "\"host=... port=... dbname=... user=...\"."),
                 QStringLiteral("CONNECTION"))
{}

void DatabaseOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOption(m_workspace);
    parser.addOption(m_database);
}

Result<store::DatabaseConfig> DatabaseOptions::config(const QCommandLineParser& parser) const
{
    const bool workspace = parser.isSet(m_workspace);
    const bool database = parser.isSet(m_database);
    if (workspace == database) {
        return usage(tr("give exactly one of --workspace FILE or --database CONNECTION"));
    }
    if (workspace) {
        const QString path = parser.value(m_workspace);
        if (path.isEmpty()) {
            return usage(tr("--workspace needs a file name"));
        }
        return store::DatabaseConfig::sqlite(path);
    }
    const QString text = parser.value(m_database).trimmed();
    Result<store::DatabaseConfig> config = text.contains(QLatin1String("://"))
                                               ? store::DatabaseConfig::fromPostgresUrl(text)
                                               : fromKeywords(text);
    if (!config) {
        return config;
    }
    store::DatabaseConfig value = config.value();
    if (value.password.isEmpty() && qEnvironmentVariableIsSet("PGPASSWORD")) {
        value.password = qEnvironmentVariable("PGPASSWORD");
    }
    return value;
}

Result<store::DatabaseConfig> DatabaseOptions::fromKeywords(const QString& text)
{
    store::DatabaseConfig config;
    config.kind = store::DatabaseConfig::Kind::Postgres;
    const QStringList pairs = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (pairs.isEmpty()) {
        return usage(tr("--database needs a connection"));
    }
    for (const QString& pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return usage(tr("--database: \"%1\" is not keyword=value").arg(pair));
        }
        const QString key = pair.left(eq);
        const QString value = pair.mid(eq + 1);
        if (key == QLatin1String("host") || key == QLatin1String("hostaddr")) {
            config.host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            config.port = value.toInt(&ok);
            if (!ok || config.port <= 0 || config.port > 65535) {
                return usage(tr("--database: port must be a number from 1 to 65535"));
            }
        } else if (key == QLatin1String("dbname")) {
            config.database = value;
        } else if (key == QLatin1String("user")) {
            config.user = value;
        } else if (key == QLatin1String("password")) {
            config.password = value;
        } else {
            return usage(tr("--database: unknown keyword \"%1\"").arg(key));
        }
    }
    return config;
}

} // namespace mtr::agent
