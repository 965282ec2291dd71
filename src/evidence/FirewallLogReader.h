// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "evidence/ReadDiagnostic.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace mtr::evidence {

/// One Sophos Firewall (XG/SFOS) log line as key=value pairs, in the order written.
struct FirewallRecord
{
    qint64 line = 0;                       ///< 1-based line in the file
    QString text;                          ///< the raw line
    QList<QPair<QString, QString>> fields; ///< values unquoted but otherwise as written
    QDateTime timeUtc;                     ///< invalid when date/time/zone could not be read
    QString originalTime;                  ///< "2017-01-31 14:16:19 IST", as the device wrote it

    /// The first value of `key`, trimmed (the device writes " ICMP" for some protocols).
    QString value(const QString& key) const;

    /// The first value of `key` exactly as written (leading spaces kept).
    QString rawValue(const QString& key) const;

    /// True when the line has `key`, even with an empty value.
    bool has(const QString& key) const;
};

/// Records and diagnostics from a firewall log.
struct FirewallReadResult
{
    QList<FirewallRecord> records;
    ReadDiagnostics diagnostics;
};

/// Reads SFOS syslog lines: key=value with quoted values, unterminated quotes, stray spaces inside
/// unquoted values (`device_id=C443- P29PUA`), empty values and leading spaces. date=, time= and
/// timezone= become a UTC time with the device's text kept beside it.
class FirewallLogReader
{
public:
    /// Reads a whole log (LF or CRLF). A line that has no key=value at all is reported and skipped.
    static FirewallReadResult read(const QString& text);

    /// Parses one line; quirks (broken quote, unknown zone) go to `diagnostics` as warnings.
    static FirewallRecord
    parseLine(const QString& line, qint64 lineNo, ReadDiagnostics& diagnostics);
};

} // namespace mtr::evidence
