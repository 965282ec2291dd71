// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/SqlSupport.h"

#include "log/Log.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace mtr::store {

Error sqlError(const QSqlQuery& query, const char* what)
{
    const QSqlError e = query.lastError();
    // Driver text names tables and constraints, never bound values, so it is safe to keep.
    return Error::make(Error::Code::Storage,
                       QStringLiteral("%1 failed: %2 %3")
                           .arg(QLatin1String(what), e.nativeErrorCode(), e.databaseText()),
                       false);
}

Result<void> prepare(QSqlQuery& query, const QString& sql)
{
    if (!query.prepare(sql))
        return sqlError(query, "prepare");
    return {};
}

Result<void> exec(QSqlQuery& query, const char* what)
{
    if (!query.exec())
        return sqlError(query, what);
    return {};
}

Result<void> rowsDone(const QSqlQuery& query, const char* what)
{
    if (query.lastError().isValid())
        return sqlError(query, what);
    return {};
}

Result<void> execDirect(Database& db, const QString& sql, const char* what)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        return sqlError(query, what);
    return {};
}

QVariant timeValue(const QDateTime& time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qlonglong>());
    return QVariant(qlonglong(time.toMSecsSinceEpoch()));
}

QDateTime timeFrom(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant textOrNull(const QString& text)
{
    if (text.isNull())
        return QVariant(QMetaType::fromType<QString>());
    return text;
}

QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList& list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObjectFrom(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QStringList stringListFrom(const QVariant& value)
{
    QStringList out;
    if (value.isNull())
        return out;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue& v : array)
        out << v.toString();
    return out;
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollbackTransaction();
}

Result<void> Transaction::begin()
{
    auto r = m_db.beginTransaction();
    m_active = r.ok();
    return r;
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return Error::make(Error::Code::Internal, QStringLiteral("commit without begin"));
    m_active = false;
    return m_db.commitTransaction();
}

} // namespace mtr::store
