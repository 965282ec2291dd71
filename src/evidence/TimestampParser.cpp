// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/TimestampParser.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace mtr::evidence {

namespace {

QString tooManyOrBad(const QString& what, const QString& text)
{
    return QStringLiteral("%1: '%2'").arg(what, text.left(64));
}

/// Fraction digits to milliseconds; digits beyond milliseconds are kept by the caller.
int fractionToMs(const QString& fraction)
{
    QString padded = fraction.left(3);
    while (padded.size() < 3) {
        padded.append(QLatin1Char('0'));
    }
    return padded.toInt();
}

} // namespace

std::optional<QDateTime>
TimestampParser::parseIso(const QString& text, QString* error, const QTimeZone& assumedZone)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
        "(Z|z|[+-]\\d{2}:?\\d{2})?$"));
    const QString trimmed = text.trimmed();
    const auto m = re.match(trimmed);
    if (!m.hasMatch()) {
        if (error) {
            *error =
                tooManyOrBad(QCoreApplication::translate("mtr::evidence", "malformed date-time"),
                             trimmed);
        }
        return std::nullopt;
    }

    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QString fraction = m.captured(7);
    const QTime time(m.captured(4).toInt(),
                     m.captured(5).toInt(),
                     m.captured(6).isEmpty() ? 0 : m.captured(6).toInt(),
                     fraction.isEmpty() ? 0 : fractionToMs(fraction));
    if (!date.isValid() || !time.isValid()) {
        if (error) {
            *error =
                tooManyOrBad(QCoreApplication::translate("mtr::evidence", "date-time out of range"),
                             trimmed);
        }
        return std::nullopt;
    }

    const QString zone = m.captured(8);
    QDateTime result;
    if (zone.isEmpty()) {
        result = QDateTime(date, time, assumedZone);
    } else if (zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0) {
        result = QDateTime(date, time, QTimeZone::utc());
    } else {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int seconds = digits.left(2).toInt() * 3600 + digits.mid(2).toInt() * 60;
        result = QDateTime(date,
                           time,
                           QTimeZone(zone.startsWith(QLatin1Char('-')) ? -seconds : seconds));
    }
    return result.toUTC();
}

std::optional<QDateTime>
TimestampParser::parseEpoch(const QString& text, EpochUnit unit, QString* error)
{
    bool ok = false;
    const QString trimmed = text.trimmed();
    const qint64 value = trimmed.toLongLong(&ok);
    if (!ok || trimmed.isEmpty()) {
        if (error) {
            *error =
                tooManyOrBad(QCoreApplication::translate("mtr::evidence", "malformed epoch value"),
                             trimmed);
        }
        return std::nullopt;
    }

    if (unit == EpochUnit::Guess) {
        const qint64 magnitude = value < 0 ? -value : value;
        unit = magnitude < 100'000'000'000LL       ? EpochUnit::Seconds
               : magnitude < 100'000'000'000'000LL ? EpochUnit::Milliseconds
                                                   : EpochUnit::Microseconds;
    }
    switch (unit) {
    case EpochUnit::Seconds:
        return QDateTime::fromSecsSinceEpoch(value, QTimeZone::utc()).toUTC();
    case EpochUnit::Milliseconds:
        return QDateTime::fromMSecsSinceEpoch(value, QTimeZone::utc()).toUTC();
    case EpochUnit::Microseconds:
    case EpochUnit::Guess:
        // QDateTime holds milliseconds; the caller keeps the original text for the rest.
        return QDateTime::fromMSecsSinceEpoch(value / 1000, QTimeZone::utc()).toUTC();
    }
    return std::nullopt;
}

std::optional<int> TimestampParser::zoneOffsetSeconds(const QString& zone, const QDateTime& when)
{
    // Abbreviations as Sophos Firewall writes them. They are ambiguous in general (IST is also
    // Irish and Israel Standard Time); this table follows the appliance's own zone list.
    // TODO: let the analyst override the zone per device when an abbreviation is ambiguous.
    static const QHash<QString, int> table = {
        {QStringLiteral("UTC"), 0},      {QStringLiteral("GMT"), 0},
        {QStringLiteral("WET"), 0},      {QStringLiteral("WEST"), 3600},
        {QStringLiteral("BST"), 3600},   {QStringLiteral("CET"), 3600},
        {QStringLiteral("CEST"), 7200},  {QStringLiteral("EET"), 7200},
        {QStringLiteral("EEST"), 10800}, {QStringLiteral("MSK"), 10800},
        {QStringLiteral("IST"), 19800},  {QStringLiteral("SGT"), 28800},
        {QStringLiteral("HKT"), 28800},  {QStringLiteral("JST"), 32400},
        {QStringLiteral("AEST"), 36000}, {QStringLiteral("AEDT"), 39600},
        {QStringLiteral("NZST"), 43200}, {QStringLiteral("NZDT"), 46800},
        {QStringLiteral("EST"), -18000}, {QStringLiteral("EDT"), -14400},
        {QStringLiteral("CST"), -21600}, {QStringLiteral("CDT"), -18000},
        {QStringLiteral("MST"), -25200}, {QStringLiteral("MDT"), -21600},
        {QStringLiteral("PST"), -28800}, {QStringLiteral("PDT"), -25200},
    };
    const QString key = zone.trimmed();
    const auto it = table.constFind(key.toUpper());
    if (it != table.constEnd()) {
        return it.value();
    }
    if (!QTimeZone::isTimeZoneIdAvailable(key.toUtf8())) {
        return std::nullopt;
    }
    const QTimeZone iana(key.toUtf8());
    if (iana.isValid()) {
        return iana.offsetFromUtc(when);
    }
    return std::nullopt;
}

} // namespace mtr::evidence
