// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/SimTypes.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <cstdio>

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
    // Hand-made because it runs for every generated SIEM item; QDateTime::toString() is the
    // slowest step of a 1000-item page. Civil-from-days after H. Hinnant's public algorithm.
    const auto floorDiv = [](qint64 a, qint64 b) {
        return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
    };
    const qint64 seconds = floorDiv(epochMs, 1000);
    const int millis = int(epochMs - seconds * 1000);
    qint64 days = floorDiv(seconds, 86400);
    const int daySeconds = int(seconds - days * 86400);
    days += 719468;
    const qint64 era = floorDiv(days, 146097);
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    char text[40];
    std::snprintf(text,
                  sizeof text,
                  "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  static_cast<long long>(year),
                  month,
                  day,
                  daySeconds / 3600,
                  daySeconds / 60 % 60,
                  daySeconds % 60,
                  millis);
    return QString::fromLatin1(text);
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
