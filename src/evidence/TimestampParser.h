// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace mtr::evidence {

/// Strict timestamp parsing for evidence. A value either parses completely or is rejected with a
/// reason: nothing is read leniently, so a malformed time can never be silently truncated
/// (known fault K7, where "05-07-28" became 05:00:00).
class TimestampParser
{
public:
    /// Epoch unit of a numeric time column.
    enum class EpochUnit
    {
        Seconds,
        Milliseconds,
        Microseconds,
        Guess
    };

    /// ISO 8601 date-time ("T" or space), optional fraction (up to 9 digits), "Z", "+hh:mm",
    /// "+hhmm" or no zone. A value without a zone is taken as `assumedZone` (UTC by default,
    /// as Central's raisedAt sometimes lacks its "Z").
    static std::optional<QDateTime> parseIso(const QString& text,
                                             QString* error = nullptr,
                                             const QTimeZone& assumedZone = QTimeZone::utc());

    /// A decimal epoch value. Guess picks the unit by magnitude (s < 1e11 <= ms < 1e14 <= us).
    static std::optional<QDateTime>
    parseEpoch(const QString& text, EpochUnit unit, QString* error = nullptr);

    /// Time offset in seconds for a zone abbreviation used by appliances ("IST", "BST", "CEST"),
    /// or an IANA id ("Europe/Berlin") resolved at `when`. Empty optional when unknown.
    static std::optional<int> zoneOffsetSeconds(const QString& zone, const QDateTime& when);
};

} // namespace mtr::evidence
