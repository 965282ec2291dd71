// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/DatabaseConfig.h"

#include <QStandardPaths>
#include <QUrl>

namespace mtr::store {

QString DatabaseConfig::defaultSqlitePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/workspace.sqlite");
}

DatabaseConfig DatabaseConfig::sqlite(const QString& path)
{
    DatabaseConfig config;
    config.kind = Kind::Sqlite;
    config.path = path.isEmpty() ? defaultSqlitePath() : path;
    return config;
}

Result<DatabaseConfig> DatabaseConfig::fromPostgresUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()
        || (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("not a postgresql:// connection URL"));
    }
    DatabaseConfig config;
    config.kind = Kind::Postgres;
    if (!url.host().isEmpty())
        config.host = url.host();
    config.port = url.port(5432);
    config.user = url.userName(QUrl::FullyDecoded);
    config.password = url.password(QUrl::FullyDecoded);
    const QString db = url.path(QUrl::FullyDecoded).mid(1);
    if (!db.isEmpty())
        config.database = db;
    return config;
}

} // namespace mtr::store
