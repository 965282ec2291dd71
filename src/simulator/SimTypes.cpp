// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/SimTypes.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace mtr::simulator {

QByteArray ApiRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString ApiRequest::param(const QString& name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

bool ApiRequest::hasParam(const QString& name) const
{
    return query.hasQueryItem(name);
}

ApiResponse jsonResponse(int status, const QJsonObject& object)
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse apiError(int status, const QString& error, const QString& message)
{
    QJsonObject body{{QStringLiteral("error"), error},
                     {QStringLiteral("correlationId"), newUuid()},
                     {QStringLiteral("requestId"), newUuid()},
                     {QStringLiteral("createdAt"), isoMs(QDateTime::currentMSecsSinceEpoch())}};
    if (!message.isEmpty())
        body.insert(QStringLiteral("message"), message);
    return jsonResponse(status, body);
}

ApiResponse tokenError(int status, const QString& errorCode, const QString& message)
{
    return jsonResponse(status,
                        QJsonObject{{QStringLiteral("errorCode"), errorCode},
                                    {QStringLiteral("message"), message},
                                    {QStringLiteral("trackingId"), newUuid()}});
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoMs(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 parseIsoMs(const QString& text)
{
    if (text.size() < 19 || text.at(4) != QLatin1Char('-') || text.at(10) != QLatin1Char('T'))
        return -1;
    QString value = text;
    if (!value.endsWith(QLatin1Char('Z')) && !value.contains(QLatin1Char('+'))
        && value.lastIndexOf(QLatin1Char('-')) < 11)
        value += QLatin1Char('Z');
    const QDateTime dt = QDateTime::fromString(value, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toMSecsSinceEpoch() : -1;
}

QStringList commaList(const QString& value)
{
    QStringList out;
    for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(part.trimmed().toLower());
    return out;
}

qint64 timeOrDuration(const QString& text, qint64 nowMs)
{
    static const QRegularExpression duration(
        QStringLiteral("^-?P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$"));
    const auto match = duration.match(text);
    if (match.hasMatch() && text.size() > 2) {
        const qint64 seconds =
            match.captured(1).toLongLong() * 86400 + match.captured(2).toLongLong() * 3600
            + match.captured(3).toLongLong() * 60 + match.captured(4).toLongLong();
        return nowMs - seconds * 1000;
    }
    return parseIsoMs(text);
}

} // namespace mtr::simulator
